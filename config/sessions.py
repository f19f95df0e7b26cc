"""Sessions read from the shared cache and written through to the database
(Django's `cached_db`), with the other values that every signed-in request
reads from the same cache brought along in the session's own round trip.

A signed-in request reads its session from Redis, then, a moment later, the
page-tree version (`courses.selectors.catalogue.pages_version`): two round
trips for two keys of the same server. The store asks for both at once
(`get_many`, one MGET) and hands each other value to whoever registered its
key (`read_along`), which keeps it for the rest of the request as if it had
read it itself. A key that is missing is handed nothing: its reader asks as
usual. A session missing from the cache, or a cache that fails, takes
Django's own path (`cached_db`'s `load`)."""

from collections.abc import Callable

from django.conf import settings
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.core.cache import DEFAULT_CACHE_ALIAS

# (cache alias, key) -> what to do with the key's value when a session's read
# brought it.
_ALONG: dict[tuple[str, str], Callable[[object], None]] = {}


def read_along(key: str, seen: Callable[[object], None], alias: str = DEFAULT_CACHE_ALIAS) -> None:
    """Bring `key` of the cache `alias` along with every session read from
    that cache and hand its value to `seen` (not called when it is missing)."""
    _ALONG[(alias, key)] = seen


class SessionStore(CachedDBStore):
    def load(self):
        alias = settings.SESSION_CACHE_ALIAS
        along = {key: seen for (cache, key), seen in _ALONG.items() if cache == alias}
        if not along:
            return super().load()
        try:
            found = self._cache.get_many([self.cache_key, *along])
        except Exception:  # noqa: BLE001 - as Django's own load: an invalid key, a cache down
            return super().load()
        for key, seen in along.items():
            if key in found:
                seen(found[key])
        data = found.get(self.cache_key)
        # Not in the cache: Django's path reads the database and fills it.
        return data if data is not None else super().load()
