"""Welcome e-mails and login cards of a file import: held at the commit,
released by partner staff, then sent at a pace.

- Hold: the commit lists the accounts it created (`ImportWelcome`), in its own
  transaction; nobody is e-mailed yet, and their login cards are not printable.
- Release: one `ImportRelease` per batch (a double click releases once).
- Send: each run claims the release by a conditional UPDATE on `next_at` (so a
  duplicate or a retried task within the minute does nothing) and sends at
  most PARTNER_WELCOME_PER_MINUTE e-mails. Each person is e-mailed once:
  their row is locked while sending, and `lms.services.welcome_send` skips
  an account already welcomed. A lost message or a dead worker is picked up
  by `import_welcomes_stalled` (beat).
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from audit.services import audit_record
from lms.bulk_sql import bulk_insert
from lms.models import User
from lms.services import welcome_send
from partners.models import ImportBatch, ImportRelease, ImportWelcome, PartnerLearner

logger = logging.getLogger(__name__)

PACE = datetime.timedelta(minutes=1)


@dataclass(frozen=True)
class SendResult:
    """What one run did: e-mails `sent`, and whether some are left for later."""

    sent: int = 0
    more: bool = False
    due_at: datetime.datetime | None = None


def import_welcomes_hold(*, batch: ImportBatch, learner_ids: list[int]) -> int:
    """List the accounts of these (newly created) partner learners as held
    welcomes of `batch`; call inside the commit's transaction."""
    held = 0
    for start in range(0, len(learner_ids), 5000):
        rows = PartnerLearner.objects.filter(pk__in=learner_ids[start : start + 5000]).values_list(
            "user_id", "user__email"
        )
        objects = [
            ImportWelcome(batch=batch, user_id=user_id, by_email=bool(email))
            for user_id, email in rows
        ]
        bulk_insert(ImportWelcome, objects)
        held += len(objects)
    return held


@transaction.atomic
def import_welcomes_release(*, batch: ImportBatch, released_by: User) -> ImportRelease | None:
    """Release the held welcomes of an enrolled batch: the e-mails start going
    after commit, the login cards become printable. None when the batch is
    not enrolled or was already released (a double click releases once)."""
    locked = (
        ImportBatch.objects.select_for_update()
        .filter(pk=batch.pk, status=ImportBatch.Status.COMMITTED)
        .first()
    )
    if locked is None or ImportRelease.objects.filter(batch=locked).exists():
        return None
    emails = ImportWelcome.objects.filter(batch=locked, by_email=True, sent_at__isnull=True).count()
    cards = ImportWelcome.objects.filter(batch=locked, by_email=False).count()
    try:
        with transaction.atomic():
            release = ImportRelease.objects.create(
                batch=locked,
                released_by=released_by,
                emails_total=emails,
                finished_at=None if emails else timezone.now(),
            )
    except IntegrityError:  # released by a concurrent request
        return None
    audit_record(
        actor=released_by,
        action="partners.import_welcomes_release",
        target=locked,
        data={"cohort": locked.cohort_id, "emails": emails, "cards": cards},
    )
    if emails:
        from partners.tasks import import_welcomes_send

        import_welcomes_send.delay_on_commit(locked.pk)
    return release


def import_welcomes_send(*, batch_id: int) -> SendResult:
    """Send the next minute's worth of a released batch's welcome e-mails,
    if its turn has come. Safe to run twice: each person is e-mailed once."""
    now = timezone.now()
    due_at = now + PACE
    claimed = (
        ImportRelease.objects.filter(batch_id=batch_id, finished_at__isnull=True)
        .filter(Q(next_at__isnull=True) | Q(next_at__lte=now))
        .update(next_at=due_at)
    )
    if not claimed:
        return SendResult()
    todo = list(
        ImportWelcome.objects.filter(batch_id=batch_id, by_email=True, sent_at__isnull=True)
        .order_by("pk")
        .values_list("pk", "user_id")[: settings.PARTNER_WELCOME_PER_MINUTE]
    )
    sent = 0
    for pk, user_id in todo:
        try:
            with transaction.atomic():
                row = (
                    ImportWelcome.objects.select_for_update(skip_locked=True)
                    .filter(pk=pk, sent_at__isnull=True)
                    .first()
                )
                if row is None:
                    continue  # another run has it
                sent += welcome_send(user_id=user_id) == "sent"
                row.sent_at = timezone.now()
                row.save(update_fields=["sent_at"])
        except OSError:
            # The mail server is away: the rest waits for the next turn.
            logger.warning("welcome e-mails of import %s paused: mail server error", batch_id)
            return SendResult(sent=sent, more=True, due_at=due_at)
    more = ImportWelcome.objects.filter(
        batch_id=batch_id, by_email=True, sent_at__isnull=True
    ).exists()
    if not more:
        ImportRelease.objects.filter(batch_id=batch_id, finished_at__isnull=True).update(
            finished_at=timezone.now()
        )
    return SendResult(sent=sent, more=more, due_at=due_at if more else None)


def import_welcomes_stalled(*, limit: int = 100) -> list[int]:
    """Batches whose released welcomes should be going but are not (the next
    run's message was lost, or its worker died): the beat queues them again."""
    stale = timezone.now() - datetime.timedelta(seconds=settings.JOBS_STALE_SECONDS)
    return list(
        ImportRelease.objects.filter(finished_at__isnull=True)
        .filter(Q(next_at__lt=stale) | Q(next_at__isnull=True, released_at__lt=stale))
        .order_by("batch_id")
        .values_list("batch_id", flat=True)[:limit]
    )
