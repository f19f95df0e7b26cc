import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


TOKEN = "monitoring-" + "x" * 32


@pytest.fixture
def monitoring(settings):
    settings.HEALTHZ_TOKEN = TOKEN
    return {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}


def test_healthz_tells_anyone_only_up(client, settings):
    settings.HEALTHZ_TOKEN = TOKEN
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"ok": True}


def test_healthz_tells_anyone_only_down_without_naming_the_failing_part(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache server redis.internal:6379 unreachable")

    monkeypatch.setattr(cache, "set", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"ok": False}
    assert b"redis" not in response.content


@pytest.mark.parametrize(
    "authorization",
    ["", f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", f"Basic {TOKEN}", TOKEN, "Bearer "],
)
def test_healthz_gives_no_details_for_a_wrong_or_missing_token(client, settings, authorization):
    settings.HEALTHZ_TOKEN = TOKEN
    response = client.get("/healthz", HTTP_AUTHORIZATION=authorization)
    assert response.json() == {"ok": True}


def test_healthz_gives_no_details_to_anyone_when_no_token_is_configured(client, settings):
    settings.HEALTHZ_TOKEN = ""
    response = client.get("/healthz", HTTP_AUTHORIZATION="Bearer ")
    assert response.json() == {"ok": True}


def test_healthz_reports_database_cache_and_broker_to_monitoring(client, monitoring):
    response = client.get("/healthz", **monitoring)
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert set(body["checks"]) == {"database", "cache", "broker"}
    assert all(check["ok"] for check in body["checks"].values())


def test_healthz_says_503_and_names_the_failing_part_to_monitoring(client, monkeypatch, monitoring):
    def broken(*args, **kwargs):
        raise ConnectionError("cache server unreachable")

    monkeypatch.setattr(cache, "set", broken)
    response = client.get("/healthz", **monitoring)
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["cache"] == {
        "ok": False,
        "error": "ConnectionError: cache server unreachable",
    }
    assert body["checks"]["database"]["ok"] is True


def test_healthz_is_never_cached(client):
    assert "no-cache" in client.get("/healthz")["Cache-Control"]


def test_bench_is_not_routed_by_default(client):
    # The language middleware tries /en/bench/bare/, which is not there either.
    assert client.get("/bench/bare", follow=True).status_code == 404
    assert client.get("/en/bench/bare/").status_code == 404
