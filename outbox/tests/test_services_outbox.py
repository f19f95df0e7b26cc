"""Sending a task never fails the caller: a message the broker refuses is kept
in the outbox, and a flush sends each kept message once."""

import socket
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from conftest import broker_at, free_port
from lms.tasks import account_welcome_send
from lms.tests.factories import UserFactory
from outbox.models import OutboxMessage
from outbox.services import CLAIM_LEASE, message_keep, messages_flush

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_down():
    """Nothing listens where the broker should be."""
    with broker_at(f"redis://127.0.0.1:{free_port()}/0") as app:
        yield app


def test_a_refused_publish_is_kept_and_the_caller_goes_on(broker_down):
    result = account_welcome_send.delay(41)
    message = OutboxMessage.objects.get()
    assert message.task_name == "lms.tasks.account_welcome_send"
    assert message.args == [41]
    # The same task id is sent later: whoever kept the result can follow it.
    assert message.options["task_id"] == result.id
    assert "refused" in message.last_error.lower() or "error" in message.last_error.lower()


def test_a_send_after_commit_with_the_broker_down_raises_nothing(
    broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        account_welcome_send.delay_on_commit(7)
    assert list(OutboxMessage.objects.values_list("args", flat=True)) == [[7]]


def test_a_message_of_a_rolled_back_transaction_is_not_kept(broker_down):
    """Sent (and refused) inside a transaction: kept in that transaction, so a
    rollback drops it with the rows it was about."""
    with pytest.raises(RuntimeError), transaction.atomic():
        account_welcome_send.delay(9)
        raise RuntimeError
    assert not OutboxMessage.objects.exists()


def test_after_a_refusal_the_next_sends_do_not_wait_for_the_broker(broker_down, settings):
    account_welcome_send.delay(1)
    # The broker now accepts connections and never answers (a frozen server):
    # a publish would wait for the socket timeout; a paused one does not try.
    with socket.socket() as frozen:
        frozen.bind(("127.0.0.1", 0))
        frozen.listen(0)
        broker_down.conf.broker_url = f"redis://127.0.0.1:{frozen.getsockname()[1]}/0"
        broker_down._after_fork()
        started = time.monotonic()
        for n in range(5):
            account_welcome_send.delay(n + 2)
        assert time.monotonic() - started < 0.5
    assert OutboxMessage.objects.count() == 6


def test_a_refused_countdown_keeps_its_time(broker_down):
    before = timezone.now()
    account_welcome_send.apply_async((3,), countdown=120)
    eta = OutboxMessage.objects.get().options["eta"]
    assert before + timedelta(seconds=119) < timezone.datetime.fromisoformat(eta)


def test_a_periodic_task_is_not_kept(broker_down):
    """Beat's next tick replaces it; the outbox does not fill up in an outage."""
    from kombu.exceptions import OperationalError

    from outbox.tasks import outbox_flush

    with pytest.raises(OperationalError):
        outbox_flush.delay()
    assert not OutboxMessage.objects.exists()


def test_a_flush_sends_each_kept_message_once():
    user = UserFactory(email="kept@example.be")
    message_keep(task_name="lms.tasks.account_welcome_send", args=[user.pk])
    assert messages_flush() == 1
    assert messages_flush() == 0
    assert not OutboxMessage.objects.exists()
    assert [m.to for m in mail.outbox] == [["kept@example.be"]]


def test_a_message_claimed_by_another_flush_is_left_to_it():
    user = UserFactory(email="claimed@example.be")
    kept = message_keep(task_name="lms.tasks.account_welcome_send", args=[user.pk])
    OutboxMessage.objects.filter(pk=kept.pk).update(claimed_at=timezone.now())
    assert messages_flush() == 0
    assert mail.outbox == []
    # That flush died: once its lease is over the message is sent.
    OutboxMessage.objects.filter(pk=kept.pk).update(
        claimed_at=timezone.now() - CLAIM_LEASE - timedelta(seconds=1)
    )
    assert messages_flush() == 1
    assert len(mail.outbox) == 1


def test_a_flush_stops_at_the_first_refusal_and_keeps_everything(broker_down):
    for n in range(3):
        message_keep(task_name="lms.tasks.account_welcome_send", args=[n])
    assert messages_flush() == 0
    kept = list(OutboxMessage.objects.values_list("claimed_at", "attempts", "last_error"))
    assert [(c, a) for c, a, _e in kept] == [(None, 1), (None, 0), (None, 0)]
    assert "111" in kept[0][2] or "refused" in kept[0][2].lower()


def test_a_visibility_timeout_shorter_than_the_longest_task_is_reported(settings):
    from outbox.checks import visibility_timeout_check

    assert visibility_timeout_check() == []
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 900}
    assert [c.id for c in visibility_timeout_check()] == ["outbox.W001"]
