"""Several statements in one round trip to PostgreSQL, model instances from
rows read that way, and a request's first read without a health check before it.

psycopg's client-side binding (Django's default) sends the parameters inlined,
in one simple query, which may hold several statements: their results are read
one after the other (`cursor.nextset()`), and they run as one implicit
transaction in autocommit. Server-side binding takes one statement per call.

The busiest of those statements (the signed-in person, the enrolment, the
progress write, the certificate lookup) are sent as prepared statements of
the connection (`execute_prepared`): PostgreSQL plans them once per connection
instead of on every request, and planning was most of their time (the person's
read: 0.41 ms planned each time, 0.14 ms prepared, pgbench on the benchmark's
data).

The connection is looked up once per call (`connections[...]`, or the
cursor's own `db`): each attribute read through Django's `connection` proxy
looks it up again, about 1.5 us each, a dozen times on a lookup.
"""

import hashlib
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TypeVar

from django.conf import settings
from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    InterfaceError,
    OperationalError,
    connections,
)

T = TypeVar("T")


def several_statements_per_execute(db=None) -> bool:
    """Whether one `cursor.execute` may send several statements on `db` (a
    connection; the default one when None)."""
    db = db or connections[DEFAULT_DB_ALIAS]
    return db.vendor == "postgresql" and not db.settings_dict.get("OPTIONS", {}).get(
        "server_side_binding"
    )


# A prepared statement that is missing (26000), or whose plan no longer fits
# its result after a migration (0A000, "cached plan must not change result type").
_PREPARED_STALE = {"26000", "0A000"}
_PLACEHOLDER = re.compile(r"%%|%s")
# On the psycopg connection: the names prepared in its session, or None when
# that is not known (after a failure): everything is deallocated first.
_NAMES = "_digiskills_prepared"


@lru_cache(maxsize=256)
def _prepared(sql: str) -> tuple[str, str, int]:
    """The name, the PREPARE statement and the parameter count of `sql` (with
    %s placeholders, %% for a percent sign). The name comes from the text: a
    changed statement is a new one."""
    count = 0

    def number(match: re.Match) -> str:
        nonlocal count
        if match.group() == "%%":
            return "%%"  # still read by the client-side binding of the batch
        count += 1
        return f"${count}"

    body = _PLACEHOLDER.sub(number, sql)
    name = "digiskills_" + hashlib.blake2b(sql.encode(), digest_size=8).hexdigest()
    return name, f"PREPARE {name} AS {body}", count


def prepared_statements_used(db=None) -> bool:
    """Whether `execute_prepared` prepares: on PostgreSQL with client-side
    binding and DATABASE_PREPARED_STATEMENTS (off behind a pooler in
    transaction mode, where the next transaction may run in another session)."""
    return settings.DATABASE_PREPARED_STATEMENTS and several_statements_per_execute(db)


def execute_prepared(cursor, statements: Sequence[tuple[str, Sequence]]) -> None:
    """Run `statements` (each its SQL, with %s placeholders, and its parameters)
    in one round trip, each as a prepared statement of this connection: the
    first time, PREPARE and EXECUTE go together. The cursor is left on the first
    statement's result (`cursor.nextset()` for the next ones), as if the
    statements themselves had been sent. Without prepared statements
    (`prepared_statements_used`), the statements themselves are sent.

    A prepared statement found missing or stale is prepared again, in
    autocommit; inside a transaction the error stands (the transaction is
    lost anyway) and the next call prepares afresh."""
    db = cursor.db
    if not prepared_statements_used(db):
        cursor.execute("; ".join(sql for sql, _ in statements), _joined(statements))
        return
    try:
        _execute_prepared(cursor, statements)
    except DatabaseError as error:
        stale = getattr(error.__cause__, "sqlstate", None) in _PREPARED_STALE
        if not stale or db.in_atomic_block:
            raise
        _execute_prepared(cursor, statements)


def _joined(statements: Sequence[tuple[str, Sequence]]) -> list:
    return [param for _, params in statements for param in params]


def _execute_prepared(cursor, statements: Sequence[tuple[str, Sequence]]) -> None:
    raw = cursor.db.connection
    known = getattr(raw, _NAMES, set())
    batch, executes = [], []
    if known is None:
        batch.append("DEALLOCATE ALL")
        known = set()
    for sql, params in statements:
        name, prepare, count = _prepared(sql)
        if len(params) != count:
            raise ValueError(f"{count} placeholders, {len(params)} parameters: {sql[:80]}")
        if name not in known:
            batch.append(prepare)
        executes.append(
            f"EXECUTE {name}({', '.join(['%s'] * count)})" if count else f"EXECUTE {name}"
        )
    # Until the batch is through, what is prepared is not known: a PREPARE
    # outlives a failed batch and a rollback.
    setattr(raw, _NAMES, None)
    cursor.execute("; ".join(batch + executes), _joined(statements))
    setattr(raw, _NAMES, known | {_prepared(sql)[0] for sql, _ in statements})
    for _ in batch:
        cursor.nextset()


def select_columns_sql(model) -> str:
    """The quoted columns of `model`'s concrete fields, in their order (what
    `models_from_rows` reads)."""
    return _select_columns(model, DEFAULT_DB_ALIAS)


@lru_cache(maxsize=64)
def _select_columns(model, alias: str) -> str:
    # Worked out once per process: the reads of every request name them.
    quote = connections[alias].ops.quote_name
    return ", ".join(quote(f.column) for f in model._meta.concrete_fields)


def models_from_rows(model, rows, attnames: tuple[str, ...] | None = None) -> list:
    """Instances of `model` from rows of `select_columns_sql(model)` (or of the
    columns of `attnames`, in the model's field order: the others deferred),
    each value converted as the ORM converts it (JSON decoded, for one)."""
    db = connections[DEFAULT_DB_ALIAS]
    names, converters = _row_reading(model, attnames, db.alias)
    instances = []
    for row in rows:
        values = list(row)
        for index, column, found in converters:
            for converter in found:
                values[index] = converter(values[index], column, db)
        instances.append(model.from_db(db.alias, names, values))
    return instances


@lru_cache(maxsize=64)
def _row_reading(model, attnames: tuple[str, ...] | None, alias: str) -> tuple:
    """The attribute names of a row of `model` and, for each value that needs
    them, the converters the ORM's compiler applies on this database: worked
    out once per process (it cost ten times the making of the model)."""
    fields = (
        model._meta.concrete_fields
        if attnames is None
        else [model._meta.get_field(name) for name in attnames]
    )
    database = connections[alias]
    converters = []
    for index, field in enumerate(fields):
        column = field.get_col(model._meta.db_table)
        found = database.ops.get_db_converters(column) + column.get_db_converters(database)
        if found:
            converters.append((index, column, tuple(found)))
    return tuple(f.attname for f in fields), tuple(converters)


def first_read(read: Callable[[], T]) -> T:
    """`read()`, whose statements only read, as a request's first statements
    without Django's health check before them: CONN_HEALTH_CHECKS would first
    send `SELECT 1` on a kept connection, a round trip more on the busiest
    paths (the verification lookup, the signed-in person). The read tries the
    connection instead and, if it turns out dead, reconnects and reads once
    more (safe: it writes nothing). Inside a transaction, Django's usual rules
    apply."""
    db = connections[DEFAULT_DB_ALIAS]
    if db.in_atomic_block:
        return read()
    db.health_check_done = True
    try:
        return read()
    except (InterfaceError, OperationalError):
        db.close()
        return read()
