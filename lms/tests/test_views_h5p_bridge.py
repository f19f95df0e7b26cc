"""The platform's end of the H5P bridge: what a lesson page relays from the
player counts for the signed-in learner only, once, and never for a quiz."""

import json

import pytest

from lms.models import ActivityState, Attempt, Enrolment, Statement
from lms.services import enrolment_create
from lms.tests.factories import UserFactory
from lms.tests.h5p import statement

pytestmark = pytest.mark.django_db

URL = "/en/learning/h5p/bridge/"


def _post(client, body, **extra):
    return client.post(URL, json.dumps(body), content_type="application/json", **extra)


def _statement_post(client, h5p, user, *, raw=2, result_id="r1", token=None, verb="answered"):
    return _post(
        client,
        {
            "session": token or h5p.token(user),
            "type": "statement",
            "statement": statement(verb, raw),
            "resultId": result_id,
        },
    )


def test_a_scored_statement_records_an_attempt_for_the_signed_in_learner(
    client, h5p, learner, enrolment
):
    client.force_login(learner)

    response = _statement_post(client, h5p, learner, raw=2)

    assert response.status_code == 200
    assert response.json()["result"]["percent"] == 67
    attempt = Attempt.objects.get()
    assert (attempt.enrolment, attempt.source, attempt.activity_key) == (
        enrolment,
        Attempt.Source.H5P,
        h5p.key,
    )
    assert (attempt.score, attempt.max_score, attempt.passed) == (2, 3, True)


def test_the_actor_is_the_signed_in_learner_not_the_browsers_claim(client, h5p, learner, enrolment):
    client.force_login(learner)

    _statement_post(client, h5p, learner)

    answered = Statement.objects.get(verb__endswith="/answered")
    assert answered.learner == learner
    actor = answered.statement["actor"]
    assert actor["account"]["name"] == str(learner.public_id)
    assert "evil@example.com" not in json.dumps(answered.statement)


def test_the_same_result_twice_counts_once(client, h5p, learner, enrolment):
    client.force_login(learner)
    token = h5p.token(learner)

    _statement_post(client, h5p, learner, token=token, result_id="same")
    _statement_post(client, h5p, learner, token=token, result_id="same")
    _statement_post(client, h5p, learner, token=token, result_id="same", verb="completed")

    assert Attempt.objects.count() == 1
    assert Statement.objects.filter(verb__endswith="/answered").count() == 1


def test_new_results_of_one_session_are_new_attempts(client, h5p, learner, enrolment):
    client.force_login(learner)
    token = h5p.token(learner)

    _statement_post(client, h5p, learner, token=token, raw=1, result_id="first")
    _statement_post(client, h5p, learner, token=token, raw=3, result_id="second")

    assert list(Attempt.objects.order_by("number").values_list("number", "score")) == [
        (1, 1),
        (2, 3),
    ]


def test_anonymous_is_refused(client, h5p, learner, enrolment):
    response = _statement_post(client, h5p, learner)

    assert response.status_code == 403
    assert not Attempt.objects.exists()


def test_a_learner_without_enrolment_is_refused(client, h5p):
    stranger = UserFactory()
    client.force_login(stranger)

    response = _statement_post(client, h5p, stranger)

    assert response.status_code == 403
    assert response.json()["code"] == "not_enrolled"
    assert not Attempt.objects.exists()


def test_a_learner_who_left_the_course_is_refused(client, h5p, learner, enrolment):
    from lms.services import enrolment_cancel

    enrolment_cancel(enrolment=enrolment, cancelled_by=learner)
    client.force_login(learner)

    assert _statement_post(client, h5p, learner).status_code == 403
    assert not Attempt.objects.exists()


def test_another_learners_session_is_refused(client, h5p, learner, enrolment):
    other = UserFactory()
    enrolment_create(learner=other, course=h5p.tree.course, source=Enrolment.Source.SELF)
    client.force_login(other)

    response = _statement_post(client, h5p, learner, token=h5p.token(learner))

    assert response.status_code == 403
    assert response.json()["code"] == "wrong_user"
    assert not Attempt.objects.exists()


