"""The partner journey of DESIGN.md end to end, with the test client, across
partners and analytics: staff upload a learner file, read the preview, enrol,
follow the cohort, record an outcome, submit the period's report; a fund
officer approves it. The approved figures are the ones the partner enrolled."""

import pytest
from django.urls import reverse
from django.utils import translation

from analytics.tests.people import fund_officer
from lms.models import Enrolment
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory
from partners.models import CohortCourse, ImportBatch, PartnerLearner, ReportSubmission
from partners.services import membership_grant
from partners.tests.factories import CohortFactory, OrganisationFactory, ProjectFactory
from partners.tests.files import csv_bytes, good_row, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_from_a_learner_file_to_an_approved_report(client, home_page):
    course = course_tree(home_page, self_enrolment=False).course
    organisation = OrganisationFactory(language="nl")
    project = ProjectFactory(organisation=organisation)
    cohort = CohortFactory(project=project)
    CohortCourse.objects.create(cohort=cohort, course_key=course.translation_key)
    manager = UserFactory(preferred_language="en")
    membership_grant(organisation=organisation, user=manager, role="manager")
    slug = organisation.slug
    client.force_login(manager)

    # Upload, preview (one row refused, nothing written yet), commit.
    rows = [good_row(n, first=name) for n, name in enumerate(["Zoë", "Lotte", "Mehdi"], 1)]
    data = csv_bytes([*rows, good_row(9, birth="31/02/1990")])
    client.post(reverse("partners:import_upload", args=[slug, cohort.pk]), {"file": upload(data)})
    batch = ImportBatch.objects.get()
    preview = client.get(reverse("partners:import", args=[slug, batch.public_id]))
    assert "Enrol 3 learners" in preview.content.decode()
    assert not PartnerLearner.objects.exists()
    client.post(reverse("partners:import_commit", args=[slug, batch.public_id]))
    assert Enrolment.objects.filter(course_key=course.translation_key).count() == 3

    # The cohort's progress, then an outcome at 3 months.
    cohort_page = client.get(reverse("partners:cohort", args=[slug, cohort.pk])).content.decode()
    assert "Mehdi" in cohort_page
    zoe = PartnerLearner.objects.get(first_name="Zoë")
    client.post(
        reverse("partners:learner_outcome", args=[slug, zoe.pk]),
        {"point": "3m", "situation": "job_found"},
    )

    # The period's report: a draft with the figures, then submitted.
    response = client.post(
        reverse("analytics:partner_reports", kwargs={"slug": slug, "project_id": project.pk}),
        {"period_start": "2026-01-01", "period_end": "2026-12-31"},
    )
    report_url = response["Location"]
    assert ">3<" in client.get(report_url).content.decode()
    client.post(report_url, {"action": "submit", "note": "Spring cohort"})

    # The fund officer finds it on the dashboard and approves it.
    client.force_login(fund_officer())
    report = ReportSubmission.objects.get()
    fund_url = reverse("analytics:fund_report", kwargs={"report_id": report.pk})
    assert fund_url in client.get(reverse("analytics:dashboard")).content.decode()
    client.post(fund_url, {"decision": "approve", "comment": "Thank you."})
    report.refresh_from_db()
    assert report.status == ReportSubmission.Status.APPROVED
    assert report.figures["totals"]["reached"] == 3
    assert "job_found" in str(report.figures["outcomes"])


def test_staff_of_another_organisation_see_neither_the_cohort_nor_its_report(client, home_page):
    course = course_tree(home_page, self_enrolment=False).course
    project = ProjectFactory()
    cohort = CohortFactory(project=project)
    CohortCourse.objects.create(cohort=cohort, course_key=course.translation_key)
    outsider = UserFactory()
    membership_grant(organisation=OrganisationFactory(), user=outsider, role="manager")
    slug = project.organisation.slug
    client.force_login(outsider)
    assert client.get(reverse("partners:cohort", args=[slug, cohort.pk])).status_code == 404
    url = reverse("analytics:partner_reports", kwargs={"slug": slug, "project_id": project.pk})
    assert client.get(url).status_code == 404
