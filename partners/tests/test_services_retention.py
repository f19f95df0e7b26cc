"""Partners' uploaded learner files are deleted on schedule: X days after the
commit, and imports never committed are closed with their file and lines."""

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from partners.models import ImportBatch, ImportRow
from partners.services import import_batch_create
from partners.services.retention import import_files_purge
from partners.tasks import import_files_purge as import_files_purge_task
from partners.tests.files import csv_bytes, good_row, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def batch(cohort, manager):
    return import_batch_create(
        organisation=cohort.project.organisation,
        cohort=cohort,
        upload=upload(csv_bytes([good_row(1), good_row(2)])),
        uploaded_by=manager,
    )


def _committed(batch, *, ago: timedelta) -> ImportBatch:
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.COMMITTED, committed_at=timezone.now() - ago
    )
    return ImportBatch.objects.get(pk=batch.pk)


def test_a_committed_file_is_kept_until_the_last_day(batch, settings):
    settings.PARTNER_IMPORT_FILE_KEEP_DAYS = 7
    batch = _committed(batch, ago=timedelta(days=7) - timedelta(minutes=1))
    assert import_files_purge() == {"committed": 0, "expired": 0}
    assert default_storage.exists(batch.file.name)


def test_a_committed_file_is_deleted_on_the_day_and_its_lines_stay(batch, settings):
    settings.PARTNER_IMPORT_FILE_KEEP_DAYS = 7
    batch = _committed(batch, ago=timedelta(days=7))
    name = batch.file.name
    assert import_files_purge()["committed"] == 1
    assert not default_storage.exists(name)
    assert ImportBatch.objects.get(pk=batch.pk).file == ""
    assert ImportRow.objects.filter(batch=batch).count() == 2
    assert import_files_purge()["committed"] == 0  # idempotent


def test_an_import_never_committed_expires_with_its_file_and_lines(batch, settings):
    settings.PARTNER_IMPORT_UNCOMMITTED_KEEP_DAYS = 30
    name = batch.file.name
    ImportBatch.objects.filter(pk=batch.pk).update(
        created_at=timezone.now() - timedelta(days=30) + timedelta(minutes=1)
    )
    assert import_files_purge()["expired"] == 0
    ImportBatch.objects.filter(pk=batch.pk).update(created_at=timezone.now() - timedelta(days=30))
    assert import_files_purge_task.delay().get()["expired"] == 1
    batch.refresh_from_db()
    assert (batch.status, batch.problem, batch.file.name) == ("failed", "expired", "")
    assert not default_storage.exists(name)
    assert not ImportRow.objects.filter(batch=batch).exists()
    assert import_files_purge()["expired"] == 0
