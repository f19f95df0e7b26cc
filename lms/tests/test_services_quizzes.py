from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.timezone import localtime

from courses.selectors.exams import question_competences
from lms.exceptions import LearningError
from lms.models import Attempt, FocusEvent
from lms.selectors import course_progress
from lms.services import (
    attempt_focus_loss_record,
    enrolment_create,
    quiz_answer_save,
    quiz_attempt_start,
    quiz_attempt_submit,
)
from lms.services.quizzes import attempt_expire_if_due
from lms.tests.content import blueprint, course_tree
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _start(enrolment, tree, lesson=None):
    lesson = lesson or tree.practice_lesson
    return quiz_attempt_start(
        enrolment=enrolment, lesson=lesson, activity_key=tree.quiz_key(lesson)
    )[0]


def _right(attempt, tree):
    return {q["question"]: tree.correct[q["question"]] for q in attempt.questions}


def _wrong(attempt, tree):
    return {q["question"]: [tree.wrong[q["question"]]] for q in attempt.questions}


def test_the_server_draws_the_configured_number_of_distinct_questions(enrolment, tree):
    attempt = _start(enrolment, tree)
    keys = [q["question"] for q in attempt.questions]
    assert len(keys) == 3 and len(set(keys)) == 3
    assert set(keys) <= set(tree.correct)


def test_an_exam_draws_by_its_blueprint_not_by_the_competence_filter(home_page, learner):
    tree = course_tree(
        home_page,
        exam={"competences": "4.1", "question_count": 10, "blueprint": blueprint(("4.2", 1, 3))},
    )
    enrolment = enrolment_create(learner=learner, course=tree.course, source="self")
    attempt = _start(enrolment, tree, tree.exam_lesson)
    # The exam bank alternates 4.1 and 4.2: three of its six questions are 4.2.
    drawn = {q["question"] for q in attempt.questions}
    assert len(drawn) == 3
    assert set(question_competences(keys=list(drawn)).values()) == {"4.2"}


def test_a_quiz_drawn_from_an_empty_selection_is_refused_clearly(home_page, learner):
    tree = course_tree(home_page, practice={"difficulty": "3"})
    enrolment = enrolment_create(learner=learner, course=tree.course, source="self")
    with pytest.raises(LearningError) as error:
        _start(enrolment, tree)
    assert error.value.code == "no_questions"


def test_all_right_answers_pass_and_are_graded_on_the_server(enrolment, tree):
    attempt = _start(enrolment, tree)
    attempt, first = quiz_attempt_submit(attempt=attempt, answers=_right(attempt, tree))
    assert first is True
    assert (attempt.score, attempt.max_score, attempt.passed) == (3, 3, True)


def test_wrong_answers_fail(enrolment, tree):
    attempt = _start(enrolment, tree)
    attempt, _ = quiz_attempt_submit(attempt=attempt, answers=_wrong(attempt, tree))
    assert (attempt.score, attempt.passed) == (0, False)


def test_a_second_tab_resumes_the_open_attempt(enrolment, tree):
    first = _start(enrolment, tree)
    second, created = quiz_attempt_start(
        enrolment=enrolment,
        lesson=tree.practice_lesson,
        activity_key=tree.quiz_key(tree.practice_lesson),
    )
    assert created is False and second.pk == first.pk
    assert Attempt.objects.count() == 1


def test_double_submission_counts_once(enrolment, tree):
    attempt = _start(enrolment, tree)
    quiz_attempt_submit(attempt=attempt, answers=_wrong(attempt, tree))
    again, first = quiz_attempt_submit(attempt=attempt, answers=_right(attempt, tree))
    assert first is False
    assert again.score == 0


def test_a_tampered_question_id_is_refused_and_nothing_saved(enrolment, tree):
    attempt = _start(enrolment, tree)
    outside = next(k for k in tree.correct if k not in {q["question"] for q in attempt.questions})
    with pytest.raises(LearningError) as error:
        quiz_answer_save(attempt=attempt, answers={outside: tree.correct[outside]})
    assert error.value.code == "foreign_question"
    attempt.refresh_from_db()
    assert attempt.answers == {}


def test_a_tampered_choice_id_is_refused(enrolment, tree):
    attempt = _start(enrolment, tree)
    question = attempt.questions[0]["question"]
    with pytest.raises(LearningError) as error:
        quiz_attempt_submit(attempt=attempt, answers={question: ["not-a-choice"]})
    assert error.value.code == "foreign_choice"
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.OPEN


def test_a_choice_of_another_question_is_refused(enrolment, tree):
    attempt = _start(enrolment, tree)
    first, second = attempt.questions[0]["question"], attempt.questions[1]["question"]
    with pytest.raises(LearningError) as error:
        quiz_answer_save(attempt=attempt, answers={first: tree.correct[second]})
    assert error.value.code == "foreign_choice"


def test_two_answers_to_a_single_choice_question_are_refused(enrolment, tree):
    attempt = _start(enrolment, tree)
    question = attempt.questions[0]
    with pytest.raises(LearningError) as error:
        quiz_answer_save(attempt=attempt, answers={question["question"]: question["choices"][:2]})
    assert error.value.code == "too_many_choices"


def test_answers_of_another_attempt_are_refused(home_page, tree, enrolment):
    other = enrolment_create(learner=UserFactory(), course=tree.course, source="self")
    theirs = _start(other, tree, tree.exam_lesson)
    mine = _start(enrolment, tree)
    foreign = {
        q["question"]: tree.correct[q["question"]]
        for q in theirs.questions
        if q["question"] not in {m["question"] for m in mine.questions}
    }
    with pytest.raises(LearningError):
        quiz_answer_save(attempt=mine, answers=foreign)


