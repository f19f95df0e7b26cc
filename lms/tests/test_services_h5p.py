"""H5P results on the server: low stakes, best/last policy, never an exam."""

import pytest

from lms.exceptions import LearningError
from lms.models import Attempt
from lms.selectors import course_progress
from lms.services import activity_result_record
from lms.services.h5p import h5p_statement_receive
from lms.tests.h5p import add_h5p_block, statement

pytestmark = pytest.mark.django_db


def _receive(setup, enrolment, raw, result_id, **extra):
    return h5p_statement_receive(
        enrolment=enrolment,
        lesson=setup.lesson,
        activity_key=setup.key,
        session_id="session",
        statement=statement("completed", raw, **extra),
        result_id=result_id,
    )


def test_an_h5p_result_counts_for_progress(h5p, enrolment):
    before = course_progress(enrolment=enrolment)

    _receive(h5p, enrolment, 3, "a")

    after = course_progress(enrolment=enrolment)
    assert after.results[h5p.key].passed
    assert after.steps_done == before.steps_done + 1


def test_best_result_counts_by_default(h5p, enrolment):
    _receive(h5p, enrolment, 3, "a")
    _receive(h5p, enrolment, 1, "b")

    result = course_progress(enrolment=enrolment).results[h5p.key]
    assert result.counting.score == 3


def test_last_result_counts_when_the_block_says_so(tree, media_root, player_origin, enrolment):
    setup = add_h5p_block(tree, grading_policy="last")
    _receive(setup, enrolment, 3, "a")
    _receive(setup, enrolment, 1, "b")

    result = course_progress(enrolment=enrolment).results[setup.key]
    assert (result.counting.score, result.passed) == (1, False)


def test_a_sub_content_statement_is_kept_but_is_no_result(h5p, enrolment):
    extensions = {"http://h5p.org/x-api/h5p-subContentId": "abc"}

    attempt = _receive(h5p, enrolment, 3, "a", context={"extensions": extensions})

    assert attempt is None
    assert not Attempt.objects.exists()


def test_a_part_marked_as_h5p_core_marks_it_is_no_result(h5p, enrolment):
    # H5P core (XAPIEvent.setObject/setContext): the part's subContentId in the
    # object's definition, its parent in the context (e.g. one statement group
    # of an H5P.Summary, scored 1 of 1).
    obj = {
        "id": "http://player.testserver/h5p/content/1?subContentId=abc",
        "objectType": "Activity",
        "definition": {"extensions": {"http://h5p.org/x-api/h5p-subContentId": "abc"}},
    }

    attempt = _receive(h5p, enrolment, 1, "a", object=obj)

    assert attempt is None
    assert not Attempt.objects.exists()


def test_a_part_with_only_a_parent_in_its_context_is_no_result(h5p, enrolment):
    parent = {"contextActivities": {"parent": [{"id": "http://player.testserver/h5p/1"}]}}

    assert _receive(h5p, enrolment, 1, "a", context=parent) is None
    assert not Attempt.objects.exists()


def test_the_activity_itself_with_an_empty_context_is_a_result(h5p, enrolment):
    attempt = _receive(h5p, enrolment, 2, "a", context={"contextActivities": {"parent": []}})

    assert (attempt.score, attempt.max_score) == (2, 3)


def test_an_h5p_result_never_reaches_an_exam(h5p, enrolment):
    exam_key = h5p.tree.quiz_key(h5p.tree.exam_lesson)

    with pytest.raises(LearningError) as refused:
        activity_result_record(
            enrolment=enrolment,
            lesson=h5p.tree.exam_lesson,
            activity_key=exam_key,
            source=Attempt.Source.H5P,
            score=4,
            max_score=4,
            idempotency_key="h5p:forged:1",
        )

    assert refused.value.code == "not_for_quiz"


def test_a_quiz_attempt_cannot_start_on_an_h5p_block(h5p, enrolment):
    from lms.services import quiz_attempt_start

    with pytest.raises(LearningError):
        quiz_attempt_start(enrolment=enrolment, lesson=h5p.lesson, activity_key=h5p.key)


def test_quiz_attempts_do_not_count_for_an_h5p_block(h5p, enrolment):
    Attempt.objects.create(
        enrolment=enrolment,
        lesson_key=h5p.lesson.translation_key,
        activity_key=h5p.key,
        source=Attempt.Source.QUIZ,
        number=1,
        status=Attempt.Status.SUBMITTED,
        score=3,
        max_score=3,
        passed=True,
    )

    assert not course_progress(enrolment=enrolment).results[h5p.key].passed
