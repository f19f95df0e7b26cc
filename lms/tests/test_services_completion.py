import pytest

from lms.models import Enrolment, Statement
from lms.services import (
    completion_evaluate,
    lesson_progress_record,
    quiz_attempt_start,
    quiz_attempt_submit,
)
from lms.signals import course_completed

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def received():
    calls = []

    def receiver(sender, **kwargs):
        calls.append(kwargs)

    course_completed.connect(receiver)
    yield calls
    course_completed.disconnect(receiver)


def _pass(enrolment, tree, lesson):
    attempt, _ = quiz_attempt_start(
        enrolment=enrolment, lesson=lesson, activity_key=tree.quiz_key(lesson)
    )
    answers = {q["question"]: tree.correct[q["question"]] for q in attempt.questions}
    return quiz_attempt_submit(attempt=attempt, answers=answers)[0]


def _all_lessons(enrolment, tree):
    for lesson in tree.lessons:
        lesson_progress_record(
            enrolment=enrolment, lesson=lesson, event="completed", idempotency_key=str(lesson.pk)
        )


def test_lessons_alone_do_not_complete_a_course_with_a_required_exam(enrolment, tree, received):
    _all_lessons(enrolment, tree)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
    assert received == []


def test_every_required_step_completes_the_course_and_sends_the_signal_once(
    enrolment, tree, learner, received
):
    _all_lessons(enrolment, tree)
    _pass(enrolment, tree, tree.practice_lesson)
    _pass(enrolment, tree, tree.exam_lesson)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert len(received) == 1
    call = received[0]
    assert call["user"] == learner
    assert call["enrolment_id"] == enrolment.pk
    assert call["course"].translation_key == tree.course.translation_key
    assert call["completed_at"] == enrolment.completed_at
    assert Statement.objects.filter(verb__endswith="/completed", object_id__contains="/course/")


def test_evaluating_a_completed_enrolment_again_sends_nothing(enrolment, tree, received):
    _all_lessons(enrolment, tree)
    _pass(enrolment, tree, tree.practice_lesson)
    _pass(enrolment, tree, tree.exam_lesson)
    stale = Enrolment.objects.get(pk=enrolment.pk)
    stale.completed_at = None  # as another process would still see it
    stale.status = Enrolment.Status.ACTIVE
    assert completion_evaluate(enrolment=stale) is False
    assert len(received) == 1


def test_the_signal_is_not_sent_when_the_transaction_rolls_back(enrolment, tree, received):
    from django.db import transaction

    _all_lessons(enrolment, tree)
    _pass(enrolment, tree, tree.practice_lesson)
    with pytest.raises(RuntimeError), transaction.atomic():
        _pass(enrolment, tree, tree.exam_lesson)
        raise RuntimeError("something after it failed")
    assert received == []
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None
