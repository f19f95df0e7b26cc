"""The signed-in lesson page and the progress write cost the same number of
queries whatever the length of the course (5 or 50 lessons) and however far
the learner is."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.rich_text import RichText

from courses.models import CatalogPage, CoursePage, LessonPage, ModulePage, QuestionBank
from lms.models import Enrolment, ProgressEvent
from lms.services import enrolment_create, lesson_progress_record
from lms.tests.content import quiz

pytestmark = pytest.mark.django_db

LESSONS_PER_MODULE = 5


def _course(home, lessons: int) -> tuple[CoursePage, list[LessonPage]]:
    """A course of `lessons` lessons in modules of five; the last lesson of
    each module has a quiz."""
    catalog = CatalogPage.objects.child_of(home).first() or home.add_child(
        instance=CatalogPage(title="Courses", slug="courses")
    )
    course = catalog.add_child(
        instance=CoursePage(
            title=f"Course of {lessons}",
            slug=f"course-of-{lessons}",
            track="basic",
            audience="adults",
            summary="A course for counting queries.",
        )
    )
    bank = QuestionBank.objects.create(title="Bank", locale=Locale.objects.get(language_code="en"))
    pages = []
    for m in range(lessons // LESSONS_PER_MODULE):
        module = course.add_child(instance=ModulePage(title=f"Module {m}", slug=f"m{m}"))
        for n in range(LESSONS_PER_MODULE):
            body = [("paragraph", RichText(f"<p>Lesson {m}.{n}</p>"))]
            if n == LESSONS_PER_MODULE - 1:
                body.append(quiz(bank))
            pages.append(
                module.add_child(
                    instance=LessonPage(title=f"Lesson {m}.{n}", slug=f"l{n}", body=body)
                )
            )
    return CoursePage.objects.get(pk=course.pk), pages


@pytest.fixture(params=[5, 50], ids=["5-lessons", "50-lessons"])
def course_in_progress(request, home_page, learner):
    """An enrolled learner who finished the first two lessons."""
    course, lessons = _course(home_page, request.param)
    enrolment = enrolment_create(learner=learner, course=course, source=Enrolment.Source.SELF)
    for lesson in lessons[:2]:
        lesson_progress_record(
            enrolment=enrolment,
            lesson=lesson,
            event="completed",
            idempotency_key=f"completed:{lesson.translation_key}",
        )
    return enrolment, lessons


# Session, user, Wagtail's routing (a query and a `specific` query per level of
# the tree), view restrictions, the language switcher, the base template (with
# the user's roles for the menu, read once per request); ours:
# the enrolment with its course, the view record (update and idempotent read
# in a savepoint), the outline (one row per lesson, one query), completed
# lessons, attempts and the quiz's question bank. The navigation reads the
# person's roles once (links for teachers, helpers, partner staff, fund officers).
LESSON_PAGE_QUERIES = 34


def test_the_lesson_page_queries_do_not_grow_with_the_course(
    client, learner, course_in_progress, django_assert_num_queries
):
    _enrolment, lessons = course_in_progress
    client.force_login(learner)
    page = lessons[LESSONS_PER_MODULE - 1]  # with a quiz block
    client.get(page.url)  # the first view is also recorded as an event
    with django_assert_num_queries(LESSON_PAGE_QUERIES):
        response = client.get(page.url)
    assert response.status_code == 200
    assert "Mark as done" in response.content.decode()


# Session, user, the lesson, the enrolment with its course; in the transaction
# the enrolment update, the event insert (in a savepoint), the xAPI statement
# and one aggregate for the completion rule; whether a helper's live session
# is open (assisted work); then the next lesson.
PROGRESS_WRITE_QUERIES = 14


def test_the_progress_write_queries_do_not_grow_with_the_course(
    client, learner, course_in_progress, django_assert_num_queries
):
    enrolment, lessons = course_in_progress
    client.force_login(learner)
    # Wagtail's site root paths are cached after the first request.
    client.post(reverse("lms:lesson_complete", args=[lessons[2].pk]))
    lesson = lessons[3]
    with django_assert_num_queries(PROGRESS_WRITE_QUERIES):
        response = client.post(reverse("lms:lesson_complete", args=[lesson.pk]))
    assert response.status_code == 302
    assert response["Location"] == lessons[4].url
    assert ProgressEvent.objects.filter(
        enrolment=enrolment, kind="completed", lesson_key=lesson.translation_key
    ).exists()


def test_the_exact_progress_counts_every_lesson_of_a_long_course(
    client, learner, course_in_progress
):
    _enrolment, lessons = course_in_progress
    client.force_login(learner)
    body = client.get(lessons[0].url).content.decode()
    # Two lessons done out of n lessons plus one required quiz per module.
    steps = len(lessons) + len(lessons) // LESSONS_PER_MODULE
    assert f'aria-valuenow="{100 * 2 // steps}"' in body
