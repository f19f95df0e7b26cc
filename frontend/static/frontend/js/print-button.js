/* Buttons marked data-print open the browser's print dialog. A static file, so
 * the Content-Security-Policy needs no inline handler (no onclick=""). */
(function () {
  'use strict';
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
})();