def test_the_attempt_limit_is_enforced(home_page, learner):
    tree = course_tree(home_page, practice={"max_attempts": 1})
    enrolment = enrolment_create(learner=learner, course=tree.course, source="self")
    attempt = _start(enrolment, tree)
    quiz_attempt_submit(attempt=attempt, answers=_wrong(attempt, tree))
    with pytest.raises(LearningError) as error:
        _start(enrolment, tree)
    assert error.value.code == "attempt_limit"


def test_the_cooldown_is_enforced_and_says_how_long_to_wait(home_page, learner):
    tree = course_tree(home_page, practice={"cooldown_minutes": 30})
    enrolment = enrolment_create(learner=learner, course=tree.course, source="self")
    attempt = _start(enrolment, tree)
    quiz_attempt_submit(attempt=attempt, answers=_wrong(attempt, tree))
    with pytest.raises(LearningError) as error:
        _start(enrolment, tree)
    assert error.value.code == "cooldown"
    attempt.refresh_from_db()
    when = localtime(attempt.submitted_at + timedelta(minutes=30))
    assert f"at {when:%H:%M}" in error.value.message


def test_the_cooldown_ends(home_page, learner):
    tree = course_tree(home_page, practice={"cooldown_minutes": 30})
    enrolment = enrolment_create(learner=learner, course=tree.course, source="self")
    attempt = _start(enrolment, tree)
    quiz_attempt_submit(attempt=attempt, answers=_wrong(attempt, tree))
    Attempt.objects.update(submitted_at=timezone.now() - timedelta(minutes=31))
    assert _start(enrolment, tree).number == 2


def test_best_attempt_policy_keeps_a_pass_after_a_later_failure(enrolment, tree):
    attempt = _start(enrolment, tree)
    quiz_attempt_submit(attempt=attempt, answers=_right(attempt, tree))
    attempt = _start(enrolment, tree)
    quiz_attempt_submit(attempt=attempt, answers=_wrong(attempt, tree))
    result = course_progress(enrolment=enrolment).results[tree.quiz_key(tree.practice_lesson)]
    assert result.passed is True and result.counting.number == 1


def test_last_attempt_policy_counts_the_later_failure(home_page, learner):
    tree = course_tree(home_page, practice={"grading_policy": "last"})
    enrolment = enrolment_create(learner=learner, course=tree.course, source="self")
    attempt = _start(enrolment, tree)
    quiz_attempt_submit(attempt=attempt, answers=_right(attempt, tree))
    attempt = _start(enrolment, tree)
    quiz_attempt_submit(attempt=attempt, answers=_wrong(attempt, tree))
    result = course_progress(enrolment=enrolment).results[tree.quiz_key(tree.practice_lesson)]
    assert result.passed is False and result.counting.number == 2


def test_an_exam_has_a_server_deadline(enrolment, tree):
    attempt = _start(enrolment, tree, tree.exam_lesson)
    assert attempt.exam is True
    assert attempt.deadline - attempt.started_at == timedelta(minutes=30)


def test_exam_answers_are_saved_as_the_learner_goes_and_kept_on_resume(enrolment, tree):
    attempt = _start(enrolment, tree, tree.exam_lesson)
    first = attempt.questions[0]["question"]
    quiz_answer_save(attempt=attempt, answers={first: tree.correct[first]})
    resumed = _start(enrolment, tree, tree.exam_lesson)
    assert resumed.pk == attempt.pk
    assert resumed.answers == {first: sorted(tree.correct[first])}


def test_submission_after_the_deadline_is_refused_and_only_saved_answers_count(enrolment, tree):
    attempt = _start(enrolment, tree, tree.exam_lesson)
    first = attempt.questions[0]["question"]
    quiz_answer_save(attempt=attempt, answers={first: tree.correct[first]})
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    with pytest.raises(LearningError) as error:
        quiz_attempt_submit(attempt=attempt, answers=_right(attempt, tree))
    assert error.value.code == "deadline"
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.EXPIRED
    assert attempt.score == 1


def test_saving_after_the_deadline_is_refused(enrolment, tree):
    attempt = _start(enrolment, tree, tree.exam_lesson)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    with pytest.raises(LearningError) as error:
        quiz_answer_save(attempt=attempt, answers=_right(attempt, tree))
    assert error.value.code == "deadline"


def test_an_overdue_exam_is_closed_when_opened_again(enrolment, tree):
    attempt = _start(enrolment, tree, tree.exam_lesson)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    attempt.refresh_from_db()
    assert attempt_expire_if_due(attempt=attempt) is True
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.EXPIRED and attempt.passed is False


def test_focus_loss_is_recorded_for_an_open_exam_only(enrolment, tree):
    exam = _start(enrolment, tree, tree.exam_lesson)
    practice = _start(enrolment, tree)
    assert attempt_focus_loss_record(attempt=exam, kind="hidden") is True
    assert attempt_focus_loss_record(attempt=practice, kind="hidden") is False
    assert FocusEvent.objects.filter(attempt=exam).count() == 1


def test_an_exam_cannot_be_taken_with_a_helper(enrolment, tree):
    with pytest.raises(LearningError) as error:
        quiz_attempt_start(
            enrolment=enrolment,
            lesson=tree.exam_lesson,
            activity_key=tree.quiz_key(tree.exam_lesson),
            assisted=True,
        )
    assert error.value.code == "exam_assisted"


def test_an_unknown_activity_is_refused(enrolment, tree):
    with pytest.raises(LearningError) as error:
        quiz_attempt_start(enrolment=enrolment, lesson=tree.practice_lesson, activity_key="nope")
    assert error.value.code == "no_activity"
