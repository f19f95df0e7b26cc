"""Celery tasks of partners: thin, idempotent wrappers that load by id and call
a service. All are safe to retry: the state in the database decides what runs."""

from celery import shared_task
from django.conf import settings

from partners.models import ImportBatch
from partners.services.imports import (
    import_batch_commit,
    import_batch_validate,
    import_batches_stalled,
)
from partners.services.webhooks import webhook_deliveries_due, webhook_delivery_attempt
from partners.services.welcomes import import_welcomes_send as welcomes_send
from partners.services.welcomes import import_welcomes_stalled


@shared_task(acks_late=True)
def import_validate(batch_id: int) -> str:
    batch = import_batch_validate(batch_id=batch_id)
    return batch.status if batch else "missing"


@shared_task(acks_late=True)
def import_commit(batch_id: int) -> str:
    batch = import_batch_commit(batch_id=batch_id)
    return batch.status if batch else "missing"


@shared_task(keep_when_refused=False)
def import_batches_resume() -> int:
    """Beat: queue again the checks, enrolments and released welcome e-mails
    whose message was lost or whose worker died (each step runs once; a
    duplicate finds it done or not yet due)."""
    stalled = import_batches_stalled()
    for batch_id, status in stalled:
        step = import_validate if status == ImportBatch.Status.UPLOADED else import_commit
        step.delay(batch_id)
    welcomes = import_welcomes_stalled()
    for batch_id in welcomes:
        import_welcomes_send.delay(batch_id)
    return len(stalled) + len(welcomes)


@shared_task(acks_late=True)
def import_welcomes_send(batch_id: int) -> int:
    """Send a minute's worth of a released import's welcome e-mails, then
    queue the next minute's. A duplicate or early run sends nothing."""
    result = welcomes_send(batch_id=batch_id)
    if result.more:
        import_welcomes_send.apply_async((batch_id,), eta=result.due_at)
    return result.sent


@shared_task(bind=True, acks_late=True)
def webhook_deliver(self, delivery_id: int) -> str:
    """One attempt at a webhook delivery; retried with exponential backoff.
    The attempt count lives in the database, so retries, duplicates and
    redeliveries all share it and a delivered event is never sent again."""
    result = webhook_delivery_attempt(delivery_id=delivery_id)
    if (
        result.outcome == "retry"
        and not self.request.is_eager
        and result.countdown <= settings.CELERY_MAX_COUNTDOWN
    ):
        raise self.retry(countdown=result.countdown, max_retries=None)
    # A longer wait is not held as a message (Redis would deliver it again
    # after its visibility timeout): webhook_deliveries_resume sends it when due.
    # In-process (no broker): the delivery waits with its next_attempt_at for
    # webhook_deliveries_resume or a manual redelivery; the caller never fails.
    return result.outcome


@shared_task(keep_when_refused=False)
def webhook_deliveries_resume() -> int:
    """Every minute: queue again the deliveries whose message was lost."""
    due = webhook_deliveries_due()
    for delivery_id in due:
        webhook_deliver.delay(delivery_id)
    return len(due)


@shared_task(keep_when_refused=False)
def import_files_purge() -> dict:
    """Nightly: delete partners' uploaded files that are due (config/celery.py)."""
    from django.conf import settings

    from partners.services.retention import import_files_purge as purge

    return purge(limit=settings.GDPR_RETENTION_BATCH)
