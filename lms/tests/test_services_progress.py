import pytest

from lms.exceptions import LearningError
from lms.models import Attempt, ProgressEvent
from lms.selectors import course_progress
from lms.services import (
    activity_result_record,
    enrolment_cancel,
    lesson_progress_record,
    lesson_view_record,
)
from lms.tests.content import course_tree

pytestmark = pytest.mark.django_db


def _done(enrolment, lesson, key=None):
    return lesson_progress_record(
        enrolment=enrolment,
        lesson=lesson,
        event="completed",
        idempotency_key=key or f"done-{lesson.pk}",
    )


def test_recording_the_same_event_twice_counts_once(enrolment, tree):
    _event, created = _done(enrolment, tree.lessons[0], key="abc")
    _again, created_again = _done(enrolment, tree.lessons[0], key="abc")
    assert (created, created_again) == (True, False)
    assert ProgressEvent.objects.filter(enrolment=enrolment).count() == 1


def test_completing_a_lesson_twice_with_different_keys_counts_once_in_progress(enrolment, tree):
    _done(enrolment, tree.lessons[0], key="one")
    _done(enrolment, tree.lessons[0], key="two")
    progress = course_progress(enrolment=enrolment)
    # 4 required lessons + 2 required activities: one step of six is done.
    assert progress.steps_done == 1
    assert progress.steps_total == 6
    assert progress.percent == 16


def test_progress_is_exact_and_the_next_step_follows_the_tree(enrolment, tree):
    _done(enrolment, tree.lessons[0])
    _done(enrolment, tree.lessons[1])
    progress = course_progress(enrolment=enrolment)
    assert progress.steps_done == 2
    assert progress.next_lesson.pk == tree.lessons[2].pk


def test_continue_where_you_left_off_returns_to_the_last_unfinished_lesson(enrolment, tree):
    _done(enrolment, tree.lessons[0])
    lesson_view_record(enrolment=enrolment, lesson=tree.lessons[2])
    progress = course_progress(enrolment=enrolment)
    assert progress.next_lesson.pk == tree.lessons[2].pk


def test_viewing_a_lesson_many_times_stores_one_viewed_event(enrolment, tree):
    for _ in range(3):
        lesson_view_record(enrolment=enrolment, lesson=tree.lessons[0])
    assert ProgressEvent.objects.filter(enrolment=enrolment, kind="viewed").count() == 1
    enrolment.refresh_from_db()
    assert enrolment.last_lesson_key == tree.lessons[0].translation_key


def test_a_lesson_of_another_course_is_refused(enrolment, home_page):
    other = course_tree(home_page, title="Other course")
    with pytest.raises(LearningError) as error:
        _done(enrolment, other.lessons[0])
    assert error.value.code == "wrong_course"
    assert not ProgressEvent.objects.exists()


def test_progress_after_leaving_the_course_is_refused(enrolment, tree, learner):
    enrolment_cancel(enrolment=enrolment, cancelled_by=learner)
    enrolment.refresh_from_db()
    with pytest.raises(LearningError) as error:
        _done(enrolment, tree.lessons[0])
    assert error.value.code == "enrolment_cancelled"


def test_an_unknown_event_is_refused(enrolment, tree):
    with pytest.raises(LearningError):
        lesson_progress_record(
            enrolment=enrolment, lesson=tree.lessons[0], event="skipped", idempotency_key="k"
        )


def test_an_h5p_result_is_recorded_once_per_idempotency_key(enrolment, tree):
    args = {
        "enrolment": enrolment,
        "lesson": tree.lessons[0],
        "activity_key": "h5p-drag-words",
        "source": "h5p",
        "score": 8,
        "max_score": 10,
        "pass_mark_percent": 70,
        "idempotency_key": "h5p-1",
    }
    attempt, created = activity_result_record(**args)
    again, created_again = activity_result_record(**args)
    assert (created, created_again) == (True, False)
    assert attempt.pk == again.pk and attempt.passed is True
    assert Attempt.objects.filter(enrolment=enrolment).count() == 1


def test_an_h5p_result_can_never_count_for_a_quiz_or_the_exam(enrolment, tree):
    exam_key = tree.quiz_key(tree.exam_lesson)
    with pytest.raises(LearningError) as error:
        activity_result_record(
            enrolment=enrolment,
            lesson=tree.exam_lesson,
            activity_key=exam_key,
            source="h5p",
            score=10,
            max_score=10,
            idempotency_key="forged",
        )
    assert error.value.code == "not_for_quiz"
    assert not Attempt.objects.exists()


def test_an_impossible_score_is_refused(enrolment, tree):
    with pytest.raises(LearningError) as error:
        activity_result_record(
            enrolment=enrolment,
            lesson=tree.lessons[0],
            activity_key="puzzle-1",
            source="puzzle",
            score=11,
            max_score=10,
            idempotency_key="p1",
        )
    assert error.value.code == "bad_score"
