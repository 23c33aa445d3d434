// perfgate report: table sorting and the label filter, progressive enhancements. Without this script (blocked by a Content-Security-
// Policy, or JavaScript off) the tables keep their order and nothing else is lost. It only reorders existing rows
// and reads data-sort values; it never builds markup from text.
(function () {
  'use strict';
  function key(cell, numeric) {
    var raw = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
    if (!numeric) { return raw.toLowerCase(); }
    var n = parseFloat(raw);
    return isNaN(n) ? -Infinity : n;
  }
  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    var numeric = header.getAttribute('data-type') === 'number';
    var descending = header.getAttribute('aria-sort') !== 'descending';
    var rows = Array.prototype.slice.call(body.rows);
    var pinned = rows.filter(function (r) { return r.classList.contains('overall'); });
    var rest = rows.filter(function (r) { return !r.classList.contains('overall'); });
    rest.sort(function (a, b) {
      var x = key(a.cells[index], numeric), y = key(b.cells[index], numeric);
      var c = x < y ? -1 : x > y ? 1 : 0;
      return descending ? -c : c;
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    pinned.concat(rest).forEach(function (r) { body.appendChild(r); });
  }
  function enhance(table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener('click', function () { sortBy(table, index, th); });
    });
    table.classList.add('sort-ready');
  }
  // with many labels a filter box above the table keeps the rows whose label holds every typed word; made here, so a
  // page without script shows no box that does nothing
  var FILTER_FROM = 10;
  function filter(table, input) {
    var words = input.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
      var text = r.cells[0].textContent.toLowerCase();
      var keep = r.classList.contains('overall') || words.every(function (w) { return text.indexOf(w) >= 0; });
      r.hidden = !keep;
    });
  }
  function addFilter(table) {
    var count = table.tBodies.length ? table.tBodies[0].rows.length - 1 : 0;
    if (count <= FILTER_FROM) { return; }
    var input = document.createElement('input');
    input.type = 'search';
    input.className = 'label-filter';
    input.placeholder = 'Filter ' + count + ' labels';
    input.setAttribute('aria-label', 'Filter labels');
    input.addEventListener('input', function () { filter(table, input); });
    var wrap = table.parentNode.classList.contains('table-wrap') ? table.parentNode : table;
    wrap.parentNode.insertBefore(input, wrap);
  }
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), enhance);
    var labels = document.getElementById('label-table');
    if (labels) { addFilter(labels); }
  });
}());
