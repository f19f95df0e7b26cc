"""The project's one rate limiter: fixed windows counted in the shared cache,
keyed on the real client address (`client_address`).

Behind a TLS proxy or load balancer REMOTE_ADDR is the proxy's address, so the
whole country would share one bucket. Settings say how the real address
arrives: `TRUSTED_CLIENT_IP_HEADER` (a header the proxy sets, e.g. X-Real-IP)
or `TRUSTED_PROXY_COUNT` (how many proxies append to X-Forwarded-For). allauth
reads the same two settings (ALLAUTH_TRUSTED_*), so its login limits agree.

On Redis a count is one round trip (INCR and EXPIRE NX in one pipeline, on a
client kept for the life of the process); Django's cache API would take two
(EXISTS, then INCR) and build a new client object for each. Other caches (the
embedded default's memory) go through the cache API."""

import ipaddress
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse


def _ip(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The address of the person making the request, as far as the configured
    proxies vouch for it; REMOTE_ADDR when they do not (or say nonsense).

    With N trusted proxies, each appended the address it saw to
    X-Forwarded-For, so the Nth entry from the right was written by our own
    first proxy; anything left of it is whatever the client sent."""
    remote = _ip(request.META.get("REMOTE_ADDR", "")) or "unknown"
    header = getattr(settings, "TRUSTED_CLIENT_IP_HEADER", "")
    if header:
        meta_name = "HTTP_" + header.upper().replace("-", "_")
        return _ip(request.META.get(meta_name, "")) or remote
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(entries) < proxies:
        return remote
    return _ip(entries[-proxies]) or remote


def parse_rate(rate: str) -> tuple[int, int]:
    """ "count/seconds" -> (count, seconds); seconds default to 60."""
    count, _, seconds = rate.partition("/")
    return int(count), int(seconds or 60)


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


def _window(key: str, seconds: int, now: float) -> str:
    return f"rl:{key}:{int(now // seconds)}"


def _left(seconds: int, now: float) -> int:
    return max(1, seconds - int(now) % seconds)


def hit(key: str, *, rate: str) -> int | None:
    """Count one request on `key` under `rate` ("count/seconds", a fixed window);
    None while within the limit, else the seconds until the window ends."""
    limit, seconds = parse_rate(rate)
    now = time.time()
    if _count(_window(key, seconds, now), seconds) <= limit:
        return None
    return _left(seconds, now)


def blocked(key: str, *, rate: str) -> int | None:
    """For limits that count only failures: without counting, the seconds left
    in the window if `key` already used its whole budget, else None."""
    limit, seconds = parse_rate(rate)
    now = time.time()
    if int(cache.get(_window(key, seconds, now)) or 0) < limit:
        return None
    return _left(seconds, now)


def failure(key: str, *, rate: str) -> None:
    """Count one failure on `key` (see `blocked`)."""
    _, seconds = parse_rate(rate)
    _count(_window(key, seconds, time.time()), seconds)


def clear(key: str, *, rate: str) -> None:
    """Forget the current window's count of `key` (a pause lifted by hand)."""
    _, seconds = parse_rate(rate)
    cache.delete(_window(key, seconds, time.time()))


def minutes(seconds: int) -> int:
    """Seconds to wait, said in whole minutes (at least one)."""
    return max(1, -(-seconds // 60))


def too_many(
    request: HttpRequest, seconds: int, *, template: str = "429.html", context=None
) -> HttpResponse:
    """The 429 answer of an HTML page: how long to wait, a way back, and
    Retry-After for machines."""
    from django.shortcuts import render

    data = {"retry_minutes": minutes(seconds), "back_url": _back_url(request)}
    data.update(context or {})
    response = render(request, template, data, status=429)
    response["Retry-After"] = str(seconds)
    return response


def _back_url(request: HttpRequest) -> str:
    from config.own_urls import own_url

    return own_url(request, request.META.get("HTTP_REFERER", ""))
