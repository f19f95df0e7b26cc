"""The verification lookup is the request's only SQL statement, and a dead kept
connection still gets an answer."""

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test.utils import CaptureQueriesContext

from certificates import selectors

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_lookup_sends_no_health_check_before_its_query(certificate, monkeypatch):
    connection = connections[DEFAULT_DB_ALIAS]  # the wrapper itself, not the proxy
    # Production settings: CONN_HEALTH_CHECKS on a kept connection.
    connection.ensure_connection()
    monkeypatch.setattr(connection, "health_check_enabled", True)
    monkeypatch.setattr(connection, "close_at", None)
    checks = []
    real_is_usable = connection.is_usable

    def counting_is_usable():
        checks.append(1)
        return real_is_usable()

    monkeypatch.setattr(connection, "is_usable", counting_is_usable)
    # A new request on a kept connection: Django would check it first.
    connection.close_if_unusable_or_obsolete()
    with CaptureQueriesContext(connection) as queries:
        found = selectors.certificate_for_code(code=certificate.code)
    assert found.pk == certificate.pk
    assert checks == []
    assert len(queries) == 1


def test_a_dead_kept_connection_is_replaced_and_the_lookup_answers(certificate):
    if connection.vendor != "postgresql":
        pytest.skip("ending a server connection needs PostgreSQL")
    import psycopg

    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    found = selectors.certificate_for_code(code=certificate.code)
    assert found is not None and found.pk == certificate.pk
    assert connection.connection.info.backend_pid != pid
