/* Runs first in the H5P player frame (player origin, sandboxed): H5P core
 * reads its settings from window.H5PIntegration, which the server wrote as
 * a JSON data block (no inline script under the player's CSP). */
(function () {
  'use strict';
  window.H5PIntegration = JSON.parse(document.getElementById('h5p-integration').textContent);
  // Without allow-same-origin, merely reading window.localStorage throws; H5P
  // core checks `if (!window.localStorage)` in places: let it see none.
  try {
    void window.localStorage;
  } catch (error) {
    Object.defineProperty(window, 'localStorage', {value: null, configurable: true});
  }
})();
