import datetime

import pytest

from lms.models import Enrolment, User
from partners.models import CohortCourse, CohortMember, PartnerLearner, Region
from partners.services import LearnerInput, learners_enrol
from partners.signals import learners_enrolled
from partners.tests.factories import CohortFactory, OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(tree):
    organisation = OrganisationFactory()
    cohort = CohortFactory(project=ProjectFactory(organisation=organisation))
    CohortCourse.objects.create(cohort=cohort, course_key=tree.course.translation_key)
    return cohort


def _row(**overrides):
    values = {
        "external_id": "VDAB-0001",
        "first_name": "Zoë",
        "last_name": "Verbeeck",
        "language": "nl",
        "birth_date": datetime.date(1988, 2, 29),
        "gender": "f",
        "postcode": "2000",
        "situation": "jobseeker",
        "target_groups": ("jobseekers", "women_in_digital"),
    }
    values.update(overrides)
    return LearnerInput(**values)


def test_a_new_learner_gets_an_account_a_cohort_place_and_the_cohort_courses(cohort, tree):
    [result] = learners_enrol(
        organisation=cohort.project.organisation, learners=[_row()], cohort=cohort
    )
    learner = PartnerLearner.objects.get(pk=result.learner_id)
    assert result.created
    assert learner.region == Region.FLANDERS
    assert set(learner.target_groups.values_list("target_group", flat=True)) == {
        "jobseekers",
        "women_in_digital",
    }
    assert CohortMember.objects.filter(cohort=cohort, learner=learner).exists()
    enrolment = Enrolment.objects.get(learner=learner.user)
    assert enrolment.course_key == tree.course.translation_key
    assert enrolment.source == Enrolment.Source.PARTNER
    assert learner.user.email == ""


def test_sending_the_same_learner_again_changes_nothing_twice(cohort):
    organisation = cohort.project.organisation
    learners_enrol(organisation=organisation, learners=[_row()], cohort=cohort)
    [again] = learners_enrol(
        organisation=organisation, learners=[_row(last_name="Verbeeck-Peeters")], cohort=cohort
    )
    assert not again.created
    assert PartnerLearner.objects.count() == 1
    assert User.objects.filter(partner_records__isnull=False).count() == 1
    assert Enrolment.objects.count() == 1
    assert PartnerLearner.objects.get().last_name == "Verbeeck-Peeters"


def test_the_same_id_in_two_organisations_is_two_learners(cohort, tree):
    other = CohortFactory()
    CohortCourse.objects.create(cohort=other, course_key=tree.course.translation_key)
    learners_enrol(organisation=cohort.project.organisation, learners=[_row()], cohort=cohort)
    learners_enrol(organisation=other.project.organisation, learners=[_row()], cohort=other)
    assert PartnerLearner.objects.count() == 2


def test_a_cohort_of_another_organisation_is_refused(cohort):
    with pytest.raises(ValueError, match="another organisation"):
        learners_enrol(organisation=OrganisationFactory(), learners=[_row()], cohort=cohort)
    assert not PartnerLearner.objects.exists()


def test_enrolled_is_signalled_once_per_new_enrolment_after_commit(
    cohort, django_capture_on_commit_callbacks
):
    received = []

    def receiver(**kwargs):
        received.append([e["external_id"] for e in kwargs["enrolments"]])

    learners_enrolled.connect(receiver)
    try:
        organisation = cohort.project.organisation
        with django_capture_on_commit_callbacks(execute=True):
            learners_enrol(organisation=organisation, learners=[_row()], cohort=cohort)
        with django_capture_on_commit_callbacks(execute=True):
            learners_enrol(organisation=organisation, learners=[_row()], cohort=cohort)
    finally:
        learners_enrolled.disconnect(receiver)
    assert received == [["VDAB-0001"]]


def test_a_batch_is_signalled_once_with_every_new_enrolment(
    cohort, django_capture_on_commit_callbacks
):
    received = []

    def receiver(**kwargs):
        received.append([e["external_id"] for e in kwargs["enrolments"]])

    learners_enrolled.connect(receiver)
    try:
        rows = [_row(external_id=f"VDAB-{n}") for n in range(3)]
        with django_capture_on_commit_callbacks(execute=True):
            learners_enrol(organisation=cohort.project.organisation, learners=rows, cohort=cohort)
    finally:
        learners_enrolled.disconnect(receiver)
    assert received == [["VDAB-0", "VDAB-1", "VDAB-2"]]
