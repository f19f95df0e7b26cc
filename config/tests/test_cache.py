"""The Redis cache backend (config.cache): one client per pool and process,
shared with the rate limiter, and a fresh connection after a fork."""

import os
import threading

import pytest
import redis
from django.core.cache import cache, caches

from config import ratelimit
from config.cache import RedisCache
from config.env import cache_from_url


@pytest.fixture
def redis_cache():
    if not isinstance(caches["default"], RedisCache):
        pytest.skip("CACHE_URL is not Redis")
    cache.clear()
    yield caches["default"]
    cache.clear()


def test_a_redis_url_selects_the_project_backend():
    assert cache_from_url("redis://127.0.0.1:6379/3")["BACKEND"] == "config.cache.RedisCache"


def test_without_redis_there_is_no_shared_client(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert ratelimit.shared_redis() is None


def test_cache_calls_build_no_client(redis_cache, monkeypatch):
    redis_cache.set("warm", 1)  # the pool and its client exist from here
    built = []
    original = redis.Redis.__init__

    def counting(self, *args, **kwargs):
        built.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counting)
    redis_cache.set("a", {"x": 1})
    assert redis_cache.get("a") == {"x": 1}
    assert redis_cache.get_many(["a", "b"]) == {"a": {"x": 1}}
    redis_cache.delete("a")
    assert redis_cache.incr("warm") == 2
    assert built == []


def test_one_client_for_the_cache_every_thread_and_the_rate_limiter(redis_cache):
    client = redis_cache._cache.get_client(write=True)
    assert redis_cache._cache.get_client() is client  # one server: reads use it too
    assert ratelimit.shared_redis() is client
    seen = []
    # Django keeps a cache instance per thread: the client is still the same.
    thread = threading.Thread(target=lambda: seen.append(caches["default"]._cache.get_client()))
    thread.start()
    thread.join()
    assert seen == [client]
    assert caches.create_connection("default") is not redis_cache
    assert caches.create_connection("default")._cache.get_client() is client


def test_a_changed_pid_gets_new_connections(redis_cache):
    redis_cache.set("before", 1)
    pool = redis_cache._cache.get_client().connection_pool
    inherited = list(pool._available_connections)
    assert inherited
    pool.pid = -1  # as a forked child sees the pool it inherited
    assert redis_cache.get("before") == 1
    assert pool.pid == os.getpid()
    assert not set(map(id, pool._available_connections)) & set(map(id, inherited))


def test_a_forked_child_talks_to_redis_on_its_own_connection(redis_cache):
    redis_cache.set("parent", 1)
    parent_connection = redis_cache._cache.get_client().connection_pool._available_connections[0]
    child = os.fork()
    if child == 0:  # the child: no pytest machinery, just an exit code
        code = 1
        try:
            pool = caches["default"]._cache.get_client().connection_pool
            caches["default"].set("child", os.getpid())
            reused = parent_connection in pool._available_connections
            code = 2 if reused else 0
        finally:
            os._exit(code)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert redis_cache.get("child") == child
    assert redis_cache.get("parent") == 1  # the parent's connection still works
