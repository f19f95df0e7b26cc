"""A background step of an import whose message was lost (or whose worker
died) is queued again by the beat task, and runs once."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from partners.models import ImportBatch, PartnerLearner
from partners.services import import_batch_commit_request, import_batch_create
from partners.services.imports import import_batches_stalled
from partners.tasks import import_batches_resume
from partners.tests.files import csv_bytes, good_row, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def uploaded(cohort, manager):
    """A large file whose check was queued and lost (on_commit never ran here)."""
    with override_settings(PARTNER_IMPORT_BACKGROUND_ROWS=2):
        return import_batch_create(
            organisation=cohort.project.organisation,
            cohort=cohort,
            upload=upload(csv_bytes([good_row(n, email="") for n in range(1, 6)])),
            uploaded_by=manager,
        )


def _age(batch, settings):
    ImportBatch.objects.filter(pk=batch.pk).update(
        created_at=timezone.now() - timedelta(seconds=settings.JOBS_STALE_SECONDS + 1)
    )


def test_a_fresh_upload_is_left_to_its_own_message(uploaded):
    assert uploaded.status == ImportBatch.Status.UPLOADED
    assert import_batches_stalled() == []


def test_a_lost_check_is_queued_again_and_runs(uploaded, settings):
    _age(uploaded, settings)
    assert import_batches_stalled() == [(uploaded.pk, "uploaded")]
    assert import_batches_resume() == 1
    assert ImportBatch.objects.get(pk=uploaded.pk).status == ImportBatch.Status.VALIDATED
    assert import_batches_stalled() == []


def test_a_lost_enrolment_is_queued_again_and_enrols_once(uploaded, settings, manager):
    _age(uploaded, settings)
    import_batches_resume()
    batch = ImportBatch.objects.get(pk=uploaded.pk)
    with override_settings(PARTNER_IMPORT_BACKGROUND_ROWS=2):
        assert import_batch_commit_request(batch=batch, committed_by=manager)
    assert ImportBatch.objects.get(pk=batch.pk).status == ImportBatch.Status.COMMITTING
    assert import_batches_resume() == 1
    assert import_batches_resume() == 0
    assert ImportBatch.objects.get(pk=batch.pk).status == ImportBatch.Status.COMMITTED
    assert PartnerLearner.objects.filter(organisation=batch.organisation).count() == 5
