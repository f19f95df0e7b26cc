"""The project's one rate limiter: the real client address behind trusted
proxies, fixed windows counted in the shared cache, and the 429 page."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from config import ratelimit


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _request(address: str = "10.0.0.1", forwarded: str | None = None, **headers):
    meta = {"REMOTE_ADDR": address, **headers}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/api/certificates/verify/x", **meta)


def _allowed(request, rate: str) -> bool:
    return ratelimit.hit(f"test:{ratelimit.client_address(request)}", rate=rate) is None


# --- the client address ------------------------------------------------------


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.TRUSTED_CLIENT_IP_HEADER = ""
    request = _request("203.0.113.9", forwarded="198.51.100.1")
    assert ratelimit.client_address(request) == "203.0.113.9"


def test_one_trusted_proxy_gives_the_address_it_saw(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = _request("10.0.0.1", forwarded="198.51.100.7")
    assert ratelimit.client_address(request) == "198.51.100.7"


def test_a_spoofed_prefix_does_not_change_the_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client sent "X-Forwarded-For: 192.0.2.1"; our proxy appended what it saw.
    request = _request("10.0.0.1", forwarded="192.0.2.1, 198.51.100.7")
    assert ratelimit.client_address(request) == "198.51.100.7"


def test_two_trusted_proxies_take_the_second_entry_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = _request("10.0.0.2", forwarded="192.0.2.1, 198.51.100.7, 10.0.0.1")
    assert ratelimit.client_address(request) == "198.51.100.7"


@pytest.mark.parametrize("forwarded", ["", "not-an-address", "198.51.100.7; drop table"])
def test_a_missing_or_invalid_entry_falls_back_to_remote_addr(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert ratelimit.client_address(_request("10.0.0.1", forwarded=forwarded)) == "10.0.0.1"


def test_too_few_entries_fall_back_to_remote_addr(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert ratelimit.client_address(_request("10.0.0.1", forwarded="198.51.100.7")) == "10.0.0.1"


def test_a_trusted_header_names_the_client(settings):
    settings.TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    request = _request("10.0.0.1", forwarded="192.0.2.1", HTTP_X_REAL_IP="2001:db8::1")
    assert ratelimit.client_address(request) == "2001:db8::1"


def test_an_invalid_trusted_header_falls_back_to_remote_addr(settings):
    settings.TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    request = _request("10.0.0.1", HTTP_X_REAL_IP="evil")
    assert ratelimit.client_address(request) == "10.0.0.1"


def test_allauth_reads_the_same_settings():
    from django.conf import settings

    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == settings.TRUSTED_PROXY_COUNT
    assert (settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER or "") == settings.TRUSTED_CLIENT_IP_HEADER


# --- buckets behind a proxy --------------------------------------------------


def test_the_nth_request_is_allowed_and_the_next_refused(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = _request("192.0.2.1")
    assert [_allowed(request, "3/3600") for _ in range(4)] == [True, True, True, False]


def test_two_clients_behind_one_proxy_have_separate_buckets(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    first = _request("10.0.0.1", forwarded="198.51.100.1")
    second = _request("10.0.0.1", forwarded="198.51.100.2")
    assert [_allowed(first, "2/3600") for _ in range(3)] == [True, True, False]
    assert _allowed(second, "2/3600")


def test_a_spoofed_prefix_cannot_escape_its_bucket(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert [_allowed(_request("10.0.0.1", forwarded="198.51.100.1"), "2/3600") for _ in range(2)]
    spoofed = _request("10.0.0.1", forwarded="192.0.2.77, 198.51.100.1")
    assert not _allowed(spoofed, "2/3600")


def test_without_trusted_proxies_everyone_behind_the_proxy_shares_one_bucket(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    first = _request("10.0.0.1", forwarded="198.51.100.1")
    second = _request("10.0.0.1", forwarded="198.51.100.2")
    assert _allowed(first, "1/3600")
    assert not _allowed(second, "1/3600")


def test_the_refusal_says_how_long_to_wait():
    ratelimit.hit("wait", rate="1/60")
    wait = ratelimit.hit("wait", rate="1/60")
    assert 1 <= wait <= 60


# --- limits that count failures only -------------------------------------------


def test_failures_block_at_the_limit_and_not_before():
    for _ in range(4):
        ratelimit.failure("fails", rate="5/900")
    assert ratelimit.blocked("fails", rate="5/900") is None  # 4 failures: a 5th try allowed
    ratelimit.failure("fails", rate="5/900")
    assert 1 <= ratelimit.blocked("fails", rate="5/900") <= 900


def test_a_cleared_count_starts_again():
    for _ in range(5):
        ratelimit.failure("fails", rate="5/900")
    ratelimit.clear("fails", rate="5/900")
    assert ratelimit.blocked("fails", rate="5/900") is None


def test_on_redis_a_count_expires_with_its_window():
    client = ratelimit.shared_redis()
    if client is None:
        pytest.skip("CACHE_URL is not Redis: the count lives in the cache API")
    # An hour's window: the two counts below fall in the same one.
    ratelimit.hit("expiry:192.0.2.3", rate="5/3600")
    (key,) = client.keys("*expiry:192.0.2.3:*")
    assert 0 < client.ttl(key) <= 3601
    client.expire(key, 100)
    ratelimit.hit("expiry:192.0.2.3", rate="5/3600")
    assert int(client.get(key)) == 2
    assert 0 < client.ttl(key) <= 100  # a later count does not push the expiry back
    assert ratelimit.blocked("expiry:192.0.2.3", rate="2/3600") is not None  # read by the cache API


def test_on_redis_a_count_survives_a_server_that_forgot_the_script():
    """A restarted Redis knows no script: the count sends its text again."""
    client = ratelimit.shared_redis()
    if client is None:
        pytest.skip("CACHE_URL is not Redis: the count lives in the cache API")
    assert ratelimit.hit("flushed:192.0.2.4", rate="2/3600") is None
    client.script_flush()
    assert ratelimit.hit("flushed:192.0.2.4", rate="2/3600") is None
    assert ratelimit.hit("flushed:192.0.2.4", rate="2/3600") is not None  # the third of two


# --- the 429 page --------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words"), [("nl", "minuten"), ("fr", "minutes"), ("de", "Minuten")]
)
def test_the_429_page_says_how_long_to_wait_in_the_language(language, words):
    from django.utils import translation

    with translation.override(language):
        response = ratelimit.too_many(_request(), 150)
    assert response.status_code == 429
    assert response["Retry-After"] == "150"
    text = response.content.decode()
    assert f"3 {words}" in text
    assert f'href="/{language}/"' in text


@pytest.mark.django_db
def test_the_429_page_links_back_only_to_our_own_pages():
    own = _request(HTTP_REFERER="http://testserver/nl/certificates/verify/")
    foreign = _request(HTTP_REFERER="https://evil.example/")
    assert "/nl/certificates/verify/" in ratelimit.too_many(own, 60).content.decode()
    assert "evil.example" not in ratelimit.too_many(foreign, 60).content.decode()
