"""Report pages: who may see and do what, double submits, the fund's review."""

import datetime

import pytest
from django.urls import reverse

from analytics.tests.people import fund_officer, staff
from lms.tests.factories import UserFactory
from partners.models import Membership, ReportSubmission
from partners.services import report_create, report_submit
from partners.tests.factories import OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)


@pytest.fixture
def project():
    return ProjectFactory()


@pytest.fixture
def manager(project):
    return staff(project.organisation)


def _draft(project):
    return report_create(project=project, period_start=START, period_end=END, created_by=None)


def _submitted(project):
    report = _draft(project)
    return report_submit(report=report, figures=_figures_of(report), submitted_by=None)


def _figures_of(report):
    from analytics.selectors import report_figures

    return report_figures(report=report)


def _reports_url(project):
    return reverse(
        "analytics:partner_reports",
        kwargs={"slug": project.organisation.slug, "project_id": project.pk},
    )


def _report_url(report):
    return reverse(
        "analytics:partner_report",
        kwargs={"slug": report.project.organisation.slug, "report_id": report.pk},
    )


def _fund_url(report):
    return reverse("analytics:fund_report", kwargs={"report_id": report.pk})


# --- partner side -----------------------------------------------------------


def test_anonymous_is_sent_to_sign_in(client, project):
    response = client.get(_reports_url(project))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_staff_of_another_organisation_get_404(client, project):
    client.force_login(staff(OrganisationFactory()))

    assert client.get(_reports_url(project)).status_code == 404


def test_a_trainer_may_not_write_reports(client, project):
    client.force_login(staff(project.organisation, Membership.Role.TRAINER))

    assert client.get(_reports_url(project)).status_code == 404


def test_a_reporter_may_write_reports(client, project):
    client.force_login(staff(project.organisation, Membership.Role.REPORTER))

    assert client.get(_reports_url(project)).status_code == 200


def test_a_fund_officer_does_not_use_the_partner_pages(client, project):
    client.force_login(fund_officer())

    assert client.get(_reports_url(project)).status_code == 404


def test_a_report_of_another_organisation_is_404_even_with_own_slug(client, project, manager):
    other = _draft(ProjectFactory())
    client.force_login(manager)
    url = reverse(
        "analytics:partner_report",
        kwargs={"slug": project.organisation.slug, "report_id": other.pk},
    )

    assert client.get(url).status_code == 404


def test_opening_a_draft_twice_creates_one(client, project, manager):
    client.force_login(manager)
    data = {"period_start": "2026-01-01", "period_end": "2026-06-30"}

    first = client.post(_reports_url(project), data)
    second = client.post(_reports_url(project), data)

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert ReportSubmission.objects.count() == 1


def test_a_period_ending_before_it_starts_is_refused_with_a_clear_error(client, project, manager):
    client.force_login(manager)

    response = client.post(
        _reports_url(project), {"period_start": "2026-06-30", "period_end": "2026-01-01"}
    )

    assert response.status_code == 400
    assert "The period ends before it starts." in response.content.decode()
    assert 'id="error-summary"' in response.content.decode()
    assert ReportSubmission.objects.count() == 0


def test_a_double_submit_sends_the_report_once(client, project, manager):
    report = _draft(project)
    client.force_login(manager)

    client.post(_report_url(report), {"action": "submit", "note": "first"})
    response = client.post(_report_url(report), {"action": "submit", "note": "second"}, follow=True)

    report.refresh_from_db()
    assert report.status == ReportSubmission.Status.SUBMITTED
    assert report.partner_note == "first"
    assert "already moved on" in response.content.decode()


def test_the_partner_cannot_approve_its_own_report(client, project, manager):
    report = _submitted(project)
    client.force_login(manager)

    response = client.post(_fund_url(report), {"decision": "approve"})

    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == ReportSubmission.Status.SUBMITTED


# --- fund side --------------------------------------------------------------


def test_a_fund_officer_cannot_see_or_edit_a_draft(client, project):
    report = _draft(project)
    client.force_login(fund_officer())

    assert client.get(_fund_url(report)).status_code == 404
    assert client.post(_fund_url(report), {"decision": "approve"}).status_code == 404
    assert client.post(_report_url(report), {"action": "submit"}).status_code == 404
    report.refresh_from_db()
    assert report.status == ReportSubmission.Status.DRAFT


def test_the_dashboard_is_for_fund_officers_only(client):
    client.force_login(UserFactory())

    assert client.get(reverse("analytics:dashboard")).status_code == 403


def test_the_dashboard_sends_anonymous_people_to_sign_in(client):
    assert client.get(reverse("analytics:dashboard")).status_code == 302


def test_project_drill_down_is_for_fund_officers_only(client, project, manager):
    client.force_login(manager)
    url = reverse("analytics:fund_project", kwargs={"project_id": project.pk})

    assert client.get(url).status_code == 403


def test_returning_without_comment_is_refused(client, project):
    report = _submitted(project)
    client.force_login(fund_officer())

    response = client.post(_fund_url(report), {"decision": "return", "comment": ""})

    assert response.status_code == 400
    assert "Say what the partner has to correct." in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportSubmission.Status.SUBMITTED


def test_the_officer_approves_a_submitted_report(client, project):
    report = _submitted(project)
    officer = fund_officer()
    client.force_login(officer)

    response = client.post(_fund_url(report), {"decision": "approve", "comment": ""})

    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.reviewed_by) == (ReportSubmission.Status.APPROVED, officer)


def test_the_approved_figures_are_shown_as_stored_not_recomputed(client, project):
    report = _submitted(project)
    frozen = {**report.figures, "totals": {"reached": 77, "completed": 50, "certified": 40}}
    ReportSubmission.objects.filter(pk=report.pk).update(figures=frozen, status="approved")
    client.force_login(fund_officer())

    response = client.get(_fund_url(report))

    assert "77" in response.content.decode()


def test_the_officer_drills_down_to_a_project_with_suppressed_figures(client, small):
    client.force_login(fund_officer())
    url = reverse("analytics:fund_project", kwargs={"project_id": small.project.pk})

    body = client.get(url).content.decode()

    assert small.project.reference in body
    # 13 learners reached since the start; the 4 men are a small cell.
    assert ">13<" in body
    assert "&lt;5" in body


def test_a_returned_report_shows_the_fund_what_was_submitted(client, project):
    report = _submitted(project)
    frozen = {**report.figures, "totals": {"reached": 64, "completed": 10, "certified": 5}}
    ReportSubmission.objects.filter(pk=report.pk).update(figures=frozen, status="returned")
    client.force_login(fund_officer())

    body = client.get(_fund_url(report)).content.decode()

    assert ">64<" in body
    assert "Record the decision" not in body
