"""Tasks on the real broker and a real worker process (CI: Redis + celery worker)."""

import re
import time

import pytest
from django.db import transaction

from conftest import wait_until
from lms.models import User
from lms.services import user_create

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_task_sent_in_a_transaction_runs_only_after_commit(celery_worker):
    with transaction.atomic():
        user = user_create(username="bus-rider", email="rider@example.be")
        # A worker given the task now could not see the uncommitted row and the
        # e-mail would be lost; give it time to prove nothing was sent yet.
        time.sleep(1.5)
        assert User.objects.get(pk=user.pk).welcomed_at is None
    assert wait_until(lambda: User.objects.get(pk=user.pk).welcomed_at is not None, timeout=30), (
        celery_worker["log"].read_text()[-2000:]
    )


def _received(worker) -> int:
    return len(
        re.findall(
            r"Task lms\.tasks\.account_welcome_send\[[^\]]+\] received", worker["log"].read_text()
        )
    )


def test_a_task_of_a_rolled_back_transaction_never_runs(celery_worker):
    class Abort(Exception):
        pass

    before = _received(celery_worker)
    with pytest.raises(Abort), transaction.atomic():
        user_create(username="ghost", email="ghost@example.be")
        raise Abort
    committed = user_create(username="after", email="after@example.be")
    # The worker takes tasks in order: once the later one is done, the earlier
    # one would have arrived too, had it been sent.
    assert wait_until(lambda: User.objects.get(pk=committed.pk).welcomed_at is not None)
    assert wait_until(lambda: _received(celery_worker) >= before + 1)
    time.sleep(0.5)
    assert _received(celery_worker) == before + 1
