"""The session store (config.sessions): Django's cached_db, with the
page-tree version brought along in the session's own round trip."""

import pytest
from django.conf import settings
from django.core.cache import caches

from config import sessions
from config.sessions import SessionStore, read_along
from courses.selectors.catalogue import (
    PAGES_VERSION_CACHE_KEY,
    pages_version,
    pages_version_request_finished,
    pages_version_request_started,
)
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reads(monkeypatch) -> list[tuple[str, tuple]]:
    """Every read of the default cache: ("get", (key,)) or ("get_many", keys)."""
    cache = caches["default"]
    seen = []
    get, get_many = cache.get, cache.get_many
    inside = []  # a local cache's get_many asks its get for each key

    def counted_get(key, *args, **kwargs):
        if not inside:
            seen.append(("get", (key,)))
        return get(key, *args, **kwargs)

    def counted_get_many(keys, *args, **kwargs):
        seen.append(("get_many", tuple(keys)))
        inside.append(True)
        try:
            return get_many(keys, *args, **kwargs)
        finally:
            inside.pop()

    monkeypatch.setattr(cache, "get", counted_get)
    monkeypatch.setattr(cache, "get_many", counted_get_many)
    return seen


@pytest.fixture
def in_a_request():
    pages_version_request_started()
    yield
    pages_version_request_finished()


def _stored_session() -> str:
    store = SessionStore()
    store["probe"] = "kept"
    store.create()
    return store.session_key


def test_the_platform_runs_with_this_store():
    assert settings.SESSION_ENGINE == "config.sessions"


def test_a_session_read_brings_the_version_along(reads, in_a_request):
    version = pages_version()  # there is one
    key = _stored_session()
    pages_version_request_finished()
    pages_version_request_started()
    reads.clear()
    assert SessionStore(session_key=key).load() == {"probe": "kept"}
    assert pages_version() == version
    # One read in all: the session and the version together.
    assert len(reads) == 1
    assert reads[0][0] == "get_many"
    assert PAGES_VERSION_CACHE_KEY in reads[0][1]


def test_a_missing_version_is_read_as_usual(reads, in_a_request):
    key = _stored_session()
    caches["default"].delete(PAGES_VERSION_CACHE_KEY)
    assert SessionStore(session_key=key).load() == {"probe": "kept"}
    version = pages_version()
    assert version  # a new one, made by its reader
    assert ("get", (PAGES_VERSION_CACHE_KEY,)) in reads


def test_a_version_the_request_already_read_is_kept(in_a_request):
    key = _stored_session()
    first = pages_version()
    caches["default"].set(PAGES_VERSION_CACHE_KEY, "published-meanwhile", timeout=None)
    SessionStore(session_key=key).load()  # brings the newer one along
    assert pages_version() == first  # one tree for the whole request


def test_outside_a_request_nothing_is_kept(reads):
    key = _stored_session()
    SessionStore(session_key=key).load()
    caches["default"].set(PAGES_VERSION_CACHE_KEY, "changed", timeout=None)
    assert pages_version() == "changed"


def test_a_session_missing_from_the_cache_comes_from_the_database(in_a_request):
    key = _stored_session()
    caches["default"].delete(SessionStore.cache_key_prefix + key)
    assert SessionStore(session_key=key).load() == {"probe": "kept"}
    # And it is in the cache again.
    assert caches["default"].get(SessionStore.cache_key_prefix + key) == {"probe": "kept"}


def test_a_cache_that_fails_still_loads_the_session(monkeypatch, in_a_request):
    key = _stored_session()

    def down(keys, *args, **kwargs):
        raise ConnectionError("the cache is down")

    monkeypatch.setattr(caches["default"], "get_many", down)
    assert SessionStore(session_key=key).load() == {"probe": "kept"}


def test_an_unknown_session_is_empty(in_a_request):
    assert SessionStore(session_key="x" * 32).load() == {}


def test_a_key_of_another_cache_is_not_read_from_the_sessions_one(monkeypatch, reads):
    monkeypatch.setattr(sessions, "_ALONG", dict(sessions._ALONG))
    handed = []
    read_along("elsewhere:key", handed.append, alias="another-cache")
    key = _stored_session()
    SessionStore(session_key=key).load()
    assert handed == []
    assert all("elsewhere:key" not in keys for _kind, keys in reads)


def test_a_registered_key_is_handed_its_value(monkeypatch):
    monkeypatch.setattr(sessions, "_ALONG", dict(sessions._ALONG))
    handed = []
    read_along("probe:along", handed.append)
    caches["default"].set("probe:along", "its value")
    SessionStore(session_key=_stored_session()).load()
    assert handed == ["its value"]
    caches["default"].delete("probe:along")
    handed.clear()
    SessionStore(session_key=_stored_session()).load()
    assert handed == []  # missing: nothing handed


def test_a_signed_in_page_reads_the_cache_once_fewer(client, home_page, reads, monkeypatch):
    client.force_login(UserFactory())
    assert client.get("/en/").status_code == 200  # the version and the routes exist
    reads.clear()
    assert client.get("/en/").status_code == 200
    version_alone = [r for r in reads if r == ("get", (PAGES_VERSION_CACHE_KEY,))]
    assert version_alone == []
    assert any(kind == "get_many" and PAGES_VERSION_CACHE_KEY in keys for kind, keys in reads)
    with_the_version = len(reads)
    # Without the store's help, the page asks for the version on its own.
    monkeypatch.setattr(sessions, "_ALONG", {})
    reads.clear()
    assert client.get("/en/").status_code == 200
    assert ("get", (PAGES_VERSION_CACHE_KEY,)) in reads
    assert len(reads) == with_the_version + 1
