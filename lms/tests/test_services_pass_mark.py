"""A score exactly at the pass mark passes, one point below fails: in the quiz
grader (quizzes and exams) and in the grader of reported results (H5P,
puzzles). A `>=` turned into `>` fails these tests."""

import pytest

from lms.services import activity_result_record, quiz_attempt_start, quiz_attempt_submit

pytestmark = pytest.mark.django_db


def _exam(enrolment, tree):
    return quiz_attempt_start(
        enrolment=enrolment,
        lesson=tree.exam_lesson,
        activity_key=tree.quiz_key(tree.exam_lesson),
    )[0]


@pytest.mark.parametrize(("right", "passed"), [(3, True), (2, False)])
def test_the_quiz_grader_passes_exactly_at_the_pass_mark(home_page, learner, right, passed):
    from lms.services import enrolment_create
    from lms.tests.content import course_tree

    # Four questions at 75 %: three right is exactly the pass mark.
    tree = course_tree(home_page, exam={"pass_mark_percent": 75})
    enrolment = enrolment_create(learner=learner, course=tree.course, source="self")
    attempt = _exam(enrolment, tree)
    assert len(attempt.questions) == 4
    answers = {
        q["question"]: tree.correct[q["question"]] if n < right else [tree.wrong[q["question"]]]
        for n, q in enumerate(attempt.questions)
    }
    attempt, _first = quiz_attempt_submit(attempt=attempt, answers=answers)
    assert (attempt.score, attempt.max_score) == (right, 4)
    assert attempt.passed is passed


@pytest.mark.parametrize("source", ["h5p", "puzzle"])
@pytest.mark.parametrize(("score", "passed"), [(7, True), (6, False)])
def test_the_result_grader_passes_exactly_at_the_pass_mark(enrolment, tree, source, score, passed):
    attempt, _created = activity_result_record(
        enrolment=enrolment,
        lesson=tree.lessons[0],
        activity_key=f"{source}-level",
        source=source,
        score=score,
        max_score=10,
        pass_mark_percent=70,
        idempotency_key=f"{source}-{score}",
    )
    assert attempt.passed is passed


@pytest.mark.parametrize(
    ("score", "max_score", "pass_mark", "passed"),
    [
        (3, 4, 75, True),  # exactly at the mark
        (2, 4, 75, False),  # one below
        (2, 3, 67, False),  # 66.7 % rounds nothing up
        (0, 5, 0, True),  # no pass mark: any score passes
        (10, 10, 100, True),
        (9, 10, 100, False),
    ],
)
def test_the_one_pass_mark_rule_passes_at_the_mark_and_not_below(
    score, max_score, pass_mark, passed
):
    from lms.services.learning import pass_mark_met

    assert pass_mark_met(score=score, max_score=max_score, pass_mark_percent=pass_mark) is passed


def test_the_pass_mark_rule_is_pure_arithmetic(django_assert_num_queries):
    from lms.services.learning import pass_mark_met

    with django_assert_num_queries(0):
        assert pass_mark_met(score=3, max_score=4, pass_mark_percent=75)


def test_a_reported_result_is_recorded_in_one_transaction(enrolment, tree):
    """The attempt, its statement and the completion it may bring are written
    together or not at all: the service opens its own transaction (a savepoint
    inside the test's), first statement to last."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        activity_result_record(
            enrolment=enrolment,
            lesson=tree.lessons[0],
            activity_key="h5p-level",
            source="h5p",
            score=7,
            max_score=10,
            pass_mark_percent=70,
            idempotency_key="h5p-atomic",
        )
    statements = [q["sql"] for q in queries.captured_queries]
    assert statements[0].startswith("SAVEPOINT")
    assert statements[-1].startswith("RELEASE SAVEPOINT")
