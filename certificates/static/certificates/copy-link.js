// "Copy link" beside each share link (My certificates), progressive: without
// this script the button stays hidden and the link is selectable text. The
// result is said in the button's status region, for screen readers too.
(function () {
  "use strict";

  function say(button, text) {
    var status = button.parentNode.querySelector(".copy-link__status");
    if (status) status.textContent = text;
  }

  function copyBySelection(field) {
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  function copy(button) {
    var field = document.getElementById(button.getAttribute("data-copy-from"));
    if (!field) return;
    var done = function () { say(button, button.getAttribute("data-copied")); };
    var failed = function () {
      if (copyBySelection(field)) done();
      else say(button, button.getAttribute("data-copy-failed"));
    };
    say(button, "");
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(done, failed);
    } else {
      failed();
    }
  }

  document.querySelectorAll("button[data-copy-from]").forEach(function (button) {
    button.addEventListener("click", function () { copy(button); });
    button.parentNode.hidden = false;
  });
})();
