/* On every page (base.html), two behaviours.
 *
 * The site menu: a <details> that opens from a button on a phone
 * and is always open from 48rem. Without this script the menu still opens and
 * closes on a phone; on a wide screen the browsers that know ::details-content
 * keep it open with CSS alone. Escape closes it and gives focus back to the
 * button. A static file: the Content-Security-Policy allows no inline script. */
(function () {
  'use strict';
  // Printing opens every collapsed part (answers, transcripts), then closes
  // again what was closed: paper cannot be clicked. print.css does the same
  // with ::details-content where the browser knows it.
  var reopened = [];
  window.addEventListener('beforeprint', function () {
    reopened = Array.prototype.filter.call(document.querySelectorAll('main details:not([open])'), function (item) {
      item.setAttribute('open', '');
      return true;
    });
  });
  window.addEventListener('afterprint', function () {
    reopened.forEach(function (item) { item.removeAttribute('open'); });
    reopened = [];
  });

  var menu = document.querySelector('[data-site-menu]');
  if (!menu) { return; }
  var toggle = menu.querySelector('summary');
  var wide = window.matchMedia('(min-width: 48rem)');

  function fit() {
    if (wide.matches) { menu.setAttribute('open', ''); } else { menu.removeAttribute('open'); }
  }
  fit();
  if (wide.addEventListener) { wide.addEventListener('change', fit); }

  menu.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && menu.open && !wide.matches) {
      menu.removeAttribute('open');
      toggle.focus();
    }
  });
  // A tap outside the open menu closes it, as people expect of a menu.
  document.addEventListener('click', function (event) {
    if (menu.open && !wide.matches && !menu.contains(event.target)) {
      menu.removeAttribute('open');
    }
  });
  // On a wide screen the summary is hidden: it must not toggle the menu shut.
  toggle.addEventListener('click', function (event) {
    if (wide.matches) { event.preventDefault(); }
  });
})();
