/* The lesson page's side of the H5P bridge.
 *
 * Each exercise plays in <iframe sandbox="allow-scripts"> from the player
 * origin. Without allow-same-origin the frame's document has an opaque origin,
 * so the browser stamps its messages with origin "null": a message is taken
 * only when it comes from that very frame's window (event.source) with that
 * origin, and only in the shape the player's bridge sends. Statements and state
 * are then posted to the platform with the CSRF token; the server decides who
 * the learner is and what counts. */
(function () {
  'use strict';
  var frames = Array.prototype.slice.call(document.querySelectorAll('iframe[data-h5p-session]'));
  if (!frames.length || window.digiskillsH5PBridge) {
    return;
  }
  window.digiskillsH5PBridge = true;
  var pendingState = new Map();

  function post(frame, payload) {
    payload.session = frame.dataset.h5pSession;
    return fetch(frame.dataset.h5pBridge, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'X-CSRFToken': frame.dataset.h5pCsrf},
      body: JSON.stringify(payload)
    }).then(function (response) {
      return response.json().catch(function () { return {}; });
    });
  }

  function show(frame, text) {
    var area = document.getElementById(frame.dataset.h5pResult);
    if (area && text) {
      area.textContent = '';
      var p = document.createElement('p');
      p.textContent = text;
      area.appendChild(p);
    }
  }

  function saveState(frame, state) {
    // The player may save often: keep the latest and send it after a pause.
    clearTimeout(pendingState.get(frame));
    pendingState.set(frame, setTimeout(function () {
      post(frame, {type: 'state', state: state});
    }, 500));
  }

  window.addEventListener('message', function (event) {
    var frame = frames.find(function (f) { return event.source === f.contentWindow; });
    if (!frame || event.origin !== 'null') {
      return;
    }
    var data = event.data;
    if (!data || typeof data !== 'object' || data.source !== 'digiskills-h5p') {
      return;
    }
    if (data.type === 'resize' && typeof data.height === 'number') {
      frame.style.height = Math.min(Math.max(Math.round(data.height), 150), 6000) + 'px';
    } else if (data.type === 'statement' && data.statement && typeof data.statement === 'object') {
      post(frame, {type: 'statement', statement: data.statement, resultId: data.resultId || null})
        .then(function (body) {
          if (body.result) {
            show(frame, body.result.message);
          } else if (body.ok === false) {
            show(frame, body.error);
          }
        });
    } else if (data.type === 'state' && typeof data.state === 'string') {
      saveState(frame, data.state);
    }
  });
})();
