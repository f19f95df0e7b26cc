"""Real processes on a Redis of the test's own, stopped and started again: a
broker outage delays a certificate or a receipt, never loses it; a bulk job
survives `kill -9` of its worker. Nobody acts to recover: the worker's beat
(or its start) sends what waited in the outbox and resumes stalled jobs."""

import os
import signal
import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from certificates import receipts, services
from certificates.models import BulkIssueJob, Certificate, VerificationReceipt
from certificates.tests.helpers import issue_after_exam
from certificates.tests.journeys import course_complete_through_pages
from config.ratelimit import shared_redis
from conftest import WorkerProcess, broker_at, wait_until, worker_database_url
from lms.models import Enrolment
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory, exam_attempt_record
from outbox.models import OutboxMessage

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Short periods so that the tests take seconds, set for the worker through
# the environment as an operator would.
FAST = {
    "OUTBOX_FLUSH_SECONDS": "1",
    "OUTBOX_BROKER_PAUSE_SECONDS": "1",
    "JOBS_RESUME_SECONDS": "1",
    "JOBS_STALE_SECONDS": "4",
    "CELERY_VISIBILITY_TIMEOUT": "8",
    "CERTIFICATES_BULK_CHUNK": "4",
    "CERTIFICATES_RECEIPTS_DRAIN_SECONDS": "1",
}


@pytest.fixture
def worker_factory(redis_server, tmp_path):
    worker_database_url()  # skips at once without a server database to share
    started = []

    def make(name: str) -> WorkerProcess:
        worker = WorkerProcess(broker_url=redis_server.url, workdir=tmp_path, name=name, env=FAST)
        started.append(worker)
        return worker

    yield make
    for worker in started:
        worker.stop()


def test_a_completion_while_the_broker_is_down_gets_its_certificate_once_it_is_back(
    home_page, redis_server, worker_factory
):
    tree = course_tree(home_page)
    learner = UserFactory(preferred_language="en")
    worker = worker_factory("outage").start(beat=True)
    redis_server.stop()
    client = Client(raise_request_exception=False)
    with broker_at(redis_server.url):
        responses = course_complete_through_pages(client, tree, learner)
        started = time.monotonic()
        dashboard = client.get(reverse("lms:dashboard"))
        page_seconds = time.monotonic() - started
    # The learner saw normal pages; the completion is recorded, the
    # certificate waits in the outbox.
    assert [r.status_code for r in responses if r.status_code >= 400] == []
    assert responses[-1].status_code == 302
    assert dashboard.status_code == 200 and page_seconds < 5
    assert Enrolment.objects.get(learner=learner).status == Enrolment.Status.COMPLETED
    assert not Certificate.objects.filter(holder=learner).exists()
    assert OutboxMessage.objects.filter(
        task_name="certificates.tasks.certificate_issue_for_completion"
    ).exists()

    # The broker comes back (empty: whatever it held is gone). Nobody acts.
    redis_server.start()
    back = time.monotonic()
    assert wait_until(lambda: Certificate.objects.filter(holder=learner).exists(), timeout=90), (
        worker.tail()
    )
    print(f"certificate issued {time.monotonic() - back:.1f} s after the broker came back")
    assert wait_until(lambda: not OutboxMessage.objects.exists(), timeout=30), worker.tail()
    time.sleep(2)  # more beat ticks, more flushes: still one certificate
    assert Certificate.objects.filter(holder=learner).count() == 1


def test_a_worker_that_exits_by_itself_is_started_again_and_answers(redis_server, worker_factory):
    """The harness supervises its workers as production must (README,
    "Production"): an exit nobody asked for is followed by a new worker."""
    worker = worker_factory("exits").start()
    first = worker.process.pid
    os.kill(first, signal.SIGKILL)
    assert wait_until(
        lambda: worker.restarts == 1 and worker.tail().count(" ready.") == 2, timeout=60
    ), worker.tail()
    assert worker.process.pid != first
    with broker_at(redis_server.url) as app:
        assert wait_until(lambda: bool(app.control.ping(timeout=0.5)), timeout=30)
    worker.kill()
    time.sleep(2 * worker.RESTART_SECONDS)
    assert worker.restarts == 1 and worker.process.poll() is not None


def test_the_verification_page_answers_with_the_broker_down_and_the_receipt_follows(
    security_course, learner, redis_server, worker_factory
):
    if shared_redis() is None:
        pytest.skip("receipts are buffered only on a Redis cache (CACHE_URL)")
    certificate = issue_after_exam(user=learner, course=security_course)
    cache.clear()
    redis_server.stop()
    client = Client(raise_request_exception=False)
    # The broker is down and no worker runs: the checks wait in the buffer.
    with broker_at(redis_server.url):
        started = time.monotonic()
        page = client.get("/en/verify/", {"code": certificate.code})
        first = time.monotonic() - started
        api = client.get(f"/api/certificates/verify/{certificate.code}", {"organisation": "ACME"})
    assert page.status_code == 200 and 'data-status="valid"' in page.content.decode()
    assert api.status_code == 200 and api.json()["status"] == "valid"
    assert first < 5
    assert not VerificationReceipt.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert receipts.receipts_waiting() == 2
    # The broker is back and a worker with its beat starts: the drain stores them.
    redis_server.start()
    worker = worker_factory("verify").start(beat=True)
    assert wait_until(lambda: VerificationReceipt.objects.count() == 2, timeout=60), worker.tail()
    assert sorted(VerificationReceipt.objects.values_list("channel", flat=True)) == ["api", "code"]
    time.sleep(3)  # more drains: still two
    assert VerificationReceipt.objects.count() == 2
    assert receipts.receipts_waiting() == 0


def test_a_bulk_job_survives_kill_9_of_its_worker(security_course, redis_server, worker_factory):
    people = [UserFactory() for _ in range(24)]
    for person in people:
        exam_attempt_record(user=person, course=security_course)
    staff = UserFactory()
    first = worker_factory("bulk-1").start()
    with broker_at(redis_server.url):
        job = services.bulk_job_create(
            actor=staff, course=security_course, usernames=[p.username for p in people]
        )

    def progressed() -> bool:
        return BulkIssueJob.objects.get(pk=job.pk).done >= 2

    assert wait_until(progressed, timeout=90, interval=0.02), first.tail()
    first.kill()
    killed = BulkIssueJob.objects.get(pk=job.pk)
    assert killed.state != BulkIssueJob.State.DONE, "the job ended before the kill"

    restarted = time.monotonic()
    second = worker_factory("bulk-2").start(beat=True)
    assert wait_until(
        lambda: BulkIssueJob.objects.get(pk=job.pk).state == BulkIssueJob.State.DONE,
        timeout=120,
    ), second.tail()
    print(
        f"killed at {killed.done}/{killed.total}; done {time.monotonic() - restarted:.1f} s "
        "after the restart"
    )
    job.refresh_from_db()
    assert job.done == job.total == 24
    # Exactly one certificate per learner, however often a chunk was delivered.
    assert Certificate.objects.filter(holder__in=people).count() == 24
    assert Certificate.objects.filter(holder__in=people).values("holder").distinct().count() == 24
