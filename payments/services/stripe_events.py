"""Stripe's webhook events: each stored by its id and processed once.

Once means once whatever the deliveries: the event row is inserted in the same
transaction that does the work, so a second delivery of the same id waits on
the unique index until the first commits, then finds the row processed. Order
does not matter: a paid order stays paid whatever comes after
(`order_mark_status` never un-pays), and `succeeded` after `payment_failed`
pays."""

import logging

from django.db import transaction
from django.utils import timezone

from payments.models import Order, Refund, StripeEvent
from payments.services import orders as order_services

logger = logging.getLogger(__name__)

HANDLED_TYPES = (
    "payment_intent.succeeded",
    "payment_intent.processing",
    "payment_intent.payment_failed",
    "payment_intent.canceled",
    "charge.refunded",
    "refund.updated",
)
STATUS_OF = {
    "payment_intent.processing": Order.Status.PROCESSING,
    "payment_intent.payment_failed": Order.Status.FAILED,
    "payment_intent.canceled": Order.Status.CANCELED,
}


def _object(event: dict) -> dict:
    return ((event.get("data") or {}).get("object")) or {}


def _payment_intent(event: dict, event_id: str) -> tuple[Order | None, str]:
    intent = _object(event)
    order = order_services.order_for_payment_intent(
        payment_intent_id=str(intent.get("id", "")), metadata=intent.get("metadata") or {}
    )
    if order is None:
        return None, "ignored: unknown payment intent"
    kind = event["type"]
    intent_id = str(intent.get("id", ""))
    current = order.stripe_payment_intent in (None, "", intent_id)
    if kind == "payment_intent.succeeded":
        received = intent.get("amount_received", intent.get("amount"))
        if (
            received != order.gross_cents
            or str(intent.get("currency", "")).lower() != order.currency
        ):
            logger.error(
                "payment intent %s for order %s: %s %s received, %s expected",
                intent.get("id"),
                order.public_id,
                received,
                intent.get("currency"),
                order.gross_cents,
            )
            return order, "refused: amount or currency differs from the order"
        if not current and order.status == Order.Status.PAID:
            logger.error(
                "order %s paid twice (%s): refund it in Stripe", order.public_id, intent_id
            )
            return (
                order,
                f"refused: order already paid by {order.stripe_payment_intent}; refund this one",
            )
        paid = order_services.order_mark_paid(
            order=order, payment_intent_id=intent_id, event_id=event_id
        )
        return order, "paid" if paid else "no change: already paid"
    if not current:
        return order, "ignored: not the order's current payment intent"
    error = (intent.get("last_payment_error") or {}).get("code", "") or ""
    changed = order_services.order_mark_status(
        order=order, status=STATUS_OF[kind], event_id=event_id, reason=error
    )
    return order, STATUS_OF[kind] if changed else "no change"


def _refunds(event: dict) -> tuple[Order | None, str]:
    from payments.services.refunds import refund_reconcile

    obj = _object(event)
    if event["type"] == "refund.updated":
        found = [obj]
    else:
        found = list(((obj.get("refunds") or {}).get("data")) or [])
    order, outcomes = None, []
    for stripe_refund in found:
        refund = Refund.objects.filter(stripe_refund=stripe_refund.get("id")).first()
        if refund is None:
            outcomes.append(f"{stripe_refund.get('id')}: unknown refund")
            continue
        order = refund.order
        refund_reconcile(refund=refund, stripe_status=str(stripe_refund.get("status", "")))
        outcomes.append(f"{stripe_refund.get('id')}: {stripe_refund.get('status')}")
    return order, ("; ".join(outcomes) or "ignored: no refund in the event")[:200]


@transaction.atomic
def stripe_event_process(*, event: dict) -> StripeEvent:
    """Store `event` (a verified webhook payload, as a dict) by its id and do
    what it says, once. A repeated delivery returns the stored row untouched."""
    row, created = StripeEvent.objects.get_or_create(
        event_id=str(event["id"]),
        defaults={
            "type": str(event.get("type", ""))[:100],
            "created": int(event.get("created") or 0),
            "payload": event,
        },
    )
    row = StripeEvent.objects.select_for_update().get(pk=row.pk)
    if row.processed_at is not None:
        return row
    kind = row.type
    if kind.startswith("payment_intent.") and kind in HANDLED_TYPES:
        order, outcome = _payment_intent(event, row.event_id)
    elif kind in ("charge.refunded", "refund.updated"):
        order, outcome = _refunds(event)
    else:
        order, outcome = None, "ignored: event type not handled"
    row.order = order
    row.outcome = outcome[:200]
    row.processed_at = timezone.now()
    row.save(update_fields=["order", "outcome", "processed_at"])
    return row