def test_a_forged_post_against_the_exam_is_refused(client, h5p, learner, enrolment):
    exam_lesson = h5p.tree.exam_lesson
    exam_key = h5p.tree.quiz_key(exam_lesson)
    client.force_login(learner)
    # Even a correctly signed session naming the exam block does not reach it.
    token = h5p.token(learner, lesson_id=exam_lesson.pk, activity_key=exam_key)

    response = _statement_post(client, h5p, learner, token=token, raw=3)

    assert response.status_code == 409
    assert response.json()["code"] == "not_for_quiz"
    assert not Attempt.objects.exists()
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None


def test_a_forged_post_against_a_practice_quiz_is_refused(client, h5p, learner, enrolment):
    lesson = h5p.tree.practice_lesson
    client.force_login(learner)
    token = h5p.token(learner, lesson_id=lesson.pk, activity_key=h5p.tree.quiz_key(lesson))

    response = _statement_post(client, h5p, learner, token=token, raw=3)

    assert response.status_code == 409
    assert not Attempt.objects.exists()


def test_an_unknown_activity_is_refused(client, h5p, learner, enrolment):
    client.force_login(learner)
    token = h5p.token(learner, activity_key="no-such-block")

    response = _statement_post(client, h5p, learner, token=token)

    assert response.status_code == 409
    assert response.json()["code"] == "no_activity"


def test_a_bad_session_is_refused(client, h5p, learner, enrolment):
    client.force_login(learner)

    response = _statement_post(client, h5p, learner, token="not-a-token")

    assert response.status_code == 400
    assert response.json()["code"] == "expired"


def test_an_impossible_score_records_no_attempt(client, h5p, learner, enrolment):
    client.force_login(learner)

    response = _statement_post(client, h5p, learner, raw=9)

    assert response.status_code == 200
    assert not Attempt.objects.exists()


def test_the_bridge_needs_the_csrf_token(h5p, learner, enrolment):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)

    assert _statement_post(client, h5p, learner).status_code == 403


def test_state_is_saved_and_replaced(client, h5p, learner, enrolment):
    client.force_login(learner)
    token = h5p.token(learner)

    first = _post(client, {"session": token, "type": "state", "state": '{"index": 0}'})
    second = _post(client, {"session": token, "type": "state", "state": '{"index": 2}'})

    assert first.status_code == second.status_code == 200
    saved = ActivityState.objects.get()
    assert (saved.enrolment, saved.activity_key) == (enrolment, h5p.key)
    assert saved.state == '{"index": 2}'
    assert saved.content_uuid == h5p.content.uuid


@pytest.mark.parametrize("state", ["not json", "42", "", "[" * 5000 + "]" * 5000])
def test_invalid_state_is_refused_with_a_reason(client, h5p, learner, enrolment, state):
    client.force_login(learner)

    response = _post(client, {"session": h5p.token(learner), "type": "state", "state": state})

    assert response.status_code == 409
    assert response.json()["error"]
    assert not ActivityState.objects.exists()


def test_too_large_state_is_refused(client, h5p, learner, enrolment):
    client.force_login(learner)
    state = json.dumps({"text": "x" * 70_000})

    response = _post(client, {"session": h5p.token(learner), "type": "state", "state": state})

    assert response.status_code == 409
    assert not ActivityState.objects.exists()


def test_the_refusal_is_in_the_learners_language(client, h5p, learner, enrolment):
    client.force_login(learner)

    response = client.post(
        "/nl/learning/h5p/bridge/",
        json.dumps({"session": "x", "type": "state", "state": "{}"}),
        content_type="application/json",
    )

    assert response.json()["error"] == "Deze oefensessie is verlopen: laad de pagina opnieuw."
