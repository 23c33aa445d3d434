/*
 * perfgate: filter boxes for long label lists (job page selector, build page table). An input with
 * data-perfgate-filter="ID" narrows the element ID as you type: a <select> keeps the matching options, a <table> the
 * matching body rows (the first row, the header, always stays). Loaded as an adjunct: no inline script (CSP).
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

  function init() {
    var inputs = document.querySelectorAll('input[data-perfgate-filter]');
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].getAttribute('data-perfgate-ready')) {
        continue;
      }
      inputs[i].setAttribute('data-perfgate-ready', 'true');
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
