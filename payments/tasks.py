"""Celery tasks of payments: thin, idempotent wrappers that load by id and call
a service. Sent with `delay_on_commit` (the outbox keeps them through a broker
outage)."""

# --- stripe: after a payment ------------------------------------------------------

from celery import shared_task


@shared_task(acks_late=True)
def order_paid_email_send(order_id: int) -> str:
    from payments.services.orders import order_paid_email_send as send

    return send(order_id=order_id)
