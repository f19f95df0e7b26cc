"""The project's Redis cache backend: Django's, with one client per pool.

Django's RedisCacheClient builds a new `redis.Redis(connection_pool=...)` for
every cache call, and redis-py's constructor fills its ~170 response callbacks
each time (about 0.2 ms a call, several calls a page). A client holds no
connection of its own (commands borrow one from the pool), and redis-py's
pools and clients are safe to share between threads, so one client per pool
is kept for the life of the process.

Pools and clients live in a process-wide registry keyed by server and pool
options: every thread's cache instance (Django keeps one per thread) and
`config.ratelimit.shared_redis()` use the same ones. Across a fork (gunicorn
workers, Celery prefork) the inherited pool notices the new pid on its next
use and opens its own connections (ConnectionPool._checkpid): no socket is
ever shared between processes."""

import threading

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient

_lock = threading.Lock()
# (server, pool class, pool options) -> (pool, client)
_registry: dict[tuple, tuple] = {}


class RedisCacheClient(DjangoRedisCacheClient):
    def _get_connection_pool(self, write):
        return self._pool_and_client(write)[0]

    def _pool_and_client(self, write):
        index = self._get_connection_pool_index(write)
        found = self._pools.get(index)
        if found is None:
            server = self._servers[index]
            key = (server, self._pool_class, repr(sorted(self._pool_options.items())))
            with _lock:
                found = _registry.get(key)
                if found is None:
                    pool = self._pool_class.from_url(server, **self._pool_options)
                    found = _registry[key] = (pool, self._client(connection_pool=pool))
            self._pools[index] = found
        return found

    def get_client(self, key=None, *, write=False):
        return self._pool_and_client(write)[1]


class RedisCache(DjangoRedisCache):
    """CACHE_URL=redis://... (config.env.cache_from_url)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
