"""Per-client rate limit for public lookups, counted in the shared cache."""

import time

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


def allow(request: HttpRequest) -> bool:
    """Count one lookup; False once the client went over the limit in this window."""
    limit, seconds = _rate()
    window = int(time.time() // seconds)
    key = f"cert-verify:{client_key(request)}:{window}"
    try:
        used = cache.incr(key)
    except ValueError:
        used = 1 if cache.add(key, 1, timeout=seconds + 1) else cache.incr(key)
    return used <= limit


def retry_after() -> int:
    _, seconds = _rate()
    return seconds - int(time.time()) % seconds
