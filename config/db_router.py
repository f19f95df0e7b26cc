"""The read replica, switched on by DATABASE_REPLICA_URL.

Nothing goes to the replica unless the code says so, in two explicit ways:

- `replica_alias()` names the connection for a raw SQL read
  (`connections[replica_alias()].cursor()`, the fund reports' cubes);
- `with reading_from_replica():` sends the ORM reads made inside it to the
  replica (the partner exports, which read through other apps' selectors).

Both fall back to "default" when no replica is configured and inside a
transaction on "default": a read in a transaction that writes must see its
own writes. Writes and migrations always go to "default".

A replica may be seconds behind: only reads that tolerate that use it (fund
reports and dashboards, partner exports); a page that shows what the person
just changed reads from "default"."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"

_reading: ContextVar[bool] = ContextVar("reading_from_replica", default=False)


def replica_alias() -> str:
    """The database alias for a read that may lag a few seconds behind."""
    if not getattr(settings, "DATABASE_REPLICA_READS", False) or REPLICA not in settings.DATABASES:
        return DEFAULT_DB_ALIAS
    if connections[DEFAULT_DB_ALIAS].in_atomic_block:
        return DEFAULT_DB_ALIAS
    return REPLICA


@contextmanager
def reading_from_replica() -> Iterator[str]:
    """ORM reads inside go to `replica_alias()`. Do not yield out of it from
    a generator (the switch would stay on for the caller between items)."""
    previous = _reading.get()
    _reading.set(True)
    try:
        yield replica_alias()
    finally:
        _reading.set(previous)


class ReplicaRouter:
    """Reads inside `reading_from_replica()` to the replica; all else to default."""

    def db_for_read(self, model, **hints):
        return replica_alias() if _reading.get() else None

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The same rows on both: an object read from the replica may be linked
        # to one read from default.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
