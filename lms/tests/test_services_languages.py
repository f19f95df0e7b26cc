"""Progress and attempts belong to the course, not to one language version."""

import pytest
from wagtail.models import Locale

from courses.models import LessonPage, Question
from lms.selectors import course_progress, dashboard_courses
from lms.selectors.quizzes import attempt_questions
from lms.services import lesson_progress_record, quiz_attempt_start, quiz_attempt_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def dutch(tree):
    """The Dutch version of the course, lessons and questions, published."""
    nl = Locale.objects.get(language_code="nl")
    lessons = []
    for lesson in tree.lessons:
        copy = lesson.copy_for_translation(nl, copy_parents=True)
        copy.title = f"Les {lesson.title[-1]}"
        copy.save_revision().publish()
        lessons.append(LessonPage.objects.get(pk=copy.pk))
    for question in Question.objects.filter(locale__language_code="en"):
        copy = question.copy_for_translation(nl)
        copy.prompt = "NL: " + question.prompt
        copy.save()
    for page in lessons[0].get_ancestors().specific():
        if not page.live:
            page.save_revision().publish()
    return lessons


def test_a_lesson_done_in_english_counts_in_the_dutch_course(enrolment, tree, dutch):
    lesson_progress_record(
        enrolment=enrolment, lesson=tree.lessons[0], event="completed", idempotency_key="en"
    )
    lesson_progress_record(
        enrolment=enrolment, lesson=dutch[0], event="completed", idempotency_key="nl"
    )
    nl_course = dutch[0].get_parent().get_parent().specific
    progress = course_progress(enrolment=enrolment, course=nl_course)
    assert progress.steps_done == 1
    assert progress.is_completed(dutch[0])


def test_an_attempt_started_in_english_is_shown_and_graded_in_dutch(enrolment, tree, dutch):
    attempt, _ = quiz_attempt_start(
        enrolment=enrolment,
        lesson=tree.practice_lesson,
        activity_key=tree.quiz_key(tree.practice_lesson),
    )
    shown = attempt_questions(attempt=attempt, language="nl")
    assert all(q.prompt.startswith("NL: ") for q in shown)
    answers = {q["question"]: tree.correct[q["question"]] for q in attempt.questions}
    attempt, _ = quiz_attempt_submit(attempt=attempt, answers=answers)
    assert attempt.passed


def test_the_dashboard_shows_the_course_in_the_learner_s_language(enrolment, tree, dutch, learner):
    courses = dashboard_courses(learner=learner, language="nl")
    assert courses[0].course.locale.language_code == "nl"
    assert [x.title for x in courses[0].lessons][0].startswith("Les")
