"""Celery tasks of payments: thin, idempotent wrappers that load by id and call
a service."""

from celery import shared_task

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
