"""Writes of the outbox: keep a message the broker refused, send the kept ones
again (each by one flush only: a conditional claim), drop them once sent."""

import logging
from datetime import datetime, timedelta

from django.db.models import F, Q
from django.utils import timezone

from outbox.models import OutboxMessage

logger = logging.getLogger(__name__)

# A flush that claimed a message and did not finish within this time died; the
# next flush sends it again (tasks are idempotent, so a rare double is harmless).
CLAIM_LEASE = timedelta(minutes=5)
# Publishing options worth keeping; the rest (producer, links) do not travel.
KEPT_OPTIONS = (
    "task_id",
    "queue",
    "routing_key",
    "exchange",
    "priority",
    "expires",
    "retries",
    "time_limit",
    "soft_time_limit",
    "root_id",
    "parent_id",
    "shadow",
)


def _when(value) -> str | None:
    if isinstance(value, datetime):
        return value.isoformat()
    return value if isinstance(value, str) else None


def message_keep(
    *, task_name: str, args=None, kwargs=None, options: dict | None = None, error: str = ""
) -> OutboxMessage:
    """Keep one task message for a later send. A countdown becomes an absolute
    eta, so the task still runs when it was meant to, not later."""
    options = dict(options or {})
    kept = {key: options[key] for key in KEPT_OPTIONS if options.get(key) is not None}
    eta = options.get("eta")
    if options.get("countdown") and eta is None:
        eta = timezone.now() + timedelta(seconds=float(options["countdown"]))
    if eta is not None:
        kept["eta"] = _when(eta)
    if isinstance(kept.get("expires"), datetime):
        kept["expires"] = _when(kept["expires"])
    return OutboxMessage.objects.create(
        task_name=task_name,
        args=list(args or ()),
        kwargs=dict(kwargs or {}),
        options=kept,
        last_error=error[:500],
    )


def _claim(pk: int, now: datetime) -> bool:
    free = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_LEASE)
    return bool(
        OutboxMessage.objects.filter(free, pk=pk).update(claimed_at=now, attempts=F("attempts") + 1)
    )


def _publish(message: OutboxMessage) -> None:
    from celery import current_app

    from outbox.task import publish

    options = dict(message.options)
    if options.get("eta"):
        options["eta"] = datetime.fromisoformat(options["eta"])
    task = current_app.tasks.get(message.task_name)
    if task is None:
        current_app.send_task(
            message.task_name, args=message.args, kwargs=message.kwargs, **options
        )
    else:
        publish(task, message.args, message.kwargs, **options)


def messages_flush(*, limit: int = 500) -> int:
    """Send the kept messages again, oldest first; each is claimed by one flush
    (a conditional UPDATE) and deleted once the broker took it. Stops at the
    first refusal (the broker is still away). Returns how many were sent."""
    from outbox.task import BROKER_ERRORS, broker_resume

    now = timezone.now()
    waiting = OutboxMessage.objects.filter(
        Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_LEASE)
    ).values_list("pk", flat=True)[:limit]
    sent = 0
    for pk in list(waiting):
        if not _claim(pk, now):
            continue  # another flush has it
        message = OutboxMessage.objects.get(pk=pk)
        try:
            _publish(message)
        except BROKER_ERRORS as error:
            OutboxMessage.objects.filter(pk=pk).update(
                claimed_at=None, last_error=f"{type(error).__name__}: {error}"[:500]
            )
            logger.warning("outbox: the broker still refuses (%s); %s sent", error, sent)
            break
        OutboxMessage.objects.filter(pk=pk).delete()
        sent += 1
    if sent:
        broker_resume()
        logger.info("outbox: %s kept message(s) sent", sent)
    return sent
