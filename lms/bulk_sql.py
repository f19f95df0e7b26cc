"""Fast inserts of many model rows: PostgreSQL COPY, with primary keys taken
from the table's sequence first so that the objects come back with their ids
(as `bulk_create` does). Elsewhere (SQLite) it is `bulk_create`.

For writes of tens of thousands of rows inside one transaction (partner
imports); each app uses it only on its own models."""

from django.db import connection, models
from django.db.models import JSONField

COPY_THRESHOLD = 500


def _getters(fields) -> list:
    """One function per column that reads its value from an instance: plain
    attributes directly, JSON wrapped for psycopg, auto_now(_add) stamped."""
    from psycopg.types.json import Jsonb

    getters = []
    for field in fields:
        if isinstance(field, JSONField):
            getters.append(
                lambda obj, name=field.attname: (
                    None if getattr(obj, name) is None else Jsonb(getattr(obj, name))
                )
            )
        elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            getters.append(lambda obj, f=field: f.pre_save(obj, add=True))
        else:
            getters.append(lambda obj, name=field.attname: getattr(obj, name))
    return getters


def bulk_insert(model, objs: list, *, batch_size: int = 2000) -> list:
    """Insert `objs` (new, unsaved instances of `model`) and set their pk."""
    if not objs:
        return objs
    if connection.vendor != "postgresql" or len(objs) < COPY_THRESHOLD:
        return model.objects.bulk_create(objs, batch_size=batch_size)
    meta = model._meta
    pk = meta.pk
    table = connection.ops.quote_name(meta.db_table)
    with connection.cursor() as cursor:
        if isinstance(pk, models.AutoField | models.BigAutoField):
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, pk.column, len(objs)],
            )
            for obj, (value,) in zip(objs, cursor.fetchall(), strict=True):
                setattr(obj, pk.attname, value)
        fields = list(meta.concrete_fields)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        raw = cursor.cursor  # the psycopg cursor under Django's wrapper
        getters = _getters(fields)
        with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:  # noqa: S608 (model meta)
            for obj in objs:
                copy.write_row([get(obj) for get in getters])
    for obj in objs:
        obj._state.adding = False
        obj._state.db = "default"
    return objs
