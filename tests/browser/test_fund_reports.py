"""A partner manager submits a report; the fund officer sees the dashboard with
its chart (axe clean, no sideways scroll at 360 px) and approves the report."""

import datetime

import pytest
from playwright.sync_api import expect

from analytics.tests.people import fund_officer, staff
from partners.models import ProjectTarget, ReportSubmission
from partners.services import report_create
from partners.tests.factories import ProjectFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_partner_submits_and_officer_approves_from_the_dashboard(page, live_server, home_page):
    project = ProjectFactory(name="Digital first steps")
    ProjectTarget.objects.create(project=project, target_group="", learners=200)
    ProjectTarget.objects.create(project=ProjectFactory(), target_group="", learners=50)
    report = report_create(
        project=project,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
        created_by=None,
    )
    manager, officer = staff(project.organisation), fund_officer()

    sign_in(page, manager, live_server)
    page.goto(f"/en/fund/partners/{project.organisation.slug}/reports/{report.pk}/")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_label("Note to the fund (optional)").fill("First half of 2026")
    page.get_by_role("button", name="Submit to the fund").click()
    page.get_by_text("The report was sent to the fund.").wait_for()

    sign_in(page, officer, live_server)
    page.goto("/en/fund/")
    page.get_by_role("link", name="Fund dashboard", include_hidden=True).first.wait_for(
        state="attached"
    )
    page.wait_for_function("() => window.Chart && Chart.getChart('progress-chart')")
    assert page.evaluate("Chart.getChart('progress-chart').data.labels.length") == 2
    expect(
        page.get_by_role("table", name="Projects: learners reached against target")
    ).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.get_by_role("link", name=f"{project.reference} ·", exact=False).first.click()
    page.get_by_role("heading", name="Report to the fund").wait_for()
    assert_accessible(page)
    page.get_by_label("Approve").check()
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_text("The report is approved.").wait_for()
    assert_no_horizontal_scroll(page)

    report.refresh_from_db()
    assert report.status == ReportSubmission.Status.APPROVED
