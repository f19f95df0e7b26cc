"""Exams drawn by blueprint from an exam bank, practice kept apart, a cooldown
that doubles after every failed exam."""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import Question, QuestionBank
from courses.selectors.exams import question_competences
from lms.exceptions import LearningError
from lms.models import Attempt
from lms.services import enrolment_create, quiz_attempt_start, quiz_attempt_submit
from lms.tests.content import blueprint, course_tree

pytestmark = pytest.mark.django_db


def _start(enrolment, tree, lesson):
    return quiz_attempt_start(
        enrolment=enrolment, lesson=lesson, activity_key=tree.quiz_key(lesson)
    )[0]


def _fail(attempt, tree):
    wrong = {q["question"]: [tree.wrong[q["question"]]] for q in attempt.questions}
    return quiz_attempt_submit(attempt=attempt, answers=wrong)[0]


def _enrol(tree, learner):
    return enrolment_create(learner=learner, course=tree.course, source="self")


def test_a_practice_attempt_never_returns_an_exam_question(home_page, learner):
    tree = course_tree(home_page, practice={"question_count": 5, "max_attempts": None})
    enrolment = _enrol(tree, learner)
    exam_keys = {
        str(k)
        for k in Question.objects.filter(bank=tree.exam_bank).values_list(
            "translation_key", flat=True
        )
    }
    seen = set()
    for _ in range(10):
        attempt = _start(enrolment, tree, tree.practice_lesson)
        seen |= {q["question"] for q in attempt.questions}
        quiz_attempt_submit(attempt=attempt, answers={})
    assert seen and not seen & exam_keys


def test_a_practice_quiz_on_an_exam_bank_is_refused(home_page, learner):
    tree = course_tree(home_page)
    QuestionBank.objects.filter(pk=tree.practice_bank.pk).update(purpose="exam")
    enrolment = _enrol(tree, learner)
    with pytest.raises(LearningError) as error:
        _start(enrolment, tree, tree.practice_lesson)
    assert error.value.code == "practice_bank_mismatch"
    assert not Attempt.objects.exists()


def test_an_exam_on_a_practice_bank_is_refused(home_page, learner):
    tree = course_tree(home_page)
    QuestionBank.objects.filter(pk=tree.exam_bank.pk).update(purpose="practice")
    enrolment = _enrol(tree, learner)
    with pytest.raises(LearningError) as error:
        _start(enrolment, tree, tree.exam_lesson)
    assert error.value.code == "exam_bank_mismatch"
    assert "not set up correctly" in error.value.message
    assert not Attempt.objects.exists()


def test_an_exam_without_a_blueprint_is_refused(home_page, learner):
    tree = course_tree(home_page, exam={"blueprint": []})
    with pytest.raises(LearningError) as error:
        _start(_enrol(tree, learner), tree, tree.exam_lesson)
    assert error.value.code == "exam_bank_mismatch"


def test_an_exam_whose_bank_lacks_a_cell_draws_nothing(home_page, learner):
    # Three 4.1 questions in the bank, the blueprint asks for four.
    tree = course_tree(home_page, exam={"blueprint": blueprint(("4.1", 1, 4))})
    with pytest.raises(LearningError) as error:
        _start(_enrol(tree, learner), tree, tree.exam_lesson)
    assert error.value.code == "no_questions"
    assert not Attempt.objects.exists()


def test_an_exam_attempt_follows_the_blueprint_exactly(home_page, learner):
    tree = course_tree(
        home_page,
        exam={"question_count": 30, "blueprint": blueprint(("4.1", 1, 2), ("4.2", 1, 1))},
    )
    enrolment = _enrol(tree, learner)
    for _ in range(5):
        attempt = _start(enrolment, tree, tree.exam_lesson)
        keys = [q["question"] for q in attempt.questions]
        # The blueprint's sum, not question_count; no question twice.
        assert len(keys) == 3 == len(set(keys))
        codes = question_competences(keys=keys)
        assert Counter(codes[k] for k in keys) == {"4.1": 2, "4.2": 1}
        quiz_attempt_submit(attempt=attempt, answers={})


def _closed_at(attempt, moment):
    Attempt.objects.filter(pk=attempt.pk).update(submitted_at=moment)


@pytest.fixture
def frozen(monkeypatch):
    """Set the clock the services read (django.utils.timezone.now)."""

    def freeze(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return freeze


def test_the_exam_cooldown_doubles_after_each_failure_to_the_second(home_page, learner, frozen):
    tree = course_tree(home_page, exam={"cooldown_minutes": 10})
    enrolment = _enrol(tree, learner)
    t0 = timezone.now().replace(microsecond=0)
    frozen(t0)
    _closed_at(_fail(_start(enrolment, tree, tree.exam_lesson), tree), t0)

    # First failure: 10 minutes.
    frozen(t0 + timedelta(minutes=10) - timedelta(seconds=1))
    with pytest.raises(LearningError) as error:
        _start(enrolment, tree, tree.exam_lesson)
    assert error.value.code == "cooldown"
    frozen(t0 + timedelta(minutes=10))
    second = _start(enrolment, tree, tree.exam_lesson)
    t1 = t0 + timedelta(minutes=10)
    _closed_at(_fail(second, tree), t1)

    # Second failure: 20 minutes.
    frozen(t1 + timedelta(minutes=20) - timedelta(seconds=1))
    with pytest.raises(LearningError):
        _start(enrolment, tree, tree.exam_lesson)
    frozen(t1 + timedelta(minutes=20))
    third = _start(enrolment, tree, tree.exam_lesson)
    t2 = t1 + timedelta(minutes=20)
    _closed_at(_fail(third, tree), t2)

    # Third failure: 40 minutes.
    frozen(t2 + timedelta(minutes=40) - timedelta(seconds=1))
    with pytest.raises(LearningError):
        _start(enrolment, tree, tree.exam_lesson)
    frozen(t2 + timedelta(minutes=40))
    assert _start(enrolment, tree, tree.exam_lesson).number == 4


def test_a_practice_cooldown_does_not_grow(home_page, learner, frozen):
    tree = course_tree(home_page, practice={"cooldown_minutes": 10})
    enrolment = _enrol(tree, learner)
    t0 = timezone.now().replace(microsecond=0)
    for number in (1, 2):
        frozen(t0)
        attempt = _start(enrolment, tree, tree.practice_lesson)
        assert attempt.number == number
        _closed_at(_fail(attempt, tree), t0)
        frozen(t0 + timedelta(minutes=10) - timedelta(seconds=1))
        with pytest.raises(LearningError):
            _start(enrolment, tree, tree.practice_lesson)
        t0 = t0 + timedelta(minutes=10)
    # Two failures, still ten minutes (an exam would wait twenty).
    frozen(t0)
    assert _start(enrolment, tree, tree.practice_lesson).number == 3


def test_the_demo_learner_passes_the_final_exam_through_the_services(home_page, learner):
    from lms.demo import exam_pass_seed

    tree = course_tree(home_page)
    assert exam_pass_seed(learner=learner, course=tree.course) is True
    attempt = Attempt.objects.get(exam=True)
    assert attempt.passed and attempt.score == attempt.max_score == 4
    assert exam_pass_seed(learner=learner, course=tree.course) is True  # once
    assert Attempt.objects.filter(exam=True).count() == 1


def test_the_demo_exam_is_not_passed_when_the_exam_is_misconfigured(home_page, learner):
    from lms.demo import exam_pass_seed

    tree = course_tree(home_page)
    QuestionBank.objects.filter(pk=tree.exam_bank.pk).update(purpose="practice")
    assert exam_pass_seed(learner=learner, course=tree.course) is False
