"""Real processes on a Redis of the test's own: the welcome e-mails of an
import released while the broker is down are sent once it is back, by the
worker alone, each person once."""

import time

import pytest

from certificates.tests.test_tasks_broker_outage_worker import FAST  # same short periods
from conftest import WorkerProcess, broker_at, wait_until, worker_database_url
from lms.models import User
from outbox.models import OutboxMessage
from partners.models import ImportRelease, ImportWelcome
from partners.services.welcomes import import_welcomes_release
from partners.tests.welcomes import committed_import

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_welcomes_released_while_the_broker_is_down_are_sent_once_it_is_back(
    cohort, manager, redis_server, tmp_path
):
    worker_database_url()
    batch = committed_import(cohort, manager, emails=6, cards=1)
    worker = WorkerProcess(broker_url=redis_server.url, workdir=tmp_path, name="welc", env=FAST)
    worker.start(beat=True)
    try:
        redis_server.stop()
        with broker_at(redis_server.url):
            started = time.monotonic()
            assert import_welcomes_release(batch=batch, released_by=manager) is not None
            assert time.monotonic() - started < 5  # the click never waits for the broker
        assert OutboxMessage.objects.filter(
            task_name="partners.tasks.import_welcomes_send"
        ).exists()
        assert ImportWelcome.objects.filter(batch=batch, sent_at__isnull=True).count() == 7

        redis_server.start()  # back, empty; nobody acts

        def finished() -> bool:
            return ImportRelease.objects.get(batch=batch).finished_at is not None

        assert wait_until(finished, timeout=90), worker.tail()
        time.sleep(3)  # more beat ticks: nothing sent again
    finally:
        worker.stop()
    emailed = ImportWelcome.objects.filter(batch=batch, by_email=True)
    assert emailed.filter(sent_at__isnull=False).count() == 6
    assert (
        User.objects.filter(pk__in=emailed.values("user"), welcomed_at__isnull=False).count() == 6
    )
