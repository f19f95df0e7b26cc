"""`seed_demo` on a fresh database, run twice (a full load of the courses
takes most of a minute, so the tests share one): an account for every role,
the same platform the second time, the demo learner's diploma and the demo
helper's training certificate."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from certificates.models import Certificate
from conftest import module_rows
from courses.models import CoursePage, HomePage
from lms.models import Attempt, HelperConsent, HelperProfile, User
from lms.roles import GROUP_NAMES, Role

pytestmark = pytest.mark.django_db


def _counts() -> tuple:
    return (
        User.objects.count(),
        Page.objects.count(),
        Site.objects.count(),
        Revision.objects.count(),
        Certificate.objects.count(),
    )


# First, before the shared seeded database exists (its transaction stays open
# until the module ends).
def test_seed_demo_refuses_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="demo mode"):
        call_command("seed_demo")
    assert not User.objects.filter(username="learner").exists()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    from io import StringIO

    with module_rows(django_db_blocker):
        first = StringIO()
        call_command("seed_demo", stdout=first)
        after_first = _counts()
        call_command("seed_demo", stdout=StringIO())
        yield {"out": first.getvalue(), "counts": after_first}


def test_seed_demo_creates_an_account_for_every_role_and_prints_passwords(seeded):
    for role in Role:
        assert User.objects.filter(groups__name=GROUP_NAMES[role]).exists(), role
        assert str(role.label) in seeded["out"]
    assert "learner-demo-2026" in seeded["out"]
    assert User.objects.get(username="young-learner").email == ""


def test_seed_demo_twice_gives_the_same_platform(seeded):
    assert _counts() == seeded["counts"]
    assert HomePage.objects.count() == 4


def test_the_demo_learner_holds_the_security_diploma_whose_exam_they_passed(seeded):
    certificate = Certificate.objects.get(holder__username="learner")
    course = CoursePage.objects.get(slug="security-diploma", locale__language_code="en")
    assert certificate.course_key == course.translation_key
    assert Attempt.objects.filter(
        enrolment__learner=certificate.holder,
        enrolment__course_key=certificate.course_key,
        exam=True,
        passed=True,
    ).exists()
    assert certificate.display_code in seeded["out"]


def test_the_demo_helper_is_active_with_the_training_certificate(seeded):
    profile = HelperProfile.objects.select_related("organisation").get(user__username="helper")
    assert profile.status == HelperProfile.Status.ACTIVE
    course_key = profile.organisation.helper_training_course_key
    assert course_key is not None
    assert Certificate.objects.filter(holder=profile.user, course_key=course_key).count() == 1
    person = User.objects.get(display_name="Maria Claes")
    assert person.account_type == User.AccountType.ASSISTED
    assert HelperConsent.objects.filter(learner=person).count() == 1


def test_the_demo_sells_seats_charges_the_diploma_exam_and_waives_it_for_the_project(seeded):
    from partners.models import Membership
    from payments.models import Price, Voucher
    from payments.selectors.exam_fees import exam_fee_price
    from payments.selectors.prices import gross_cents

    diploma = CoursePage.objects.get(slug="security-diploma", locale__language_code="en")
    assert gross_cents(exam_fee_price(course_key=diploma.translation_key)) == 2500
    for key in set(
        CoursePage.objects.filter(certificate_enabled=True).values_list(
            "translation_key", flat=True
        )
    ):
        packs = Price.objects.filter(kind="seat_pack", course_key=key, is_active=True)
        assert sorted(packs.values_list("seats", flat=True)) == [10, 50, 100]  # once, not twice
    assert Membership.objects.filter(
        organisation__slug="veilig-werk", user__username="employer", role="manager"
    ).exists()
    assert (
        Voucher.objects.filter(project__reference="DBSF-2026-042", kind="fee_waiver").count() == 5
    )
    assert "Demo employer of `employer`" in seeded["out"]


def test_the_demo_projects_carry_their_targets_and_the_submitted_report(seeded):
    from partners.models import Project, ReportSubmission

    targets = {
        project.reference: {
            (t.target_group, t.learners, t.certified) for t in project.targets.all()
        }
        for project in Project.objects.prefetch_related("targets")
    }
    assert targets["DBSF-2026-042"] == {
        ("", 400, 200),
        ("jobseekers", 250, 120),
        ("young_people", 100, 50),
        ("women_in_digital", 150, 60),
    }
    assert targets["DBSF-2026-017"] == {("", 300, 120)}
    assert Project.objects.get(reference="DBSF-2026-017").organisation.slug == (
        "numerique-wallonie"
    )
    assert ReportSubmission.objects.filter(
        project__reference="DBSF-2026-042", status=ReportSubmission.Status.SUBMITTED
    ).exists()
