/* The player frame's side of the bridge to the platform (runs after H5P core
 * and the content's libraries, before H5P starts the content).
 *
 * The frame is sandboxed without allow-same-origin and its CSP forbids every
 * connection (connect-src 'none'): what H5P reports leaves only through
 * parent.postMessage, addressed to the platform's origin, never "*". The
 * platform decides who the learner is and what counts. */
/* global H5P */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('h5p-bridge').textContent);
  var target = config.platformOrigin;
  var lastState = null;
  var lastResult = null;

  function send(message) {
    message.source = 'digiskills-h5p';
    window.parent.postMessage(message, target);
  }

  function newId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }

  // H5P core's own frame messages are sent to "*": they stay inside.
  if (H5P.communicator) {
    H5P.communicator.send = function () {};
  }
  // SoundJS (H5P.SingleChoiceSet's sound effects) would fetch its sounds by
  // XHR, which connect-src 'none' refuses: let it play them with <audio>.
  if (H5P.SoundJS && window.createjs && window.createjs.HTMLAudioPlugin) {
    H5P.SoundJS.registerPlugins([window.createjs.HTMLAudioPlugin]);
  }
  // No AJAX from here: the state goes to the platform by message.
  H5P.setUserData = function (contentId, dataId, data) {
    if (dataId !== 'state') {
      return;
    }
    var text;
    try {
      text = JSON.stringify(data);
    } catch (error) {
      return;
    }
    if (text !== lastState) {
      lastState = text;
      send({type: 'state', state: text});
    }
  };
  H5P.deleteUserData = function () {};

  // A part of the activity (a QuestionSet's question, a Summary's statement
  // group) carries its subContentId in the object's definition (H5P core) or
  // in the context, and a parent in the context: its score is not the result.
  function isTopLevel(statement) {
    var key = 'http://h5p.org/x-api/h5p-subContentId';
    var definition = statement.object && statement.object.definition;
    var context = statement.context || {};
    var parents = context.contextActivities && context.contextActivities.parent;
    return !((definition && definition.extensions && definition.extensions[key]) ||
      (context.extensions && context.extensions[key]) || (parents && parents.length));
  }

  H5P.externalDispatcher.on('xAPI', function (event) {
    var statement = event.data && event.data.statement;
    if (!statement || !statement.verb) {
      return;
    }
    var verb = String(statement.verb.id || '');
    var topLevel = isTopLevel(statement);
    var score = statement.result && statement.result.score;
    var resultId = null;
    if (topLevel && score && /\/(answered|completed)$/.test(verb)) {
      // Many content types report one finish twice ("answered", then
      // "completed", same score): one result, one id.
      var now = Date.now();
      var same = lastResult && lastResult.verb !== verb && lastResult.raw === score.raw &&
        lastResult.max === score.max && now - lastResult.at < 2000;
      resultId = same ? lastResult.id : newId();
      lastResult = {verb: verb, raw: score.raw, max: score.max, at: now, id: resultId};
    }
    send({type: 'statement', statement: JSON.parse(JSON.stringify(statement)), resultId: resultId});
    saveStates();
  });

  // H5P core saves on its own timer (saveFreq); a step without an xAPI event
  // (e.g. "Next question") is caught by this quicker look, sent only on change.
  function saveStates() {
    H5P.instances.forEach(function (instance) {
      if (typeof instance.getCurrentState !== 'function') {
        return;
      }
      var state;
      try {
        state = instance.getCurrentState();
      } catch (error) {
        return; // a part that cannot say yet (e.g. a video still loading)
      }
      H5P.setUserData(instance.contentId, 'state', state);
    });
  }
  setInterval(saveStates, 2000);
  window.addEventListener('pagehide', saveStates);

  var sentHeight = 0;
  function resize() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== sentHeight) {
      sentHeight = height;
      send({type: 'resize', height: height});
    }
  }
  if (window.ResizeObserver) {
    new ResizeObserver(resize).observe(document.documentElement);
  }
  window.addEventListener('load', resize);
  send({type: 'ready'});
})();
