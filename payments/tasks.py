"""Celery tasks of payments: thin, idempotent wrappers that load by id and call
a service. Sent with `delay_on_commit` (the outbox keeps them through a broker
outage)."""

# --- stripe: after a payment ------------------------------------------------------

from celery import shared_task


@shared_task(acks_late=True)
def order_paid_email_send(order_id: int) -> str:
    from payments.services.orders import order_paid_email_send as send

    return send(order_id=order_id)
"""Celery tasks of payments: thin wrappers that load by id and call a service."""

from celery import shared_task

# --- vouchers: the e-mail of a seat sent to a person ---------------------------


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def voucher_email_send(self, voucher_id: int, email: str) -> str:
    """E-mail a seat's code and redeem link to the address it was sent to
    (skipped when the seat was taken back or used since); safe to retry."""
    from payments.services.vouchers import voucher_email_send as send

    return send(voucher_id=voucher_id, email=email)
