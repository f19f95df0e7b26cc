"""Celery tasks of the outbox."""

from celery import shared_task

from outbox.services import messages_flush


@shared_task(keep_when_refused=False)
def outbox_flush() -> int:
    """Beat (every OUTBOX_FLUSH_SECONDS) and every worker start: send the task
    messages the broker refused."""
    return messages_flush()
