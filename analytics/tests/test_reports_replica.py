"""The fund reports' cubes are read from the replica when there is one, and
from default inside a transaction (a report frozen on submission)."""

from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext

from analytics.reports import project_figures
from analytics.tests.test_reports_figures import YEAR
from tests.replica import REPLICA_TEST

pytestmark = REPLICA_TEST


def test_the_report_figures_are_read_from_the_replica(small, settings):
    settings.DATABASE_REPLICA_READS = True
    with (
        CaptureQueriesContext(connections["replica"]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_default,
    ):
        figures = project_figures(project=small.project, period=YEAR)
    assert figures["totals"] == {"reached": 12, "completed": 5, "certified": 3}
    assert any("GROUP BY" in q["sql"] for q in on_replica.captured_queries)
    assert not any("GROUP BY" in q["sql"] for q in on_default.captured_queries)


def test_inside_a_transaction_the_figures_are_read_from_default(small, settings):
    settings.DATABASE_REPLICA_READS = True
    with CaptureQueriesContext(connections["replica"]) as on_replica, transaction.atomic():
        figures = project_figures(project=small.project, period=YEAR)
    assert figures["totals"]["reached"] == 12
    assert len(on_replica) == 0
