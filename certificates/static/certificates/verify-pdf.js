// PDF check, progressive: the form works without this script (the verdict page
// then shows the certificate as issued, and the visitor opens their own file
// beside it). With it, the dropped file stays in this tab: the form is sent
// with fetch, the verdict replaces the page's content, and when the file is
// not one Digiskills issued, the visitor's own browser shows it, through an
// object URL, next to the certificate as issued. The server never draws an
// uploaded file.
(function () {
  "use strict";
  if (!window.fetch || !window.FormData || !window.DOMParser || !window.URL || !URL.createObjectURL) return;
  var shown = null; // the object URL on screen, released when replaced

  function release() {
    if (shown) URL.revokeObjectURL(shown);
    shown = null;
  }

  function showUploaded(file) {
    var slot = document.querySelector("[data-uploaded-slot]");
    if (!slot || !file) return;
    release();
    // Typed as PDF whatever the file says, so the browser's PDF viewer shows
    // it and nothing else can run from it.
    shown = URL.createObjectURL(new Blob([file], { type: "application/pdf" }));
    var frame = document.createElement("iframe");
    frame.className = "comparison__frame";
    frame.title = slot.getAttribute("data-frame-title") || "";
    frame.src = shown;
    frame.setAttribute("data-uploaded-frame", "");
    slot.replaceChildren(frame);
  }

  function swap(html) {
    var fresh = new DOMParser().parseFromString(html, "text/html");
    var from = fresh.querySelector("main");
    var into = document.querySelector("main");
    if (!from || !into) return false;
    into.replaceChildren.apply(into, Array.prototype.slice.call(from.childNodes).map(function (node) {
      return document.importNode(node, true);
    }));
    if (fresh.title) document.title = fresh.title;
    return true;
  }

  function focusResult() {
    var target = document.getElementById("verdict-title") || document.getElementById("error-summary") || document.querySelector("main h1");
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }

  function bind() {
    var form = document.querySelector("form[data-pdf-check]");
    if (!form) return;
    form.addEventListener("submit", function (event) {
      var input = form.querySelector("input[type=file]");
      var file = input && input.files && input.files[0];
      if (!file) return; // let the server say what is missing
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      fetch(form.getAttribute("action") || window.location.href, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
      })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          if (!swap(html)) throw new Error("no page");
          showUploaded(file);
          bind();
          focusResult();
        })
        .catch(function () {
          // The ordinary post, without the side-by-side view.
          if (button) button.disabled = false;
          form.submit();
        });
    });
  }

  bind();
})();
