"""A large import, checked and enrolled by the real Celery worker."""

import pytest
from django.test import override_settings

from conftest import wait_until
from partners.models import ImportBatch, PartnerLearner
from partners.services import import_batch_commit_request, import_batch_create
from partners.tests.files import csv_bytes, good_row, upload

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _status(batch):
    return ImportBatch.objects.get(pk=batch.pk).status


@override_settings(PARTNER_IMPORT_BACKGROUND_ROWS=5)
def test_a_large_file_is_checked_and_enrolled_by_the_worker(celery_worker, cohort, manager):
    rows = [good_row(n, email="") for n in range(1, 21)] + [good_row(99, postcode="75001")]
    batch = import_batch_create(
        organisation=cohort.project.organisation,
        cohort=cohort,
        upload=upload(csv_bytes(rows)),
        uploaded_by=manager,
    )
    assert batch.status == ImportBatch.Status.UPLOADED  # left to the worker
    log = celery_worker["log"]
    assert wait_until(lambda: _status(batch) == ImportBatch.Status.VALIDATED, timeout=60), (
        log.read_text()[-3000:]
    )
    batch.refresh_from_db()
    assert (batch.rows_valid, batch.rows_invalid) == (20, 1)
    assert import_batch_commit_request(batch=batch, committed_by=manager)
    assert not import_batch_commit_request(batch=batch, committed_by=manager)
    assert wait_until(lambda: _status(batch) == ImportBatch.Status.COMMITTED, timeout=60), (
        log.read_text()[-3000:]
    )
    assert PartnerLearner.objects.filter(organisation=cohort.project.organisation).count() == 20


@override_settings(PARTNER_IMPORT_BACKGROUND_ROWS=5)
def test_a_large_file_with_partner_words_waits_for_the_mapping_then_the_worker_checks_it(
    celery_worker, cohort, manager
):
    from partners.services import import_batch_map

    rows = [good_row(n, groups="senior") for n in range(1, 11)]
    batch = import_batch_create(
        organisation=cohort.project.organisation,
        cohort=cohort,
        upload=upload(csv_bytes(rows)),
        uploaded_by=manager,
    )
    log = celery_worker["log"]
    assert wait_until(lambda: _status(batch) == ImportBatch.Status.MAPPING, timeout=60), (
        log.read_text()[-3000:]
    )
    batch.refresh_from_db()
    assert [(w["word"], w["count"]) for w in batch.mapping["words"]] == [("senior", 10)]
    batch = import_batch_map(
        batch=batch,
        columns={c["index"]: c["field"] for c in batch.mapping["columns"]},
        words={"target_groups": {"senior": "seniors"}},
        mapped_by=manager,
    )
    assert batch.status == ImportBatch.Status.UPLOADED  # left to the worker again
    assert wait_until(lambda: _status(batch) == ImportBatch.Status.VALIDATED, timeout=60), (
        log.read_text()[-3000:]
    )
    batch.refresh_from_db()
    assert batch.rows_valid == 10
    assert batch.rows.first().values["target_groups"] == ["seniors"]
