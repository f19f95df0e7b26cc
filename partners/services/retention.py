"""Retention of partners' uploaded learner files (GDPR article 5(1)(e)),
applied every night by `partners.tasks.import_files_purge`.

A committed import keeps its file `PARTNER_IMPORT_FILE_KEEP_DAYS` days (for
questions about the upload), then the file goes; its lines stay, since the
error file and the import page are built from them. An import never committed
is closed as "expired" after `PARTNER_IMPORT_UNCOMMITTED_KEEP_DAYS` days, with
its file and its lines (people who were never enrolled).
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from partners.models import ImportBatch, ImportRow

_WAITING = (
    ImportBatch.Status.MAPPING,
    ImportBatch.Status.VALIDATED,
    ImportBatch.Status.FAILED,
)


def _file_delete(batch: ImportBatch) -> None:
    if batch.file:
        batch.file.delete(save=False)


def import_files_purge(*, now=None, limit: int = 500) -> dict[str, int]:
    """Delete the files due: {"committed": n, "expired": n}. Idempotent."""
    now = now or timezone.now()
    committed_before = now - timedelta(days=settings.PARTNER_IMPORT_FILE_KEEP_DAYS)
    committed = 0
    for batch in (
        ImportBatch.objects.filter(
            status=ImportBatch.Status.COMMITTED, committed_at__lte=committed_before
        )
        .exclude(file="")
        .order_by("pk")[:limit]
    ):
        _file_delete(batch)
        ImportBatch.objects.filter(pk=batch.pk).update(file="")
        committed += 1

    created_before = now - timedelta(days=settings.PARTNER_IMPORT_UNCOMMITTED_KEEP_DAYS)
    expired = 0
    for batch in (
        ImportBatch.objects.filter(status__in=_WAITING, created_at__lte=created_before)
        .exclude(problem="expired")
        .order_by("pk")[:limit]
    ):
        with transaction.atomic():
            _file_delete(batch)
            ImportRow.objects.filter(batch=batch).delete()
            ImportBatch.objects.filter(pk=batch.pk).update(
                file="", status=ImportBatch.Status.FAILED, problem="expired", mapping={}
            )
            audit_record(actor=None, action="partners.import_expire", target=batch, data={})
        expired += 1
    return {"committed": committed, "expired": expired}
