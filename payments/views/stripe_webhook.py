"""Stripe's webhook: the only source of "paid". The body is bounded before it
is read, the signature checked with the stripe library (400 when missing,
wrong or older than its tolerance), then the event stored and processed once
(`payments.services.stripe_events`)."""

import json
import logging

import stripe
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from payments.services.stripe_events import stripe_event_process

logger = logging.getLogger(__name__)

# Stripe's events are a few KB; anything much larger is not Stripe's.
WEBHOOK_MAX_BYTES = 256 * 1024
# Seconds an event's signed timestamp may be old (Stripe's own default).
WEBHOOK_TOLERANCE = 300


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    """Receive one event from Stripe (or localstripe)."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        return HttpResponse("webhooks are not configured", status=503, content_type="text/plain")
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length <= 0 or length > WEBHOOK_MAX_BYTES:
        return HttpResponseBadRequest("body missing or too large", content_type="text/plain")
    payload = request.read(WEBHOOK_MAX_BYTES + 1)
    if len(payload) > WEBHOOK_MAX_BYTES:
        return HttpResponseBadRequest("body too large", content_type="text/plain")
    signature = request.META.get("HTTP_STRIPE_SIGNATURE", "")
    try:
        stripe.WebhookSignature.verify_header(
            payload.decode("utf-8"), signature, secret, WEBHOOK_TOLERANCE
        )
        event = json.loads(payload)
    except (stripe.SignatureVerificationError, UnicodeDecodeError, ValueError):
        return HttpResponseBadRequest("invalid signature", content_type="text/plain")
    if not isinstance(event, dict) or not event.get("id") or not event.get("type"):
        return HttpResponseBadRequest("not an event", content_type="text/plain")
    row = stripe_event_process(event=event)
    return JsonResponse({"received": True, "outcome": row.outcome})
