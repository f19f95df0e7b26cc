import pytest
from django.utils import timezone

from certificates.services import certificate_revoke
from certificates.tests.helpers import issue_after_exam as certificate_issue
from partners.models import Scope
from partners.services import LearnerInput, learners_enrol
from partners.tests.factories import CohortFactory, ProjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_keys")]

URL = "/api/v1/certificates"


def _learner(cohort, external_id):
    [result] = learners_enrol(
        organisation=cohort.project.organisation,
        learners=[LearnerInput(external_id=external_id, first_name="Ana", last_name="Peeters")],
        cohort=cohort,
    )
    from partners.models import PartnerLearner

    return PartnerLearner.objects.get(pk=result.learner_id).user


def test_certificates_of_the_organisation_s_learners_are_listed(caller, api_cohort, tree):
    user = _learner(api_cohort, "VDAB-7")
    certificate = certificate_issue(user=user, course=tree.course, completed_at=timezone.now())
    response = caller.get(URL)
    assert response.status_code == 200
    [row] = response.json()["results"]
    assert row["external_id"] == "VDAB-7"
    assert row["code"] == certificate.display_code
    assert row["course_key"] == str(tree.course.translation_key)
    assert row["status"] == "valid"
    assert row["verification_url"].endswith(f"/verify/?code={certificate.display_code}")


def test_a_revoked_certificate_says_so(caller, api_cohort, tree):
    user = _learner(api_cohort, "VDAB-7")
    certificate = certificate_issue(user=user, course=tree.course)
    from lms.tests.factories import UserFactory

    certificate_revoke(certificate=certificate, actor=UserFactory(), reason="fraud")
    [row] = caller.get(URL).json()["results"]
    assert row["status"] == "revoked"


@pytest.mark.parametrize(
    ("completed", "issued_at", "issued_on"),
    [
        ((2026, 7, 14, 23, 30), "2026-07-15T01:30:00+02:00", "2026-07-15"),
        ((2026, 1, 14, 23, 30), "2026-01-15T00:30:00+01:00", "2026-01-15"),
    ],
)
def test_dates_are_the_brussels_dates_printed_on_the_certificate(
    caller, api_cohort, tree, completed, issued_at, issued_on
):
    from datetime import UTC, datetime

    user = _learner(api_cohort, "VDAB-7")
    moment = datetime(*completed, tzinfo=UTC)
    certificate_issue(user=user, course=tree.course, completed_at=moment)
    [row] = caller.get(URL).json()["results"]
    assert row["issued_at"] == issued_at
    assert row["issued_on"] == issued_on


def test_the_reason_of_a_revocation_is_not_in_the_partner_api(caller, api_cohort, tree):
    from lms.tests.factories import UserFactory

    user = _learner(api_cohort, "VDAB-7")
    certificate = certificate_issue(user=user, course=tree.course)
    certificate_revoke(certificate=certificate, actor=UserFactory(), reason="Exam fraud xyz")
    assert "Exam fraud xyz" not in caller.get(URL).content.decode()


def test_another_organisation_never_sees_them(caller, stranger, api_cohort, tree):
    user = _learner(api_cohort, "VDAB-7")
    certificate_issue(user=user, course=tree.course)
    assert stranger.get(URL).json()["results"] == []


def test_a_shared_learner_s_certificate_shows_only_where_the_course_was_followed(
    caller, stranger, api_cohort, tree
):
    user = _learner(api_cohort, "VDAB-7")
    # The stranger knows the same person, but enrolled them in none of its cohorts' courses.
    other_cohort = CohortFactory(project=ProjectFactory(organisation=stranger.organisation))
    from partners.models import PartnerLearner

    PartnerLearner.objects.create(
        organisation=stranger.organisation, external_id="S-1", user=user, first_name="Ana"
    )
    assert other_cohort.courses.count() == 0
    certificate_issue(user=user, course=tree.course)
    assert len(caller.get(URL).json()["results"]) == 1
    assert stranger.get(URL).json()["results"] == []


def test_certificates_are_paginated(caller, api_cohort, tree):
    for index in range(3):
        certificate_issue(user=_learner(api_cohort, f"V-{index}"), course=tree.course)
    first = caller.get(f"{URL}?limit=2").json()
    assert len(first["results"]) == 2
    assert len(caller.get(first["next"]).json()["results"]) == 1


def test_reading_certificates_needs_the_certificates_scope(make_caller, api_cohort):
    caller = make_caller(organisation=api_cohort.project.organisation, scopes=[Scope.COHORTS_READ])
    assert caller.get(URL).status_code == 403


def test_a_certificate_replaced_after_a_name_correction_says_replaced_and_the_new_one_is_valid(
    caller, api_cohort, tree
):
    from certificates.services_corrections import (
        name_correction_approve,
        name_correction_request,
    )
    from lms.tests.factories import UserFactory

    user = _learner(api_cohort, "VDAB-7")
    old = certificate_issue(user=user, course=tree.course)
    correction = name_correction_request(
        holder=user,
        certificates=[old],
        given_name="Ana Maria",
        family_name="Peeters",
        reason="My second given name is missing.",
    )
    [new] = name_correction_approve(correction=correction, actor=UserFactory())
    rows = {row["code"]: row["status"] for row in caller.get(URL).json()["results"]}
    assert rows == {old.display_code: "replaced", new.display_code: "valid"}
