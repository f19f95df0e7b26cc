import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lms.models import Enrolment
from lms.services import lesson_progress_record
from partners.models import CohortCourse, Scope
from partners.services import LearnerInput, learners_enrol
from partners.tests.factories import CohortFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def _enrol(cohort, count, start=0):
    rows = [
        LearnerInput(external_id=f"L{i:03d}", first_name=f"Learner {i}")
        for i in range(start, start + count)
    ]
    return learners_enrol(organisation=cohort.project.organisation, learners=rows, cohort=cohort)


def _progress(caller, cohort, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return caller.get(f"/api/v1/cohorts/{cohort.pk}/progress?{query}")


def test_cohorts_lists_only_the_organisation_s_cohorts(caller, api_cohort, tree):
    CohortFactory()  # another organisation's
    _enrol(api_cohort, 2)
    response = caller.get("/api/v1/cohorts")
    assert response.status_code == 200
    [cohort] = response.json()["results"]
    assert cohort["id"] == api_cohort.pk
    assert cohort["learners"] == 2
    assert cohort["course_keys"] == [str(tree.course.translation_key)]
    assert response.json()["next"] is None


def test_cohorts_are_paginated_with_a_next_link(caller):
    project = ProjectFactory(organisation=caller.organisation)
    for _ in range(3):
        CohortFactory(project=project)
    first = caller.get("/api/v1/cohorts?limit=2").json()
    assert len(first["results"]) == 2
    assert "offset=2" in first["next"]
    second = caller.get(first["next"]).json()
    assert len(second["results"]) == 1
    assert second["next"] is None
    ids = {c["id"] for c in first["results"]} | {c["id"] for c in second["results"]}
    assert len(ids) == 3


def test_progress_shows_status_percent_completion_and_certificate_per_course(
    caller, api_cohort, tree
):
    _enrol(api_cohort, 3)
    enrolments = list(Enrolment.objects.order_by("learner__partner_records__external_id"))
    lesson_progress_record(
        enrolment=enrolments[0], lesson=tree.lessons[0], event="completed", idempotency_key="k"
    )
    Enrolment.objects.filter(pk=enrolments[1].pk).update(
        status=Enrolment.Status.COMPLETED, completed_at=timezone.now()
    )
    response = _progress(caller, api_cohort)
    assert response.status_code == 200
    rows = {r["external_id"]: r["courses"][0] for r in response.json()["results"]}
    assert rows["L000"]["status"] == "active"
    assert 0 < rows["L000"]["progress_percent"] < 100
    assert rows["L001"]["status"] == "completed"
    assert rows["L001"]["progress_percent"] == 100
    assert rows["L001"]["completed_at"] is not None
    assert rows["L002"]["progress_percent"] == 0
    assert not any(r["certified"] for r in rows.values())


def test_progress_of_a_learner_not_enrolled_in_a_cohort_course_says_so(
    caller, api_cohort, home_page
):
    from lms.tests.content import course_tree

    other = course_tree(home_page, title="Second course", self_enrolment=False)
    _enrol(api_cohort, 1)
    CohortCourse.objects.create(cohort=api_cohort, course_key=other.course.translation_key)
    [row] = _progress(caller, api_cohort).json()["results"]
    statuses = {c["course_key"]: c["status"] for c in row["courses"]}
    assert statuses[str(other.course.translation_key)] == "not_enrolled"


def test_progress_is_paginated(caller, api_cohort):
    _enrol(api_cohort, 5)
    first = _progress(caller, api_cohort, limit=2).json()
    assert [r["external_id"] for r in first["results"]] == ["L000", "L001"]
    third = caller.get(caller.get(first["next"]).json()["next"]).json()
    assert [r["external_id"] for r in third["results"]] == ["L004"]
    assert third["next"] is None


def test_progress_queries_do_not_grow_with_the_number_of_learners(
    caller, api_cohort, django_assert_max_num_queries
):
    _enrol(api_cohort, 2)
    caller.get("/api/v1/cohorts")  # warm the site root cache
    with CaptureQueriesContext(connection) as small:
        assert _progress(caller, api_cohort).status_code == 200
    _enrol(api_cohort, 10, start=2)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = _progress(caller, api_cohort)
    assert len(response.json()["results"]) == 12
    assert len(small.captured_queries) <= 14


def test_cohorts_list_queries_are_bounded(caller, django_assert_max_num_queries):
    project = ProjectFactory(organisation=caller.organisation)
    for _ in range(20):
        CohortFactory(project=project)
    with django_assert_max_num_queries(6):
        response = caller.get("/api/v1/cohorts")
    assert len(response.json()["results"]) == 20


def test_another_organisation_s_cohort_progress_is_404(stranger, api_cohort):
    _enrol(api_cohort, 1)
    response = _progress(stranger, api_cohort)
    assert response.status_code == 404
    assert stranger.get("/api/v1/cohorts").json()["results"] == []


def test_reading_cohorts_needs_the_cohorts_scope(make_caller, api_cohort):
    caller = make_caller(
        organisation=api_cohort.project.organisation, scopes=[Scope.LEARNERS_WRITE]
    )
    assert caller.get("/api/v1/cohorts").status_code == 403
    assert _progress(caller, api_cohort).status_code == 403
