"""Receivers of Celery's signals."""

import logging

logger = logging.getLogger(__name__)


def on_worker_ready(sender=None, **kwargs) -> None:
    """celery.signals.worker_ready: a worker (re)started, so the broker answers
    again: queue a flush of what waited in the outbox."""
    from outbox.task import BROKER_ERRORS
    from outbox.tasks import outbox_flush

    try:
        outbox_flush.delay()
    except BROKER_ERRORS:  # the beat's next flush will do
        logger.warning("outbox: no flush queued at worker start")
