"""Several statements in one round trip to PostgreSQL, model instances from
rows read that way, and a request's first read without a health check before it.

psycopg's client-side binding (Django's default) sends the parameters inlined,
in one simple query, which may hold several statements: their results are read
one after the other (`cursor.nextset()`), and they run as one implicit
transaction in autocommit. Server-side binding takes one statement per call."""

from collections.abc import Callable
from typing import TypeVar

from django.db import InterfaceError, OperationalError, connection

T = TypeVar("T")


def several_statements_per_execute() -> bool:
    """Whether one `cursor.execute` may send several statements here."""
    return connection.vendor == "postgresql" and not connection.settings_dict.get(
        "OPTIONS", {}
    ).get("server_side_binding")


def select_columns_sql(model) -> str:
    """The quoted columns of `model`'s concrete fields, in their order (what
    `models_from_rows` reads)."""
    return ", ".join(connection.ops.quote_name(f.column) for f in model._meta.concrete_fields)


def models_from_rows(model, rows) -> list:
    """Instances of `model` from rows of `select_columns_sql(model)`, each value
    converted as the ORM converts it (JSON decoded, for one)."""
    fields = model._meta.concrete_fields
    names = [f.attname for f in fields]
    converters = []
    for index, model_field in enumerate(fields):
        column = model_field.get_col(model._meta.db_table)
        found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if found:
            converters.append((index, column, found))
    instances = []
    for row in rows:
        values = list(row)
        for index, column, found in converters:
            for converter in found:
                values[index] = converter(values[index], column, connection)
        instances.append(model.from_db(connection.alias, names, values))
    return instances


def first_read(read: Callable[[], T]) -> T:
    """`read()`, whose statements only read, as a request's first statements
    without Django's health check before them: CONN_HEALTH_CHECKS would first
    send `SELECT 1` on a kept connection, a round trip more on the busiest
    paths (the verification lookup, the signed-in person). The read tries the
    connection instead and, if it turns out dead, reconnects and reads once
    more (safe: it writes nothing). Inside a transaction, Django's usual rules
    apply."""
    if connection.in_atomic_block:
        return read()
    connection.health_check_done = True
    try:
        return read()
    except (InterfaceError, OperationalError):
        connection.close()
        return read()
