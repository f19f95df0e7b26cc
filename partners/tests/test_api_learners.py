import pytest

from lms.models import Enrolment
from partners.models import CohortMember, Outcome, PartnerLearner, Scope
from partners.tests.factories import PartnerLearnerFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/learners"


def _learner(external_id="VDAB-1", **overrides):
    return {
        "external_id": external_id,
        "first_name": "Zoë",
        "last_name": "Verbeeck",
        "email": "",
        "language": "nl",
        "birth_date": "1988-02-29",
        "gender": "f",
        "postcode": "2000",
        "situation": "jobseeker",
        "target_groups": ["jobseekers"],
        **overrides,
    }


def test_bulk_enrolment_creates_learners_in_the_cohort_and_its_courses(caller, api_cohort, tree):
    response = caller.post(
        URL, {"cohort_id": api_cohort.pk, "learners": [_learner("A"), _learner("B")]}
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["created"] == 2
    assert [r["external_id"] for r in body["results"]] == ["A", "B"]
    assert CohortMember.objects.filter(cohort=api_cohort).count() == 2
    assert (
        Enrolment.objects.filter(
            course_key=tree.course.translation_key, source=Enrolment.Source.PARTNER
        ).count()
        == 2
    )


def test_sending_the_same_learners_again_creates_nothing_twice(caller, api_cohort):
    payload = {"cohort_id": api_cohort.pk, "learners": [_learner("A")]}
    caller.post(URL, payload)
    response = caller.post(URL, payload)
    assert response.status_code == 200
    assert response.json()["updated"] == 1
    assert PartnerLearner.objects.filter(organisation=caller.organisation).count() == 1
    assert Enrolment.objects.count() == 1


def test_every_invalid_item_is_named_by_index_and_field_and_nothing_is_written(caller, api_cohort):
    learners = [
        _learner("A"),
        _learner("B", email="not-an-address"),
        _learner("C", postcode="75001"),
        _learner("A"),
    ]
    response = caller.post(URL, {"cohort_id": api_cohort.pk, "learners": learners})
    assert response.status_code == 422
    details = {(d["index"], d["field"]) for d in response.json()["error"]["details"]}
    assert details == {(1, "email"), (2, "postcode"), (3, "external_id")}
    assert not PartnerLearner.objects.exists()


def test_a_value_of_the_wrong_kind_is_named_by_index_and_field(caller):
    response = caller.post(URL, {"learners": [_learner("A"), _learner("B", gender="z")]})
    assert response.status_code == 422
    [detail] = response.json()["error"]["details"]
    assert (detail["index"], detail["field"]) == (1, "gender")


def test_more_than_500_learners_per_call_are_refused(caller):
    learners = [_learner(f"L{i}") for i in range(501)]
    response = caller.post(URL, {"learners": learners})
    assert response.status_code == 422
    assert not PartnerLearner.objects.exists()


def test_another_organisation_s_cohort_is_404(caller, stranger, api_cohort):
    response = stranger.post(URL, {"cohort_id": api_cohort.pk, "learners": [_learner()]})
    assert response.status_code == 404
    assert not PartnerLearner.objects.exists()


def test_enrolling_needs_the_learners_scope(make_caller, api_cohort):
    caller = make_caller(organisation=api_cohort.project.organisation, scopes=[Scope.COHORTS_READ])
    response = caller.post(URL, {"cohort_id": api_cohort.pk, "learners": [_learner()]})
    assert response.status_code == 403
    assert not PartnerLearner.objects.exists()


def test_learners_without_a_cohort_are_recorded_without_enrolment(caller):
    response = caller.post(URL, {"learners": [_learner("A")]})
    assert response.status_code == 200
    assert response.json()["results"][0]["enrolments"] == 0


# --- outcomes -----------------------------------------------------------------


def _outcome_url(external_id, point="3m"):
    return f"/api/v1/learners/{external_id}/outcomes/{point}"


def test_an_outcome_is_recorded_and_then_replaced(caller):
    learner = PartnerLearnerFactory(organisation=caller.organisation, external_id="X-1")
    response = caller.put(_outcome_url("X-1"), {"situation": "job_found"})
    assert response.status_code == 200, response.json()
    assert response.json()["situation"] == "job_found"
    caller.put(_outcome_url("X-1"), {"situation": "further_training"})
    outcome = Outcome.objects.get(learner=learner, point="3m")
    assert outcome.situation == "further_training"
    assert outcome.source == Outcome.Source.API


def test_an_outcome_at_an_unknown_point_is_refused(caller):
    PartnerLearnerFactory(organisation=caller.organisation, external_id="X-1")
    response = caller.put(_outcome_url("X-1", "12m"), {"situation": "job_found"})
    assert response.status_code == 422
    assert not Outcome.objects.exists()


def test_an_unknown_situation_is_refused(caller):
    PartnerLearnerFactory(organisation=caller.organisation, external_id="X-1")
    response = caller.put(_outcome_url("X-1"), {"situation": "astronaut"})
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "situation"


def test_another_organisation_s_learner_is_404(caller, stranger):
    PartnerLearnerFactory(organisation=caller.organisation, external_id="X-1")
    response = stranger.put(_outcome_url("X-1"), {"situation": "job_found"})
    assert response.status_code == 404
    assert not Outcome.objects.exists()


def test_recording_outcomes_needs_the_outcomes_scope(make_caller):
    caller = make_caller(scopes=[Scope.LEARNERS_WRITE])
    PartnerLearnerFactory(organisation=caller.organisation, external_id="X-1")
    assert caller.put(_outcome_url("X-1"), {"situation": "job_found"}).status_code == 403
    assert not Outcome.objects.exists()
