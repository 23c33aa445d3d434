/*
 * perfgate: filter boxes for long label lists (job page selector, build page table). An input with
 * data-perfgate-filter="ID" narrows the element ID as you type: a <select> keeps the matching options, a <table> the
 * matching body rows (the first row, the header, always stays). A <select> with data-perfgate-more="URL" was sent
 * only the busiest labels: as you type, URL?q=WORDS (JSON: total, options) supplies the matching labels of all.
 * Loaded as an adjunct: no inline script (CSP).
 */
(function () {
  function matches(text, words) {
    text = text.toLowerCase();
    return words.every(function (w) { return text.indexOf(w) >= 0; });
  }

  function apply(input) {
    var target = document.getElementById(input.getAttribute('data-perfgate-filter'));
    if (!target) {
      return;
    }
    var words = input.value.trim().toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    var items = target.tagName === 'SELECT' ? target.options : target.rows;
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var keep = items[i].hasAttribute('data-perfgate-keep') || items[i].selected || i === 0
          || matches(items[i].textContent, words);
      items[i].hidden = !keep;
      items[i].style.display = keep ? '' : 'none';
      if (keep) {
        shown++;
      }
    }
    input.title = (shown - 1) + ' of ' + (items.length - 1) + ' shown';
  }

  /* Replaces a select's options (but the first, "All samples", and the chosen one) by those the server found. */
  function fill(select, found, sent) {
    var selected = select.value;
    while (select.options.length > 1) {
      select.remove(1);
    }
    var list = found ? found.options : sent;
    var have = false;
    for (var i = 0; i < list.length; i++) {
      var o = new Option(list[i].caption, list[i].name); // text, not HTML: labels stay escaped
      if (list[i].name === selected) {
        o.selected = true;
        have = true;
      }
      select.add(o);
    }
    if (!have && selected) {
      var kept = sent.filter(function (s) { return s.name === selected; })[0];
      var s = new Option(kept ? kept.caption : selected, selected);
      s.selected = true;
      select.add(s);
    }
    return found ? found.options.length + ' of ' + found.total + ' matching labels shown' : '';
  }

  function remote(input, select) {
    var url = select.getAttribute('data-perfgate-more');
    var sent = [];
    for (var i = 1; i < select.options.length; i++) {
      sent.push({ name: select.options[i].value, caption: select.options[i].text });
    }
    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (!q) {
        fill(select, null, sent);
        apply(input);
        return;
      }
      timer = setTimeout(function () {
        fetch(url + '?q=' + encodeURIComponent(q), { credentials: 'same-origin' })
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (found) {
            if (found && input.value.trim() === q) {
              input.title = fill(select, found, sent);
            }
          })
          .catch(function () { /* the options sent stay, filtered locally */ });
      }, 250);
    });
  }

  function init() {
    var inputs = document.querySelectorAll('input[data-perfgate-filter]');
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].getAttribute('data-perfgate-ready')) {
        continue;
      }
      inputs[i].setAttribute('data-perfgate-ready', 'true');
      var target = document.getElementById(inputs[i].getAttribute('data-perfgate-filter'));
      if (target && target.tagName === 'SELECT' && target.getAttribute('data-perfgate-more')) {
        remote(inputs[i], target);
      }
      inputs[i].addEventListener('input', function (e) { apply(e.target); });
      apply(inputs[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
