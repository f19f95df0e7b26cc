"""The project's one rate limiter: fixed windows counted in the shared cache,
keyed on the real client address (`client_address`).

Behind a TLS proxy or load balancer REMOTE_ADDR is the proxy's address, so the
whole country would share one bucket. Settings say how the real address
arrives: `TRUSTED_CLIENT_IP_HEADER` (a header the proxy sets, e.g. X-Real-IP)
or `TRUSTED_PROXY_COUNT` (how many proxies append to X-Forwarded-For). allauth
reads the same two settings (ALLAUTH_TRUSTED_*), so its login limits agree.

On Redis a count is one round trip: one Lua script (INCR, then EXPIRE NX),
run on the cache backend's client, kept for the life of the process
(config.cache). Django's cache API would take two (EXISTS, then INCR); a
pipeline of the two commands cost a third more of the client's time than the
script (85 against 64 us of CPU a count, timeit, 2026-12-08). Other caches
(the embedded default's memory) go through the cache API."""

import ipaddress
import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
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


def shared_redis():
    """The shared cache's Redis client (for what Django's cache API cannot do
    in one round trip: counters, scripts, lists), or None on another cache.
    The very client the cache backend uses (config.cache: one per pool and
    process, safe across a fork)."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return None
    return backend._cache.get_client(write=True)


_scripts: dict = {}


def script(client, source: str):
    """`client.register_script(source)`, made once per client and text: a call
    sends EVALSHA, and the text itself only when the server does not know it
    (after a restart)."""
    found = _scripts.get((id(client), source))
    if found is None:
        found = _scripts[(id(client), source)] = client.register_script(source)
    return found


# KEYS[1] the window's counter; ARGV[1] its lifetime, set by the first count.
COUNT = """
local used = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[1], 'NX')
return used
"""


def _count(key: str, seconds: int) -> int:
    client = shared_redis()
    if client is not None:
        return int(script(client, COUNT)(keys=[cache.make_key(key)], args=[seconds + 1]))
    try:
        return cache.incr(key)
    except ValueError:
        return 1 if cache.add(key, 1, timeout=seconds + 1) else cache.incr(key)


def _window(key: str, seconds: int, now: float) -> str:
    return f"rl:{key}:{int(now // seconds)}"


def _left(seconds: int, now: float) -> int:
    return max(1, seconds - int(now) % seconds)


class Window(NamedTuple):
    """The current window of `key` under a rate: its cache key (before
    cache.make_key), the limit, and what a count in it means."""

    key: str
    limit: int
    seconds: int
    now: float

    @property
    def expiry(self) -> int:
        """The counter's lifetime, set by the window's first count."""
        return self.seconds + 1

    def wait(self, used: int) -> int | None:
        """None while `used` is within the limit, else the seconds left."""
        return None if used <= self.limit else _left(self.seconds, self.now)


def window(key: str, *, rate: str) -> Window:
    """For a caller that counts in its own Redis round trip (a script doing
    more in the same call): INCR `cache.make_key(w.key)`, EXPIRE it
    `w.expiry` NX, and `w.wait(count)` is what `hit` would answer."""
    limit, seconds = parse_rate(rate)
    now = time.time()
    return Window(_window(key, seconds, now), limit, seconds, now)


def hit(key: str, *, rate: str) -> int | None:
    """Count one request on `key` under `rate` ("count/seconds", a fixed window);
    None while within the limit, else the seconds until the window ends."""
    current = window(key, rate=rate)
    return current.wait(_count(current.key, current.seconds))


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
