// perfgate report: table sorting, a progressive enhancement. Without this script (blocked by a Content-Security-
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
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), enhance);
  });
}());
