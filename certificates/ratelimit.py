"""Per-client rate limit for public lookups, counted in the shared cache.

On Redis the count is one round trip (INCR and EXPIRE NX in one pipeline, on a
client kept for the life of the process); Django's cache API would take two
(EXISTS, then INCR) and build a new client object for each. Other caches (the
embedded default's memory) go through the cache API."""

import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _rate() -> tuple[int, int]:
    count, _, seconds = settings.CERTIFICATES_VERIFY_RATE.partition("/")
    return int(count), int(seconds or 60)


def client_key(request: HttpRequest) -> str:
    # REMOTE_ADDR is the proxy's address behind a load balancer unless the
    # proxy rewrites it (e.g. nginx real_ip); X-Forwarded-For is not trusted here.
    return request.META.get("REMOTE_ADDR", "unknown")


@lru_cache(maxsize=4)
def _redis_client(location: str):
    import redis

    # The pool reconnects by itself in a forked worker (it checks the pid).
    return redis.Redis.from_url(location)


def _redis_location() -> str | None:
    config = settings.CACHES["default"]
    if config["BACKEND"] != "django.core.cache.backends.redis.RedisCache":
        return None
    location = config["LOCATION"]
    return location if isinstance(location, str) else location[0]


def _count(key: str, seconds: int) -> int:
    location = _redis_location()
    if location is not None:
        full_key = cache.make_key(key)
        pipe = _redis_client(location).pipeline(transaction=False)
        pipe.incr(full_key)
        pipe.expire(full_key, seconds + 1, nx=True)
        used, _ = pipe.execute()
        return int(used)
    try:
        return cache.incr(key)
    except ValueError:
        return 1 if cache.add(key, 1, timeout=seconds + 1) else cache.incr(key)


def hit(key: str, *, rate: str) -> int | None:
    """Count one request on `key` under `rate` ("count/seconds", a fixed window);
    None while within the limit, else the seconds until the window ends."""
    count, _, period = rate.partition("/")
    limit, seconds = int(count), int(period or 60)
    now = time.time()
    if _count(f"{key}:{int(now // seconds)}", seconds) <= limit:
        return None
    return max(1, seconds - int(now) % seconds)


def allow(request: HttpRequest) -> bool:
    """Count one lookup; False once the client went over the limit in this window."""
    return hit(f"cert-verify:{client_key(request)}", rate=settings.CERTIFICATES_VERIFY_RATE) is None


def retry_after() -> int:
    _, seconds = _rate()
    return seconds - int(time.time()) % seconds
