"""Webhook events for tests, built like Stripe's and signed with the stripe
library's own signing (`stripe.WebhookSignature.generate_signature_header`)."""

import itertools
import json
import time

import stripe
from django.test import Client

from tests.localstripe import TEST_WEBHOOK_SECRET, WEBHOOK_PATH

_numbers = itertools.count(1)


def intent_event(order, kind: str, *, amount=None, currency="eur", intent_id=None, metadata=None):
    """A `payment_intent.<kind>` event for `order`'s PaymentIntent."""
    intent_id = intent_id or order.stripe_payment_intent
    status = {
        "succeeded": "succeeded",
        "processing": "processing",
        "payment_failed": "requires_payment_method",
        "canceled": "canceled",
    }[kind]
    amount = order.gross_cents if amount is None else amount
    return {
        "id": f"evt_test_{next(_numbers):08d}",
        "object": "event",
        "type": f"payment_intent.{kind}",
        "created": int(time.time()),
        "livemode": False,
        "data": {
            "object": {
                "id": intent_id,
                "object": "payment_intent",
                "amount": amount,
                "amount_received": amount if kind == "succeeded" else 0,
                "currency": currency,
                "status": status,
                "metadata": {"order": str(order.public_id)} if metadata is None else metadata,
                "last_payment_error": {"code": "card_declined"}
                if kind == "payment_failed"
                else None,
            }
        },
    }


def refund_event(refund_id: str, status: str, kind: str = "refund.updated"):
    refund = {"id": refund_id, "object": "refund", "status": status}
    obj = (
        refund
        if kind == "refund.updated"
        else {"id": "ch_test", "object": "charge", "refunds": {"data": [refund]}}
    )
    return {
        "id": f"evt_test_{next(_numbers):08d}",
        "object": "event",
        "type": kind,
        "created": int(time.time()),
        "data": {"object": obj},
    }


def signed(event: dict, *, secret: str = TEST_WEBHOOK_SECRET, timestamp=None) -> tuple[str, str]:
    payload = json.dumps(event)
    header = stripe.WebhookSignature.generate_signature_header(payload, secret, timestamp=timestamp)
    return payload, header


def deliver(event: dict, client: Client | None = None, **signing):
    payload, header = signed(event, **signing)
    return (client or Client()).post(
        WEBHOOK_PATH, data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )
