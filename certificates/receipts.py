"""Receipts of checks, recorded without a broker round trip in the request.

A check appends one line to a Redis list (the shared cache's Redis), in the
same round trip as the "once an hour per client" test: a Lua script sets the
hour's marker and pushes only if the marker was new; where the check is also
counted by the rate limiter (the verification page, the API's named checks),
the count is made by the same script (`limited_receipt`). A beat task
(`receipts_drain`) moves the list into the database in bulk. The list has no
expiry, so it waits for as long as the workers are down (a cache Redis must
not evict keys without a TTL: `noeviction` or a `volatile-*` policy).

Exactly once: each line carries a random id, stored in the receipt's unique
`token`. A drain inserts with ON CONFLICT DO NOTHING, then removes exactly the
lines it read (LREM by value): a drain that dies half way, runs twice, or runs
beside another never counts a check twice nor drops one it did not store.

Without Redis (the embedded default) or while Redis is unreachable, the
receipt is written in the request, as before: nothing is lost either way."""

import json
import logging
import uuid

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from certificates.models import Certificate, VerificationReceipt
from config import ratelimit
from config.ratelimit import shared_redis

logger = logging.getLogger(__name__)

BUFFER_KEY = "certificates:receipts"
ONCE_SECONDS = 3600

# KEYS[1] the hour's marker, KEYS[2] the list; ARGV[1] the line, ARGV[2] seconds.
_PUSH_ONCE = """
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then
  redis.call('RPUSH', KEYS[2], ARGV[1])
  return 1
end
return 0
"""


# The rate limiter's count and the receipt in one round trip. KEYS[1] the
# limiter's window, KEYS[2] the hour's marker, KEYS[3] the list; ARGV[1] the
# window's expiry, ARGV[2] the limit, ARGV[3] the line, ARGV[4] seconds. As
# config.ratelimit counts (its COUNT script) and, only within the limit, as
# _PUSH_ONCE: a refused check leaves no receipt.
_LIMIT_THEN_PUSH_ONCE = """
local used = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[1], 'NX')
if used > tonumber(ARGV[2]) then
  return {used, 0}
end
if redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[4]) then
  redis.call('RPUSH', KEYS[3], ARGV[3])
  return {used, 1}
end
return {used, 0}
"""

_script = ratelimit.script


def _push_once_script(client):
    return _script(client, _PUSH_ONCE)


def buffer_key() -> str:
    from django.core.cache import cache

    return cache.make_key(BUFFER_KEY)


def _line(certificate_id: int, channel: str, organisation: str) -> str:
    return json.dumps(
        {
            "id": uuid.uuid4().hex,
            "certificate": certificate_id,
            "channel": channel,
            "organisation": organisation,
            "at": timezone.now().isoformat(),
        }
    )


def limited_receipt(
    *, limit_key: str, rate: str, marker: str, certificate_id: int, channel: str, organisation: str
) -> int | None:
    """Count one check under the rate limiter (`ratelimit.hit(limit_key,
    rate=rate)`) and, within the limit, record its receipt as `receipt_buffer`
    does: on Redis both in one round trip. The seconds to wait when over the
    limit (no receipt then), else None.

    Should the round trip fail, it is made again the usual way, in two: the
    count (which fails as it always did with Redis down) and the receipt
    (written in the request when the list is unreachable). A script that ran
    before its answer was lost set the hour's marker: no second receipt."""
    from django.core.cache import cache

    client = shared_redis()
    if client is not None:
        import redis

        current = ratelimit.window(limit_key, rate=rate)
        keys = [cache.make_key(current.key), cache.make_key(marker), buffer_key()]
        line = _line(certificate_id, channel, organisation)
        try:
            used, _ = _script(client, _LIMIT_THEN_PUSH_ONCE)(
                keys=keys, args=[current.expiry, current.limit, line, ONCE_SECONDS]
            )
            return current.wait(int(used))
        except redis.RedisError:
            logger.warning("rate limit and receipt in one round trip failed: made in two")
    if (wait := ratelimit.hit(limit_key, rate=rate)) is not None:
        return wait
    receipt_buffer(
        marker=marker, certificate_id=certificate_id, channel=channel, organisation=organisation
    )
    return None


def receipt_buffer(*, marker: str, certificate_id: int, channel: str, organisation: str) -> bool:
    """Record one check, once per `marker` an hour: pushed to the Redis list,
    or written at once without Redis. True if it was new."""
    from django.core.cache import cache

    line = _line(certificate_id, channel, organisation)
    client = shared_redis()
    if client is not None:
        import redis

        try:
            pushed = _push_once_script(client)(
                keys=[cache.make_key(marker), buffer_key()], args=[line, ONCE_SECONDS]
            )
            return bool(pushed)
        except redis.RedisError:
            logger.warning("receipt buffer unreachable: the receipt is written in the request")
    elif not cache.add(marker, 1, timeout=ONCE_SECONDS):
        return False
    _store([json.loads(line)])
    return True


def _store(entries: list[dict]) -> None:
    """Insert the receipts of certificates that still exist; a token already
    stored is skipped (a second drain of the same lines)."""
    ids = {entry["certificate"] for entry in entries}
    existing = set(Certificate.objects.filter(pk__in=ids).values_list("pk", flat=True))
    VerificationReceipt.objects.bulk_create(
        [
            VerificationReceipt(
                token=uuid.UUID(entry["id"]),
                certificate_id=entry["certificate"],
                channel=entry["channel"],
                organisation=entry["organisation"][:200],
                checked_at=parse_datetime(entry["at"]) or timezone.now(),
            )
            for entry in entries
            if entry["certificate"] in existing
        ],
        ignore_conflicts=True,
    )


def _parse(line: bytes) -> dict | None:
    try:
        entry = json.loads(line)
        uuid.UUID(entry["id"])
        int(entry["certificate"])
        str(entry["channel"]), str(entry["organisation"]), str(entry["at"])
    except (ValueError, KeyError, TypeError):
        logger.warning("receipt buffer: an unreadable line was dropped: %r", line[:200])
        return None
    return entry


def _drain_lines(client, key: str, lines: list[bytes]) -> None:
    """Store these lines read from the list, then remove exactly them."""
    entries = [entry for entry in map(_parse, lines) if entry is not None]
    if entries:
        _store(entries)
    # Only once stored (a drain runs outside any transaction: committed here).
    pipe = client.pipeline(transaction=False)
    for line in lines:
        pipe.lrem(key, 1, line)
    pipe.execute()


def receipts_drain(*, batch: int = 1000, batches: int = 100) -> int:
    """Move buffered receipts into the database, `batch` lines at a time (at
    most `batches` batches a run); the number of lines handled."""
    client = shared_redis()
    if client is None:
        return 0
    key = buffer_key()
    handled = 0
    for _ in range(batches):
        lines = client.lrange(key, 0, batch - 1)
        if not lines:
            break
        _drain_lines(client, key, lines)
        handled += len(lines)
        if len(lines) < batch:
            break
    return handled


def receipts_waiting() -> int:
    """How many checks wait in the buffer (for monitoring)."""
    client = shared_redis()
    return 0 if client is None else int(client.llen(buffer_key()))
