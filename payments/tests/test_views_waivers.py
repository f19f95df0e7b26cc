"""The fund officer's waiver page per project and a partner cohort's waiver
page: who may open them (deny by default) and what they do."""

import pytest
from django.urls import reverse

from analytics.tests.people import fund_officer, staff
from courses.tests.factories import catalogue, course
from lms.tests.factories import UserFactory
from partners.models import Membership, Organisation
from partners.tests.factories import OrganisationFactory, ProjectFactory
from payments.models import Voucher
from payments.tests.waiver_helpers import cohort_with_members, exam_fee

pytestmark = pytest.mark.django_db


@pytest.fixture
def diploma(db):
    page = course(
        catalogue("en"), slug="diploma", title="Security diploma", certificate_enabled=True
    )
    exam_fee(page.translation_key)
    return page


def _fund_url(project):
    return reverse("payments:fund_project_waivers", kwargs={"project_id": project.pk})


def _cohort_url(cohort):
    return reverse(
        "payments:cohort_waivers",
        kwargs={"slug": cohort.project.organisation.slug, "cohort_id": cohort.pk},
    )


# --- fund officer's page ------------------------------------------------------------


def test_a_fund_officer_issues_waivers_and_sees_counts_and_codes(client, diploma):
    project = ProjectFactory()
    client.force_login(fund_officer())
    response = client.post(
        _fund_url(project), {"course_key": str(diploma.translation_key), "count": 4}, follow=True
    )
    assert response.status_code == 200
    vouchers = Voucher.objects.filter(project=project)
    assert vouchers.count() == 4
    body = response.content.decode()
    assert "4 fee waivers were issued." in body
    for voucher in vouchers:
        assert voucher.code in body
    assert "Security diploma" in body


def test_the_browser_never_decides_what_a_waiver_is_worth(client, diploma):
    project = ProjectFactory()
    client.force_login(fund_officer())
    client.post(
        _fund_url(project),
        {"course_key": str(diploma.translation_key), "count": 1, "value_cents": 1},
    )
    assert Voucher.objects.get(project=project).value_cents == 2500


@pytest.mark.parametrize("count", ["0", "501", "x"])
def test_a_bad_count_is_a_form_error_not_a_500(client, diploma, count):
    project = ProjectFactory()
    client.force_login(fund_officer())
    response = client.post(
        _fund_url(project), {"course_key": str(diploma.translation_key), "count": count}
    )
    assert response.status_code == 400
    assert not Voucher.objects.exists()


def test_a_course_without_a_certificate_cannot_be_chosen(client, diploma):
    free = course(catalogue("en"), slug="free", title="Free course")
    project = ProjectFactory()
    client.force_login(fund_officer())
    response = client.post(
        _fund_url(project), {"course_key": str(free.translation_key), "count": 1}
    )
    assert response.status_code == 400


def test_an_unknown_project_is_404_for_a_fund_officer(client):
    client.force_login(fund_officer())
    assert client.get(reverse("payments:fund_project_waivers", args=[999999])).status_code == 404


def test_the_fund_page_sends_anonymous_people_to_sign_in(client):
    response = client.get(_fund_url(ProjectFactory()))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("who", ["learner", "manager", "trainer"])
def test_the_fund_page_is_refused_to_everyone_else(client, diploma, who):
    project = ProjectFactory()
    user = {
        "learner": lambda: UserFactory(),
        "manager": lambda: staff(project.organisation),
        "trainer": lambda: staff(project.organisation, role=Membership.Role.TRAINER),
    }[who]()
    client.force_login(user)
    assert client.get(_fund_url(project)).status_code == 403
    response = client.post(
        _fund_url(project), {"course_key": str(diploma.translation_key), "count": 1}
    )
    assert response.status_code == 403
    assert not Voucher.objects.exists()


# --- partner cohort's page -----------------------------------------------------------


def test_a_manager_gives_every_member_of_a_cohort_a_waiver(client, diploma):
    cohort = cohort_with_members(3, course_key=diploma.translation_key)
    client.force_login(staff(cohort.project.organisation))
    page = client.get(_cohort_url(cohort))
    assert page.status_code == 200
    response = client.post(
        _cohort_url(cohort), {"course_key": str(diploma.translation_key)}, follow=True
    )
    assert "3 members received a fee waiver." in response.content.decode()
    assert Voucher.objects.filter(cohort=cohort, status=Voucher.Status.REDEEMED).count() == 3
    again = client.post(
        _cohort_url(cohort), {"course_key": str(diploma.translation_key)}, follow=True
    )
    assert "Every member already has a waiver" in again.content.decode()
    assert Voucher.objects.filter(cohort=cohort).count() == 3


def test_the_cohort_page_shows_the_waiver_action_to_managers_only(client, diploma):
    cohort = cohort_with_members(1, course_key=diploma.translation_key)
    organisation = cohort.project.organisation
    cohort_page = reverse("partners:cohort", args=[organisation.slug, cohort.pk])
    client.force_login(staff(organisation))
    assert _cohort_url(cohort) in client.get(cohort_page).content.decode()
    client.force_login(staff(organisation, role=Membership.Role.TRAINER))
    assert _cohort_url(cohort) not in client.get(cohort_page).content.decode()


def test_an_employment_agency_manager_may_too(client, diploma):
    agency = OrganisationFactory(kind=Organisation.Kind.EMPLOYMENT_AGENCY)
    cohort = cohort_with_members(
        1, course_key=diploma.translation_key, project=ProjectFactory(organisation=agency)
    )
    client.force_login(staff(agency))
    assert client.get(_cohort_url(cohort)).status_code == 200


def test_an_employer_manager_is_not_given_waivers(client, diploma):
    employer = OrganisationFactory(kind=Organisation.Kind.EMPLOYER)
    cohort = cohort_with_members(
        1, course_key=diploma.translation_key, project=ProjectFactory(organisation=employer)
    )
    client.force_login(staff(employer))
    assert client.get(_cohort_url(cohort)).status_code == 404


def test_a_course_the_cohort_does_not_follow_is_refused(client, diploma):
    cohort = cohort_with_members(1)
    client.force_login(staff(cohort.project.organisation))
    response = client.post(_cohort_url(cohort), {"course_key": str(diploma.translation_key)})
    assert response.status_code == 400
    assert not Voucher.objects.exists()


def test_the_cohort_page_sends_anonymous_people_to_sign_in(client, diploma):
    cohort = cohort_with_members(1, course_key=diploma.translation_key)
    response = client.get(_cohort_url(cohort))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("who", ["learner", "other_manager", "trainer", "reporter", "fund_officer"])
def test_the_cohort_page_is_refused_to_everyone_else(client, diploma, who):
    cohort = cohort_with_members(1, course_key=diploma.translation_key)
    organisation = cohort.project.organisation
    user = {
        "learner": lambda: cohort.members.get().learner.user,
        "other_manager": lambda: staff(OrganisationFactory()),
        "trainer": lambda: staff(organisation, role=Membership.Role.TRAINER),
        "reporter": lambda: staff(organisation, role=Membership.Role.REPORTER),
        "fund_officer": fund_officer,
    }[who]()
    client.force_login(user)
    assert client.get(_cohort_url(cohort)).status_code in (403, 404)
    response = client.post(_cohort_url(cohort), {"course_key": str(diploma.translation_key)})
    assert response.status_code in (403, 404)
    assert not Voucher.objects.exists()
