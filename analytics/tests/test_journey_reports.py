"""The whole report journey with the test client: a partner manager opens a
draft, sees the figures and submits; the fund officer returns it with
comments; the partner resubmits; the officer approves; the approved figures
stay frozen while learners keep coming; a new version opens, the old stays."""

import datetime

import pytest
from django.urls import reverse

from analytics.tests.data import MARCH, _learner
from analytics.tests.factories import enrol
from analytics.tests.people import fund_officer, staff
from partners.models import ReportSubmission

pytestmark = pytest.mark.django_db


def test_report_journey_from_draft_to_approved_new_version(client, small):
    project = small.project
    slug = project.organisation.slug
    manager, officer = staff(project.organisation), fund_officer()

    # The partner opens a draft for 2026 and sees the figures.
    client.force_login(manager)
    response = client.post(
        reverse("analytics:partner_reports", kwargs={"slug": slug, "project_id": project.pk}),
        {"period_start": "2026-01-01", "period_end": "2026-12-31"},
    )
    report = ReportSubmission.objects.get()
    assert response["Location"] == reverse(
        "analytics:partner_report", kwargs={"slug": slug, "report_id": report.pk}
    )
    page = client.get(response["Location"]).content.decode()
    assert "Learners reached" in page and ">12<" in page
    # Inside the organisation nothing is suppressed: the 4 men are shown.
    assert "&lt;5" not in page

    # ... and submits it.
    client.post(response["Location"], {"action": "submit", "note": "First half"})

    # The officer sees it waiting, with suppressed figures, and returns it.
    client.force_login(officer)
    dashboard = client.get(reverse("analytics:dashboard")).content.decode()
    fund_url = reverse("analytics:fund_report", kwargs={"report_id": report.pk})
    assert fund_url in dashboard
    review = client.get(fund_url).content.decode()
    assert "&lt;5" in review
    client.post(fund_url, {"decision": "return", "comment": "Add the outcomes at 6 months."})

    # The partner reads the comment and resubmits.
    client.force_login(manager)
    page = client.get(response["Location"]).content.decode()
    assert "Add the outcomes at 6 months." in page
    client.post(response["Location"], {"action": "submit", "note": "Corrected"})

    # The officer approves.
    client.force_login(officer)
    client.post(fund_url, {"decision": "approve", "comment": "Thank you."})
    report.refresh_from_db()
    assert report.status == ReportSubmission.Status.APPROVED
    assert report.figures["totals"]["reached"] == 12

    # New learners arrive: the approved report does not move.
    for _ in range(3):
        newcomer = _learner(
            project.organisation, small.cohort, gender="f", birth_date=datetime.date(2000, 1, 1)
        )
        enrol(newcomer.user, small.course, at=MARCH)
    client.force_login(manager)
    assert ">12<" in client.get(response["Location"]).content.decode()

    # A corrected version opens; the approved one stays readable.
    new = client.post(response["Location"], {"action": "new_version"})
    second = ReportSubmission.objects.get(version=2)
    assert new["Location"].endswith(f"/reports/{second.pk}/")
    assert ">15<" in client.get(new["Location"]).content.decode()
    assert client.get(response["Location"]).status_code == 200
