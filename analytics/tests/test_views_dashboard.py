"""The fund officer's dashboard: filters, behind-target flags, suppression and
a query count that does not grow with the number of projects."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from analytics.snapshots import snapshots_refresh
from analytics.tests.people import fund_officer
from partners.models import ProjectTarget, Region, TargetGroup
from partners.services import report_create, report_submit
from partners.tests.factories import ProgrammeFactory, ProjectFactory

pytestmark = pytest.mark.django_db

URL = reverse("analytics:dashboard")


def _projects(count, **kwargs):
    projects = []
    for _ in range(count):
        project = ProjectFactory(**kwargs)
        ProjectTarget.objects.create(project=project, target_group="", learners=100)
        ProjectTarget.objects.create(project=project, target_group=TargetGroup.SENIORS, learners=20)
        report = report_create(
            project=project,
            period_start=project.starts_on,
            period_end=project.starts_on,
            created_by=None,
        )
        report_submit(report=report, figures={"totals": {}}, submitted_by=None)
        projects.append(project)
    return projects


def _queries(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_projects(client, django_assert_num_queries):
    client.force_login(fund_officer())
    _projects(1)
    _queries(client)  # the first request warms the caches and computes the snapshot
    one = _queries(client)
    _projects(4)
    snapshots_refresh()  # what the beat task does every few minutes

    with django_assert_num_queries(one):
        response = client.get(URL)

    assert response.content.decode().count('class="status status--behind"') == 5


def test_a_project_far_behind_is_flagged_and_counts_are_suppressed(client):
    client.force_login(fund_officer())
    # Half of the period elapsed and nobody reached: behind; 0 learners shows "<5".
    today = datetime.date.today()
    _projects(
        1,
        starts_on=today - datetime.timedelta(days=100),
        ends_on=today + datetime.timedelta(days=100),
    )

    body = client.get(URL).content.decode()

    assert "Behind target" in body
    assert "&lt;5" in body


def test_filter_by_region(client):
    client.force_login(fund_officer())
    (flemish,) = _projects(1, region=Region.FLANDERS)
    (walloon,) = _projects(1, region=Region.WALLONIA)

    body = client.get(URL, {"region": Region.WALLONIA}).content.decode()

    assert walloon.reference in body
    assert flemish.reference not in body.split("projects-table")[-1]


def test_filter_by_call(client):
    client.force_login(fund_officer())
    old = ProgrammeFactory(code="dbsf-2025", name="DBSF call 2025", year=2025)
    (in_2025,) = _projects(1, programme=old)
    (in_2026,) = _projects(1)

    body = client.get(URL, {"programme": old.pk}).content.decode()
    table = body.split('id="projects-table"')[1]

    assert in_2025.reference in table
    assert in_2026.reference not in table


def test_filter_by_target_group_keeps_projects_with_that_target(client):
    client.force_login(fund_officer())
    (with_seniors,) = _projects(1)
    without = ProjectFactory()
    ProjectTarget.objects.create(project=without, target_group="", learners=10)

    body = client.get(URL, {"target_group": TargetGroup.SENIORS}).content.decode()
    table = body.split('id="projects-table"')[1]

    assert with_seniors.reference in table
    assert without.reference not in table


def test_submitted_reports_are_listed_for_review(client):
    client.force_login(fund_officer())
    (project,) = _projects(1)

    body = client.get(URL).content.decode()

    assert reverse("analytics:fund_report", kwargs={"report_id": project.reports.get().pk}) in body


def test_the_chart_has_its_data_and_chart_js_is_served_locally(client):
    client.force_login(fund_officer())
    _projects(2)

    body = client.get(URL).content.decode()

    assert 'id="chart-data"' in body
    assert "vendor/chartjs/chart.umd.js" in body
    assert "cdn" not in body.lower()


def test_the_nav_shows_the_dashboard_to_fund_officers_only(client):
    from lms.tests.factories import UserFactory

    client.force_login(UserFactory())
    assert "Fund dashboard" not in client.get("/en/me/").content.decode()
    client.force_login(fund_officer())
    assert "Fund dashboard" in client.get("/en/me/").content.decode()


def test_the_call_total_sums_the_projects_shown(client):
    client.force_login(fund_officer())
    _projects(3)

    body = client.get(URL).content.decode()
    footer = body.split("<tfoot>")[1].split("</tfoot>")[0]

    # Three headline targets of 100 learners; nobody reached yet (a small cell).
    assert ">300<" in footer.replace("\u202f", "").replace(",", "")
    assert "&lt;5" in footer
