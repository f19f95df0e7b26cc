"""A partner's export is read from the replica when there is one."""

from django.db import connections
from django.test.utils import CaptureQueriesContext

from partners import exports
from partners.tests.crowd import cohort_crowd
from tests.replica import REPLICA_TEST

pytestmark = REPLICA_TEST


def test_the_cohort_export_reads_its_rows_from_the_replica(cohort, tree, settings):
    settings.DATABASE_REPLICA_READS = True
    cohort_crowd(cohort, 5, course=tree.course)
    with (
        CaptureQueriesContext(connections["replica"]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_default,
    ):
        rows = list(exports.cohort_export_rows(cohort=cohort, chunk=2))
    assert len(rows) == 5
    assert any("partners_partnerlearner" in q["sql"] for q in on_replica.captured_queries)
    assert not any("partners_partnerlearner" in q["sql"] for q in on_default.captured_queries)


def test_without_the_switch_the_export_reads_from_default(cohort, tree, settings):
    settings.DATABASE_REPLICA_READS = False
    cohort_crowd(cohort, 2, course=tree.course)
    with CaptureQueriesContext(connections["replica"]) as on_replica:
        rows = list(exports.cohort_export_rows(cohort=cohort))
    assert len(rows) == 2
    assert len(on_replica) == 0
