"""The one place the `stripe` library is configured (from settings), and where
its errors become refusals a person can read.

Payments are on when STRIPE_SECRET_KEY is set. STRIPE_API_BASE points the
library at localstripe (the local fake, `make run` and the tests); then the
checkout page shows a labelled test form instead of Stripe.js, which
localstripe does not serve for real."""

from urllib.parse import urlsplit

import stripe
from django.conf import settings
from django.utils.translation import gettext_lazy as _

# Seconds to connect and to wait for Stripe's answer; Stripe's own library
# retries connection errors and 409/429/5xx answers with the same idempotency key.
CONNECT_TIMEOUT = 5
READ_TIMEOUT = 30
NETWORK_RETRIES = 2


class PaymentRefused(Exception):
    """Stripe (or the fake) refused or could not be reached: `message` is a
    translated sentence for the person, `code` Stripe's code when it gave one."""

    def __init__(self, message, *, code: str = ""):
        super().__init__(str(message))
        self.message = message
        self.code = code


def payments_enabled() -> bool:
    """True when a Stripe secret key is configured (real Stripe or the fake)."""
    return bool(settings.STRIPE_SECRET_KEY)


def is_local_fake() -> bool:
    """True when the library talks to localstripe on this machine, not Stripe."""
    base = settings.STRIPE_API_BASE
    if not base or not payments_enabled():
        return False
    host = (urlsplit(base).hostname or "").lower()
    return host in ("127.0.0.1", "localhost", "::1")


def client() -> stripe.StripeClient:
    """A client for the current settings (cheap to make; settings may change in tests)."""
    if not payments_enabled():
        raise PaymentRefused(_("Online payments are switched off on this platform."))
    base_addresses = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses=base_addresses,
        max_network_retries=NETWORK_RETRIES,
        http_client=stripe.RequestsClient(timeout=(CONNECT_TIMEOUT, READ_TIMEOUT)),
    )


def refusal(error: stripe.StripeError) -> PaymentRefused:
    """A Stripe error as a refusal with a translated reason (never a 500)."""
    code = getattr(error, "code", None) or ""
    if isinstance(error, stripe.CardError):
        if code in ("card_declined", "insufficient_funds", "expired_card"):
            message = _("Your bank declined the payment. Try another card or payment method.")
        else:
            message = _("The payment details were refused. Check them and try again.")
    elif isinstance(error, (stripe.APIConnectionError, stripe.RateLimitError)):
        message = _("The payment service cannot be reached just now. Try again in a few minutes.")
    elif isinstance(error, (stripe.AuthenticationError, stripe.PermissionError)):
        message = _("Payments are not configured correctly. Please tell the platform's staff.")
    else:
        message = _("The payment service refused this request. Try again or contact us.")
    return PaymentRefused(message, code=code)


def call(function, *args, **kwargs):
    """Run one Stripe call; a Stripe error becomes PaymentRefused."""
    try:
        return function(*args, **kwargs)
    except stripe.StripeError as error:
        raise refusal(error) from error
