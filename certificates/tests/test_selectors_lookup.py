"""The verification lookup is the request's only SQL statement, and a dead kept
connection still gets an answer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from certificates import selectors
from conftest import connection_end_by_server

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_lookup_sends_no_health_check_before_its_query(
    certificate, new_request_on_kept_connection
):
    health_checks = new_request_on_kept_connection()
    with CaptureQueriesContext(connection) as queries:
        found = selectors.certificate_for_code(code=certificate.code)
    assert found.pk == certificate.pk
    assert health_checks == []
    assert len(queries) == 1


def test_a_dead_kept_connection_is_replaced_and_the_lookup_answers(certificate):
    if connection.vendor != "postgresql":
        pytest.skip("ending a server connection needs PostgreSQL")
    pid = connection_end_by_server()
    found = selectors.certificate_for_code(code=certificate.code)
    assert found is not None and found.pk == certificate.pk
    assert connection.connection.info.backend_pid != pid
