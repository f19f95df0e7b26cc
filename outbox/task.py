"""The Celery task base class of every task (config/celery.py): sending a task
never fails the caller.

Tasks are sent after the commit (`delay_on_commit`, from DjangoTask). When the
broker refuses the message (down, unreachable, too slow: the connect timeout
and publish retries are short, see CELERY_BROKER_* in settings), it is kept in
the outbox table instead and `outbox_flush` (beat, and every worker start)
sends it again. After a refusal the process sends straight to the outbox for
OUTBOX_BROKER_PAUSE_SECONDS, so that pages do not each wait for a dead broker.

Only the failure path writes to the database: the happy path costs no query.
A process that dies between the commit and the publish loses the message; the
sweeps (certificates_pending_sweep, webhook_deliveries_resume, bulk_jobs_resume)
are the net for that.
"""

import logging
import time

from celery.contrib.django.task import DjangoTask
from celery.utils import uuid
from django.conf import settings
from kombu.exceptions import OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What a broker that is away raises from a publish (kombu wraps most of them
# in OperationalError; a socket error can come through as it is).
BROKER_ERRORS = (OperationalError, OSError, RedisConnectionError, RedisTimeoutError)

_paused_until = 0.0


def broker_paused() -> bool:
    """Did a publish of this process fail a moment ago?"""
    return time.monotonic() < _paused_until


def broker_pause(seconds: float | None = None) -> None:
    global _paused_until
    if seconds is None:
        seconds = settings.OUTBOX_BROKER_PAUSE_SECONDS
    _paused_until = time.monotonic() + seconds


def broker_resume() -> None:
    """Try the broker again at the next send (a flush that got through)."""
    global _paused_until
    _paused_until = 0.0


def publish(task, args=None, kwargs=None, **options):
    """Publish as Celery does, raising when the broker refuses (the flush's way)."""
    return DjangoTask.apply_async(task, args, kwargs, **options)


class OutboxTask(DjangoTask):
    """DjangoTask whose sending falls back to the outbox when the broker refuses."""

    #: False for the periodic tasks: beat's next tick replaces a refused message
    #: (beat logs the refusal), so the outbox does not fill up during an outage.
    keep_when_refused = True

    def apply_async(self, args=None, kwargs=None, task_id=None, **options):
        if self._get_app().conf.task_always_eager or not self.keep_when_refused:
            # In-process: nothing to publish (and a task's own error must show).
            return super().apply_async(args, kwargs, task_id=task_id, **options)
        task_id = task_id or uuid()
        if broker_paused():
            reason = "broker paused after a refused publish"
        else:
            started = time.monotonic()
            try:
                return super().apply_async(args, kwargs, task_id=task_id, **options)
            except BROKER_ERRORS as error:
                broker_pause()
                reason = f"{type(error).__name__}: {error}"
                logger.warning(
                    "broker refused %s after %.2f s (%s): kept in the outbox",
                    self.name,
                    time.monotonic() - started,
                    reason,
                )
        from outbox.services import message_keep

        message_keep(
            task_name=self.name,
            args=args,
            kwargs=kwargs,
            options={**options, "task_id": task_id},
            error=reason,
        )
        return self.AsyncResult(task_id)
