import pytest

from audit.models import AuditEntry
from lms.exceptions import LearningError
from lms.models import Enrolment, Statement
from lms.services import enrolment_cancel, enrolment_create
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_self_enrolment_creates_one_active_enrolment_keyed_by_translation_key(tree, learner):
    enrolment = enrolment_create(learner=learner, course=tree.course, source="self")
    assert enrolment.status == Enrolment.Status.ACTIVE
    assert enrolment.course_key == tree.course.translation_key
    assert Statement.objects.filter(learner=learner, verb__endswith="/registered").count() == 1


def test_enrolling_twice_returns_the_same_enrolment(tree, learner):
    first = enrolment_create(learner=learner, course=tree.course, source="self")
    second = enrolment_create(learner=learner, course=tree.course, source="partner")
    assert first.pk == second.pk
    assert Enrolment.objects.filter(learner=learner).count() == 1
    assert second.source == Enrolment.Source.SELF


def test_self_enrolment_is_refused_when_the_course_is_closed_to_it(home_page, learner):
    closed = course_tree(home_page, title="Partner only", self_enrolment=False)
    with pytest.raises(LearningError) as error:
        enrolment_create(learner=learner, course=closed.course, source="self")
    assert error.value.code == "self_enrolment_closed"
    assert not Enrolment.objects.exists()


def test_a_partner_may_enrol_in_a_closed_course_and_it_is_audited(home_page, learner):
    closed = course_tree(home_page, title="Partner only", self_enrolment=False)
    staff = UserFactory()
    enrolment = enrolment_create(
        learner=learner, course=closed.course, source="partner", enrolled_by=staff
    )
    assert enrolment.source == Enrolment.Source.PARTNER
    entry = AuditEntry.objects.get(action="enrolment.create")
    assert entry.actor == staff and entry.subject_user == learner


def test_an_unpublished_course_cannot_be_enrolled_in(tree, learner):
    tree.course.unpublish()
    tree.course.refresh_from_db()
    with pytest.raises(LearningError):
        enrolment_create(learner=learner, course=tree.course, source="self")


def test_an_unknown_source_is_a_programming_error(tree, learner):
    with pytest.raises(ValueError):
        enrolment_create(learner=learner, course=tree.course, source="bribe")


def test_leaving_then_enrolling_again_reopens_the_same_enrolment(enrolment, learner, tree):
    assert enrolment_cancel(enrolment=enrolment, cancelled_by=learner) is True
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED
    again = enrolment_create(learner=learner, course=tree.course, source="self")
    assert again.pk == enrolment.pk and again.status == Enrolment.Status.ACTIVE


def test_leaving_twice_changes_nothing_the_second_time(enrolment, learner):
    assert enrolment_cancel(enrolment=enrolment, cancelled_by=learner) is True
    assert enrolment_cancel(enrolment=enrolment, cancelled_by=learner) is False


def test_the_demo_enrols_the_demo_learner_in_existing_courses_once(tree):
    from lms.demo import seed

    seed()
    seed()
    learner = Enrolment.objects.get().learner
    assert learner.username == "learner"


def test_the_demo_runs_without_any_course(home_page):
    from lms.demo import seed

    seed()
    assert not Enrolment.objects.exists()
