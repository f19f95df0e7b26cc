"""Celery tasks of payments: thin, idempotent wrappers that load by id and call
a service. Sent after commit through the outbox (kept through a broker outage)."""

from celery import shared_task

# --- stripe: after a payment ------------------------------------------------------


@shared_task(acks_late=True)
def order_paid_email_send(order_id: int) -> str:
    from payments.services.orders import order_paid_email_send as send

    return send(order_id=order_id)


# --- vouchers: the e-mail of a seat sent to a person ---------------------------


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def voucher_email_send(self, voucher_id: int, email: str) -> str:
    """E-mail a seat's code and redeem link to the address it was sent to
    (skipped when the seat was taken back or used since); safe to retry."""
    from payments.services.vouchers import voucher_email_send as send

    return send(voucher_id=voucher_id, email=email)


# --- invoices -----------------------------------------------------------------


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def invoice_deliver(self, invoice_id: int) -> str:
    """After an invoice or credit note is committed: store its PDF and e-mail
    it to the billing address, each once (SMTP errors are OSErrors: retried)."""
    from payments.services.invoices import invoice_deliver as deliver

    return deliver(invoice_id=invoice_id)


@shared_task(keep_when_refused=False)
def invoices_pending_sweep() -> int:
    """Beat: deliver the invoices a lost task left without a PDF or e-mail."""
    from payments.services.invoices import invoices_pending_sweep as sweep

    return sweep()
