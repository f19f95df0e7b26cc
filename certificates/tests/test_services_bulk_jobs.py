"""Bulk issuing in short chunks: each saves its progress and a heartbeat; two
deliveries of a chunk never both run; a job whose heartbeat stopped is taken
over and resumed, and every learner gets one certificate, never two."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certificates import services, tasks
from certificates.models import BulkIssueJob, Certificate
from lms.tests.factories import UserFactory, exam_attempt_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(security_course, settings):
    settings.CERTIFICATES_BULK_CHUNK = 2
    people = [UserFactory() for _ in range(5)]
    for person in people:
        exam_attempt_record(user=person, course=security_course)
    return BulkIssueJob.objects.create(
        course_page=security_course,
        usernames=[p.username for p in people] + ["nobody"],
        total=6,
    )


def test_a_chunk_issues_its_learners_and_says_where_the_next_starts(job):
    assert services.bulk_job_chunk(job_id=job.pk, start=0) == 2
    job.refresh_from_db()
    assert (job.done, job.issued, job.state, job.claimed_by) == (2, 2, "running", "")
    assert job.heartbeat_at is not None
    assert Certificate.objects.count() == 2


def test_the_last_chunk_marks_the_job_done(job):
    start = 0
    while (start := services.bulk_job_chunk(job_id=job.pk, start=start)) is not None:
        pass
    job.refresh_from_db()
    assert (job.done, job.issued, job.errors, job.state) == (6, 5, ["nobody"], "done")
    assert Certificate.objects.count() == 5


def test_a_second_delivery_of_a_chunk_does_nothing(job):
    assert services.bulk_job_chunk(job_id=job.pk, start=0) == 2
    # The same message again (a redelivery): the job has moved past it.
    assert services.bulk_job_chunk(job_id=job.pk, start=0) is None
    assert BulkIssueJob.objects.get().done == 2


def test_a_chunk_held_by_a_live_worker_is_not_taken(job):
    BulkIssueJob.objects.filter(pk=job.pk).update(
        claimed_by="other", heartbeat_at=timezone.now(), state="running"
    )
    assert services.bulk_job_chunk(job_id=job.pk, start=0) is None
    assert not Certificate.objects.exists()


def test_a_job_whose_worker_died_is_resumed_and_nobody_gets_two_certificates(job, settings):
    # A worker died after issuing the first learner's certificate, before it
    # saved the progress: the job says 0 done, held by a silent claim.
    first = job.usernames[0]
    services.certificate_issue(
        user=UserFactory._meta.model.objects.get(username=first), course=job.course_page
    )
    stale = timezone.now() - timedelta(seconds=settings.JOBS_STALE_SECONDS + 1)
    BulkIssueJob.objects.filter(pk=job.pk).update(
        claimed_by="dead", heartbeat_at=stale, state="running"
    )
    assert services.bulk_jobs_stalled() == [(job.pk, 0)]
    assert tasks.bulk_jobs_resume() == 1  # in-process: runs every chunk
    job.refresh_from_db()
    assert (job.state, job.done, job.issued) == ("done", 6, 5)
    assert Certificate.objects.count() == 5
    assert services.bulk_jobs_stalled() == []


def test_a_job_with_a_fresh_heartbeat_is_not_resumed(job):
    BulkIssueJob.objects.filter(pk=job.pk).update(
        claimed_by="alive", heartbeat_at=timezone.now(), state="running"
    )
    assert services.bulk_jobs_stalled() == []


def test_a_job_whose_first_message_was_lost_is_resumed(job, settings):
    BulkIssueJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - timedelta(seconds=settings.JOBS_STALE_SECONDS + 1)
    )
    assert services.bulk_jobs_stalled() == [(job.pk, 0)]


def test_a_chunk_that_lost_its_claim_stops(job, monkeypatch):
    """Taken over after a long stall: the slow chunk stops at its next save
    and leaves the rest to the one that took over."""
    issued = []

    def issue(**kwargs):
        issued.append(kwargs["user"].username)
        BulkIssueJob.objects.filter(pk=job.pk).update(claimed_by="taken-over")
        return None

    monkeypatch.setattr(services, "certificate_issue", issue)
    assert services.bulk_job_chunk(job_id=job.pk, start=0) is None
    assert len(issued) == 1
    assert BulkIssueJob.objects.get().done == 0
