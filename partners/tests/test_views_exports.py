"""Exports of a cohort's and an organisation's learners (CSV for Belgian Excel
and XLSX): what they hold, that they round-trip with every formula-looking
value neutralised, and who may take them."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from audit.models import AuditEntry
from certificates.links import verify_url
from certificates.tests.helpers import issue_after_exam
from lms.tests.factories import UserFactory
from partners.models import PartnerLearner
from partners.services import LearnerInput, learners_enrol, membership_grant, outcome_record
from partners.tests.crowd import cohort_crowd
from partners.tests.factories import CohortFactory, OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://evil")', "+32 2 555", "-1+1", "@SUM(A1)", "\tTab", "\rCR"]


def _url(cohort, fmt):
    return reverse(
        "partners:cohort_export", args=[cohort.project.organisation.slug, cohort.pk, fmt]
    )


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _csv_rows(response) -> list[list[str]]:
    data = _body(response)
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def _xlsx_rows(response) -> list[list[str]]:
    book = load_workbook(io.BytesIO(_body(response)), read_only=True)
    rows = [["" if c is None else c for c in row] for row in book.worksheets[0].values]
    book.close()
    return rows


@pytest.fixture
def enrolled(cohort, tree):
    """Four learners: hostile names, accents, one certified with outcomes."""
    rows = [
        LearnerInput(external_id=f"X-{n}", first_name=name, last_name="Lefèvre", email="")
        for n, name in enumerate(HOSTILE)
    ]
    rows.append(
        LearnerInput(external_id="A-1", first_name="Zoë", last_name="Özdemir-Dubois", email="")
    )
    learners_enrol(organisation=cohort.project.organisation, learners=rows, cohort=cohort)
    zoe = PartnerLearner.objects.get(external_id="A-1")
    certificate = issue_after_exam(user=zoe.user, course=tree.course, completed_at=timezone.now())
    outcome_record(learner=zoe, point="3m", situation="job_found", recorded_by=None)
    return zoe, certificate


def _check_round_trip(rows, zoe, certificate):
    headers, data = rows[0], rows[1:]
    assert headers[:3] == ["Cohort", "Learner id", "First name"]
    assert len(data) == len(HOSTILE) + 1
    firsts = {row[2] for row in data}
    # Every formula-looking value comes back with its leading apostrophe.
    assert {"'" + value for value in HOSTILE} <= firsts
    for row in data:
        for cell in row:
            assert not str(cell).startswith(("=", "+", "-", "@", "\t", "\r")), row
    line = next(row for row in data if row[1] == "A-1")
    record = dict(zip(headers, line, strict=True))
    assert record["First name"] == "Zoë"
    assert record["Last name"] == "Özdemir-Dubois"
    assert record["Status"] == "Certified"
    assert record["Progress (%)"] == "100"
    assert record["Certificate code"] == certificate.code
    assert record["Certificate verification link"] == verify_url(certificate.code)
    assert record["Certificate issued on"] == certificate.issued_at.strftime("%d/%m/%Y")
    assert record["3 months after the course"] == "Found a job"
    assert record["6 months after the course"] == ""
    other = dict(zip(headers, next(r for r in data if r[1] == "X-0"), strict=True))
    assert other["Status"] == "Not started"
    assert other["Lessons done"] == "0"
    assert int(other["Lessons in total"]) > 0
    assert other["Certificate code"] == ""


def test_the_csv_export_round_trips_neutralised_with_accents_intact(
    client, cohort, manager, enrolled
):
    client.force_login(manager)
    response = client.get(_url(cohort, "csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.streaming
    _check_round_trip(_csv_rows(response), *enrolled)


def test_the_xlsx_export_round_trips_neutralised_with_accents_intact(
    client, cohort, manager, enrolled
):
    client.force_login(manager)
    response = client.get(_url(cohort, "xlsx"))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('learners.xlsx"')
    _check_round_trip(_xlsx_rows(response), *enrolled)


def test_an_export_is_journalled(client, cohort, manager):
    client.force_login(manager)
    _body(client.get(_url(cohort, "csv")))
    entry = AuditEntry.objects.get(action="partners.learners_export")
    assert entry.actor == manager
    assert entry.data == {"format": "csv"}


def test_a_reporter_may_export_as_they_may_read_the_cohort(client, cohort):
    reporter = UserFactory()
    membership_grant(organisation=cohort.project.organisation, user=reporter, role="reporter")
    client.force_login(reporter)
    assert client.get(_url(cohort, "csv")).status_code == 200


def test_staff_of_another_organisation_cannot_export(client, cohort, enrolled):
    other = UserFactory()
    membership_grant(organisation=OrganisationFactory(), user=other, role="manager")
    client.force_login(other)
    for fmt in ("csv", "xlsx"):
        assert client.get(_url(cohort, fmt)).status_code == 404
    slug = cohort.project.organisation.slug
    url = reverse("partners:organisation_export", args=[slug, "csv"])
    assert client.get(url).status_code == 404
    assert not AuditEntry.objects.filter(action="partners.learners_export").exists()


def test_a_cohort_of_another_organisation_is_not_exported_under_mine(client, cohort, manager):
    theirs = CohortFactory()
    client.force_login(manager)
    url = reverse(
        "partners:cohort_export", args=[cohort.project.organisation.slug, theirs.pk, "csv"]
    )
    assert client.get(url).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, cohort):
    response = client.get(_url(cohort, "csv"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_unknown_format_is_not_found(client, cohort, manager):
    client.force_login(manager)
    assert client.get(_url(cohort, "pdf")).status_code == 404


def test_the_organisation_export_lists_every_cohort(client, cohort, manager, tree, enrolled):
    second = CohortFactory(project=ProjectFactory(organisation=cohort.project.organisation))
    second.courses.create(course_key=tree.course.translation_key)
    cohort_crowd(second, 3, course=tree.course)
    CohortFactory()  # another organisation's cohort stays out
    client.force_login(manager)
    slug = cohort.project.organisation.slug
    rows = _csv_rows(client.get(reverse("partners:organisation_export", args=[slug, "csv"])))
    assert {row[0] for row in rows[1:]} == {cohort.name, second.name}
    assert len(rows) == 1 + len(HOSTILE) + 1 + 3


def test_the_export_reads_learners_by_pages_in_the_same_queries(
    client, cohort, manager, tree, django_assert_max_num_queries
):
    """Keyset pages: 1,200 learners cost three pages of a fixed number of
    queries each, not one query per learner."""
    from partners import exports

    cohort_crowd(cohort, 1200, course=tree.course)
    client.force_login(manager)
    with django_assert_max_num_queries(60):
        rows = list(exports.cohort_export_rows(cohort=cohort))
    assert len(rows) == 1200
    assert len({row[1] for row in rows}) == 1200
