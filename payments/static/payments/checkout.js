// Checkout: mounts Stripe's Payment Element (live mode) and, on the order
// status page, asks politely whether the payment arrived (backing off, and
// stopping after a while with a link to reload).
(function () {
  "use strict";

  var form = document.getElementById("payment-form");
  if (form && window.Stripe) {
    var stripe = window.Stripe(form.dataset.publishableKey, { locale: form.dataset.locale || "auto" });
    var elements = stripe.elements({ clientSecret: form.dataset.clientSecret });
    var container = document.getElementById("payment-element");
    container.textContent = "";
    elements.create("payment").mount(container);
    var message = document.getElementById("payment-message");
    var submit = document.getElementById("payment-submit");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submit.disabled = true;
      stripe
        .confirmPayment({ elements: elements, confirmParams: { return_url: form.dataset.returnUrl } })
        .then(function (result) {
          // Only reached on an immediate error: success redirects to return_url.
          if (result.error) {
            message.textContent = result.error.message;
            message.hidden = false;
          }
          submit.disabled = false;
        });
    });
  }

  var status = document.getElementById("order-status");
  if (status && status.dataset.status !== "paid") {
    var delay = 1500;
    var waited = 0;
    var limit = 120000;
    var check = function () {
      fetch(status.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (data && data.status !== status.dataset.status) {
            window.location.replace(window.location.pathname);
            return;
          }
          schedule();
        })
        .catch(schedule);
    };
    var schedule = function () {
      waited += delay;
      if (waited > limit) {
        var hint = document.getElementById("status-hint");
        if (hint) {
          hint.textContent = hint.dataset.stopped;
        }
        return;
      }
      window.setTimeout(check, delay);
      delay = Math.min(delay * 1.5, 15000);
    };
    schedule();
  }
})();
