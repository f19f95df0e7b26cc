/* The warning before a session ends for inactivity (lms/idle.py ends it on the
   server). Opens the alert dialog SESSION_IDLE_WARNING seconds before the end;
   "Stay signed in" posts to the keep-alive endpoint. Before warning and at the
   end it asks how long is left, since activity in another tab counts. */
(function () {
  "use strict";
  var dialog = document.getElementById("idle-warning");
  if (!dialog || typeof dialog.showModal !== "function") return;
  var form = dialog.querySelector("form");
  var button = form.querySelector("button");
  var error = dialog.querySelector("[data-idle-error]");
  var warnBefore = parseInt(dialog.dataset.warnBefore, 10) || 0;
  var statusUrl = dialog.dataset.statusUrl;
  var returnFocus = null;
  var warnTimer = null;
  var endTimer = null;

  function schedule(secondsLeft) {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(check, Math.max(0, secondsLeft - warnBefore) * 1000);
    endTimer = setTimeout(end, secondsLeft * 1000 + 500);
  }

  function secondsLeftFrom(response) {
    var type = response.headers.get("Content-Type") || "";
    if (!response.ok || type.indexOf("application/json") === -1) return Promise.resolve(0);
    return response.json().then(function (body) { return body.seconds_left || 0; });
  }

  function ask() {
    return fetch(statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(secondsLeftFrom);
  }

  function check() {
    ask().then(function (left) {
      if (left > warnBefore) { schedule(left); return; }
      open();
    }, open);
  }

  function open() {
    if (dialog.open) return;
    error.hidden = true;
    returnFocus = document.activeElement;
    dialog.showModal();
    button.focus();
  }

  function close() {
    if (dialog.open) dialog.close();
    if (returnFocus && typeof returnFocus.focus === "function") returnFocus.focus();
  }

  function end() {
    ask().then(function (left) {
      if (left > 0) { close(); schedule(left); return; }
      // Signed out on the server: the page is reloaded, which leads to sign-in.
      window.location.assign(window.location.href);
    }, function () { window.location.assign(window.location.href); });
  }

  function stay(event) {
    if (event) event.preventDefault();
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(secondsLeftFrom)
      .then(function (left) {
        if (left <= 0) { window.location.assign(window.location.href); return; }
        close();
        schedule(left);
      })
      .catch(function () {
        error.textContent = dialog.dataset.errorText;
        error.hidden = false;
      });
  }

  form.addEventListener("submit", stay);
  // Escape means the person is there: the same as "stay signed in".
  dialog.addEventListener("cancel", stay);
  schedule(parseInt(dialog.dataset.secondsLeft, 10) || 0);
})();
