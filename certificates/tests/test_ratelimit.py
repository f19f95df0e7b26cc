"""The per-client limit of public lookups, counted in the shared cache."""

import pytest
from django.test import RequestFactory

from certificates import ratelimit


def _request(address: str):
    return RequestFactory().get("/api/certificates/verify/x", REMOTE_ADDR=address)


def test_each_client_has_its_own_count(settings):
    settings.CERTIFICATES_VERIFY_RATE = "2/60"
    first, second = _request("192.0.2.1"), _request("192.0.2.2")
    assert [ratelimit.allow(first) for _ in range(3)] == [True, True, False]
    assert ratelimit.allow(second)


def test_on_redis_a_count_expires_with_its_window(settings):
    location = ratelimit._redis_location()
    if location is None:
        pytest.skip("CACHE_URL is not Redis: the count lives in the cache API")
    # An hour's window: the two counts below fall in the same one.
    settings.CERTIFICATES_VERIFY_RATE = "5/3600"
    ratelimit.allow(_request("192.0.2.3"))
    client = ratelimit._redis_client(location)
    (key,) = client.keys("*cert-verify:192.0.2.3:*")
    assert 0 < client.ttl(key) <= 3601
    client.expire(key, 100)
    ratelimit.allow(_request("192.0.2.3"))
    assert int(client.get(key)) == 2
    assert 0 < client.ttl(key) <= 100  # a later count does not push the expiry back
