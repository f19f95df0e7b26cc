"""Receipts of checks: buffered in Redis by the request (no broker, no task),
stored by the drain exactly once, whatever runs twice or fails half way."""

import datetime
import json

import pytest
from celery.app.task import Task
from django.utils import timezone

from certificates import receipts
from certificates.models import VerificationReceipt

pytestmark = pytest.mark.django_db

# The verification page's only query: the certificate by its code. No session,
# no user, no receipt written; the frame (site, its contact settings) is cached.
PAGE_QUERIES = 1


@pytest.fixture
def no_broker(monkeypatch):
    """Any task published in the request fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a task was published in the request")

    monkeypatch.setattr(Task, "apply_async", refuse)
    monkeypatch.setattr(Task, "delay_on_commit", refuse, raising=False)


@pytest.fixture
def buffered():
    if receipts.shared_redis() is None:
        pytest.skip("receipts are buffered only on a Redis cache (CACHE_URL)")


def _page(client, certificate, **params):
    return client.get("/en/verify/", {"code": certificate.display_code, **params})


def test_the_verification_page_makes_one_query_and_publishes_no_task(
    client, certificate, no_broker, django_assert_num_queries, django_capture_on_commit_callbacks
):
    _page(client, certificate)  # a first visit: language, caches
    client.cookies.clear()
    with django_capture_on_commit_callbacks() as callbacks, django_assert_num_queries(PAGE_QUERIES):
        response = _page(client, certificate)
    assert response.status_code == 200
    assert 'data-status="valid"' in response.content.decode()
    assert callbacks == []


def test_the_check_of_a_named_organisation_publishes_no_task(
    client, certificate, no_broker, buffered, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            "/en/verify/", {"code": certificate.code, "organisation": "ACME Brussels"}
        )
    assert response.status_code == 200
    assert callbacks == []
    assert receipts.receipts_waiting() == 1
    assert not VerificationReceipt.objects.exists()


def test_a_receipt_waits_in_the_buffer_until_the_drain(client, certificate, buffered):
    _page(client, certificate)
    assert receipts.receipts_waiting() == 1
    assert not VerificationReceipt.objects.exists()
    assert receipts.receipts_drain() == 1
    assert receipts.receipts_waiting() == 0
    receipt = VerificationReceipt.objects.get()
    assert (receipt.certificate_id, receipt.channel, receipt.organisation) == (
        certificate.pk,
        "code",
        "",
    )


def test_a_second_drain_adds_nothing(client, certificate, buffered):
    _page(client, certificate)
    receipts.receipts_drain()
    assert receipts.receipts_drain() == 0
    assert VerificationReceipt.objects.count() == 1


def test_two_drains_reading_the_same_lines_store_them_once(client, certificate, buffered):
    _page(client, certificate)
    client.post("/en/verify/", {"code": certificate.code, "organisation": "ACME"})
    client_redis, key = receipts.shared_redis(), receipts.buffer_key()
    # Drain A reads the lines; drain B runs to the end; then A finishes.
    read_by_a = client_redis.lrange(key, 0, 999)
    assert receipts.receipts_drain() == 2
    receipts._drain_lines(client_redis, key, read_by_a)
    assert VerificationReceipt.objects.count() == 2
    assert receipts.receipts_waiting() == 0


def test_a_drain_that_dies_after_storing_counts_once_when_run_again(
    client, certificate, buffered, monkeypatch
):
    _page(client, certificate)
    pipeline = type(receipts.shared_redis().pipeline())

    def dies(self):
        raise ConnectionError("the worker died here")

    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "execute", dies)
        with pytest.raises(ConnectionError):
            receipts.receipts_drain()
    assert VerificationReceipt.objects.count() == 1
    assert receipts.receipts_waiting() == 1  # not removed: it is read again
    receipts.receipts_drain()
    assert VerificationReceipt.objects.count() == 1
    assert receipts.receipts_waiting() == 0


def test_a_lost_worker_loses_nothing_and_a_later_drain_keeps_the_check_time(
    client, certificate, buffered
):
    checked = timezone.now()
    _page(client, certificate)
    client.post("/en/verify/", {"code": certificate.code, "organisation": "ACME"})
    # Nobody drains for a while (workers down): the lines have no expiry.
    key = receipts.buffer_key()
    assert receipts.shared_redis().ttl(key) == -1
    receipts.receipts_drain()
    for receipt in VerificationReceipt.objects.all():
        assert abs(receipt.checked_at - checked) < datetime.timedelta(seconds=30)


def test_the_drain_skips_a_deleted_certificate_and_an_unreadable_line(
    client, certificate, buffered
):
    client_redis, key = receipts.shared_redis(), receipts.buffer_key()
    gone = {"id": "0" * 32, "certificate": 10**9, "channel": "code", "organisation": "", "at": ""}
    client_redis.rpush(key, json.dumps(gone), b"not json")
    _page(client, certificate)
    assert receipts.receipts_drain() == 3
    assert [r.certificate_id for r in VerificationReceipt.objects.all()] == [certificate.pk]
    assert receipts.receipts_waiting() == 0


def test_with_redis_unreachable_the_receipt_is_written_in_the_request(
    client, certificate, buffered, monkeypatch
):
    import redis

    dead = redis.Redis(port=1, socket_connect_timeout=0.2)
    monkeypatch.setattr(receipts, "shared_redis", lambda: dead)
    response = _page(client, certificate)
    assert response.status_code == 200
    assert VerificationReceipt.objects.filter(certificate=certificate).count() == 1


def test_without_redis_the_receipt_is_written_once_an_hour(client, certificate, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    for _ in range(3):
        _page(client, certificate)
    assert receipts.receipts_drain() == 0
    assert VerificationReceipt.objects.filter(certificate=certificate).count() == 1


# --- the rate limit's count and the receipt in one round trip -----------------


def _stored_receipts() -> int:
    receipts.receipts_drain()  # nothing to drain without Redis: written in the request
    return VerificationReceipt.objects.count()


@pytest.fixture
def round_trips(monkeypatch):
    """The Redis round trips made (a pipeline or a script is one)."""
    import redis.connection

    sent = []
    original = redis.connection.AbstractConnection.send_packed_command

    def counting(self, command, check_health=True):
        sent.append(command)
        return original(self, command, check_health)

    monkeypatch.setattr(redis.connection.AbstractConnection, "send_packed_command", counting)
    return sent


def test_a_check_with_a_receipt_costs_no_round_trip_more_than_the_count_alone(
    client, certificate, buffered, round_trips
):
    _page(client, certificate)  # a first visit: language, caches, the script loaded
    client.cookies.clear()
    round_trips.clear()
    response = client.get("/en/verify/", {"code": certificate.display_code}, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 200
    with_receipt = len(round_trips)
    assert receipts.receipts_waiting() == 2  # two clients, two receipts
    round_trips.clear()
    unknown = "A" * 15  # well formed or not: no certificate, so only the count
    assert client.get("/en/verify/", {"code": unknown}).status_code == 200
    assert with_receipt == len(round_trips)


def test_a_check_of_the_page_is_one_redis_round_trip(client, certificate, buffered, round_trips):
    """The count and the receipt together, and no page-cache lookup (the page
    is never a stored Wagtail page)."""
    _page(client, certificate)  # a first visit: language, caches, the script loaded
    client.cookies.clear()
    round_trips.clear()
    response = client.get("/en/verify/", {"code": certificate.display_code}, REMOTE_ADDR="10.9.9.8")
    assert response.status_code == 200
    assert len(round_trips) == 1
    assert receipts.receipts_waiting() == 2


@pytest.mark.parametrize("channel", ["page", "page-post", "api"])
def test_a_refused_check_records_no_receipt(client, certificate, settings, channel):
    settings.CERTIFICATES_VERIFY_RATE = "2/3600"

    def check(n: int) -> int:
        organisation = f"Employer {n}"  # a new receipt each time, were it allowed
        if channel == "page":
            return client.get(
                "/en/verify/", {"code": certificate.code}, REMOTE_ADDR=f"10.0.0.{n}"
            ).status_code
        if channel == "page-post":
            data = {"code": certificate.code, "organisation": organisation}
            return client.post("/en/verify/", data, REMOTE_ADDR="10.0.1.1").status_code
        url = f"/api/certificates/verify/{certificate.code}"
        return client.get(url, {"organisation": organisation}, REMOTE_ADDR="10.0.2.1").status_code

    if channel == "page":
        # One client: its second page view is within the hour (no new
        # receipt) and its third is refused.
        statuses = [
            client.get("/en/verify/", {"code": certificate.code}).status_code for _ in range(3)
        ]
        assert statuses == [200, 200, 429]
        assert _stored_receipts() == 1
        return
    assert [check(n) for n in range(1, 5)] == [200, 200, 429, 429]
    assert _stored_receipts() == 2


def test_if_the_one_round_trip_fails_the_count_and_receipt_are_made_in_two(
    client, certificate, buffered, settings, monkeypatch
):
    import redis

    settings.CERTIFICATES_VERIFY_RATE = "2/3600"

    def broken(client, source):
        if source == receipts._LIMIT_THEN_PUSH_ONCE:
            raise redis.ConnectionError("lost")
        return original(client, source)

    original = receipts._script
    monkeypatch.setattr(receipts, "_script", broken)
    statuses = [_page(client, certificate).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]  # still counted
    assert receipts.receipts_waiting() == 1  # still recorded, once
    assert _stored_receipts() == 1


def test_an_answer_lost_after_the_script_ran_records_no_second_receipt(
    client, certificate, buffered, monkeypatch
):
    import redis

    original = receipts._script

    def ran_then_lost(client, source):
        script = original(client, source)
        if source != receipts._LIMIT_THEN_PUSH_ONCE:
            return script

        def call(**kwargs):
            script(**kwargs)
            raise redis.ConnectionError("the answer was lost")

        return call

    monkeypatch.setattr(receipts, "_script", ran_then_lost)
    assert _page(client, certificate).status_code == 200
    assert _stored_receipts() == 1
