// Exam page, progressive: the form works without this script. With it,
// answers are saved as the learner goes, a countdown is shown, and the page
// reports when it loses focus (kept for review; the server decides the rest).
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  if (!form || !form.dataset.autosaveUrl) return;
  var status = document.getElementById("autosave-status");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;

  function save() {
    var data = new FormData(form);
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": token },
    })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        if (status) status.textContent = body.saved ? body.message : body.error;
        if (!body.saved) window.location.reload();
      })
      .catch(function () { /* offline: the next change or the button saves */ });
  }
  form.addEventListener("change", save);

  function lost(kind) {
    var data = new FormData();
    data.append("csrfmiddlewaretoken", token);
    data.append("kind", kind);
    if (navigator.sendBeacon) navigator.sendBeacon(form.dataset.focusUrl, data);
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") lost("hidden");
  });
  window.addEventListener("blur", function () { lost("blur"); });

  var deadline = document.getElementById("exam-deadline");
  var timer = document.getElementById("exam-timer");
  if (deadline && timer) {
    var end = Date.now() + 1000 * parseInt(deadline.dataset.secondsLeft, 10);
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      timer.textContent = " (" + Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0") + ")";
      if (left === 0) { window.location.reload(); return; }
      window.setTimeout(tick, 1000);
    };
    tick();
  }
})();
