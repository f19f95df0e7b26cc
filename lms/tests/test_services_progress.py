from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from lms.exceptions import LearningError
from lms.models import Attempt, ProgressEvent
from lms.selectors import course_progress
from lms.services import (
    activity_result_record,
    enrolment_cancel,
    lesson_progress_record,
    lesson_view_move,
    lesson_view_record,
)
from lms.services.learning import LESSON_VIEW_WRITE_INTERVAL
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


def _viewed_with_the_clock_at_the_windows_end(enrolment, lesson, monkeypatch):
    """A first view of `lesson`, then the clock at the last moment of its
    write window: (when it was written, the clock to move on)."""
    lesson_view_record(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    written = enrolment.last_activity_at
    clock = {"now": written + LESSON_VIEW_WRITE_INTERVAL}
    monkeypatch.setattr(timezone, "now", lambda: clock["now"])
    return written, clock


def test_a_reload_of_the_same_lesson_is_written_once_a_minute_at_most(enrolment, tree, monkeypatch):
    lesson = tree.lessons[1]
    written, clock = _viewed_with_the_clock_at_the_windows_end(enrolment, lesson, monkeypatch)
    # The window's last moment: the enrolment already says all there is to say.
    lesson_view_record(enrolment=enrolment, lesson=lesson, first_view=False)
    enrolment.refresh_from_db()
    assert enrolment.last_activity_at == written
    # One second later the activity is written again.
    clock["now"] = written + LESSON_VIEW_WRITE_INTERVAL + timedelta(seconds=1)
    lesson_view_record(enrolment=enrolment, lesson=lesson, first_view=False)
    enrolment.refresh_from_db()
    assert enrolment.last_activity_at == clock["now"]
    assert enrolment.last_lesson_key == lesson.translation_key


def test_a_move_sent_with_the_reads_is_asked_again_one_second_after_the_window(
    enrolment, tree, monkeypatch
):
    lesson = tree.lessons[1]
    written, clock = _viewed_with_the_clock_at_the_windows_end(enrolment, lesson, monkeypatch)
    # The window's last moment: nothing to write.
    assert lesson_view_move(enrolment=enrolment, lesson=lesson) is None
    assert enrolment.last_activity_at == written
    clock["now"] = written + LESSON_VIEW_WRITE_INTERVAL + timedelta(seconds=1)
    move = lesson_view_move(enrolment=enrolment, lesson=lesson)
    assert move is not None
    course_progress(enrolment=enrolment, then=move)
    enrolment.refresh_from_db()
    assert enrolment.last_activity_at == clock["now"]
    # Another lesson within the window is a move.
    assert lesson_view_move(enrolment=enrolment, lesson=tree.lessons[2]) is not None


def test_another_lesson_opened_within_the_minute_is_where_you_left_off(enrolment, tree):
    lesson_view_record(enrolment=enrolment, lesson=tree.lessons[0])
    lesson_view_record(enrolment=enrolment, lesson=tree.lessons[2])
    # Both seen before: the caller knows these are not first views.
    lesson_view_record(enrolment=enrolment, lesson=tree.lessons[0], first_view=False)
    enrolment.refresh_from_db()
    assert enrolment.last_lesson_key == tree.lessons[0].translation_key
    assert course_progress(enrolment=enrolment).next_lesson.pk == tree.lessons[0].pk
    lesson_view_record(enrolment=enrolment, lesson=tree.lessons[2], first_view=False)
    enrolment.refresh_from_db()
    assert enrolment.last_lesson_key == tree.lessons[2].translation_key


def _commit_setting() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's commit setting")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_move_not_waiting_for_the_disk_leaves_every_other_commit_as_it_was(enrolment, tree):
    # In autocommit, as in a request: the move is committed, and the
    # connection's next transactions wait for the disk again.
    lesson_view_record(enrolment=enrolment, lesson=tree.lessons[1], first_view=False)
    enrolment.refresh_from_db()
    assert enrolment.last_lesson_key == tree.lessons[1].translation_key
    assert _commit_setting() == "on"
    # Inside a caller's transaction the commit is theirs, as they set it.
    with transaction.atomic():
        lesson_view_record(enrolment=enrolment, lesson=tree.lessons[2], first_view=False)
        assert _commit_setting() == "on"
    enrolment.refresh_from_db()
    assert enrolment.last_lesson_key == tree.lessons[2].translation_key


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
