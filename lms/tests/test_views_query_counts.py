"""The signed-in lesson page and the progress write cost the same number of
queries whatever the length of the course (5 or 200 lessons) and however far
the learner is: at most 10 and 6 (issue 21)."""

import pytest
from django.db import connection
from django.urls import reverse
from wagtail.models import Locale
from wagtail.rich_text import RichText

from courses.models import CatalogPage, CoursePage, LessonPage, ModulePage, QuestionBank
from lms.models import Enrolment, ProgressEvent
from lms.services import enrolment_create, lesson_progress_record
from lms.tests.budgets import ROLES_QUERY
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


@pytest.fixture(params=[5, 200], ids=["5-lessons", "200-lessons"])
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


# The session comes from the cache (cached_db), and so do Wagtail's routing
# (address -> page, site and view restrictions, under the page-tree version),
# the course's lessons, the lesson's place and neighbours, the language
# switcher's translations of the page and the site settings of the footer.
# The live page itself is kept by the process under the same version, with
# the quiz's question bank (the StreamField's snippet) it read when rendered.
# Left, on PostgreSQL:
#  1. the user, with their groups (roles for the menu) and admin access
#     (userbar), in one query (lms.auth_backends);
#  2. the enrolment with its course, and whether a helper's live session is open;
#  3. one round trip: the learner's events in the course (lessons completed and
#     viewed), the attempts and the view record, an UPDATE sent along (only a
#     first view also inserts its event and xAPI statement, a round trip of its
#     own; nothing is written when the enrolment already points at this lesson
#     since a minute at most: a reload).
LESSON_PAGE_QUERIES = 3
# The embedded SQLite takes one statement per query: the user, the enrolment,
# the events, the attempts, the UPDATE (not on a reload), the groups
# (ROLES_QUERY).
LESSON_PAGE_QUERIES_SQLITE = 5 + ROLES_QUERY


def _moves(queries) -> list[str]:
    return [q["sql"] for q in queries if "UPDATE" in q["sql"] and "last_lesson_key" in q["sql"]]


def test_the_lesson_page_queries_do_not_grow_with_the_course(
    client, learner, course_in_progress, django_assert_num_queries
):
    _enrolment, lessons = course_in_progress
    client.force_login(learner)
    page = lessons[LESSONS_PER_MODULE - 1]  # with a quiz block
    client.get(page.url)  # the first view is also recorded as an event
    client.get(lessons[0].url)  # then another lesson: the last one opened
    postgresql = connection.vendor == "postgresql"
    budget = LESSON_PAGE_QUERIES if postgresql else LESSON_PAGE_QUERIES_SQLITE
    with django_assert_num_queries(budget) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    assert "Mark as done" in response.content.decode()
    assert len(_moves(queries)) == 1
    if postgresql:  # the move went with the reads
        assert "FROM lms_progressevent" in _moves(queries)[0]
    # A reload a moment later has nothing to write.
    with django_assert_num_queries(budget if postgresql else budget - 1) as queries:
        response = client.get(page.url)
    assert "Mark as done" in response.content.decode()
    assert _moves(queries) == []


# The session from the cache; the lesson (live), its course and the next lesson
# from the course's kept lessons and the lesson's kept place.
#  1. the user;
#  2. the enrolment, and whether a helper's live session is open;
#  3. one round trip (no transaction, no savepoint): the enrolment's last
#     lesson, the event (INSERT ... ON CONFLICT DO NOTHING: exactly once) and,
#     only when it is new, its xAPI statement, in one statement; then the
#     completion rule's first test (is a required lesson still not done?) as a
#     second statement sent along.
PROGRESS_WRITE_QUERIES = 3
# The embedded SQLite takes the portable path: the same reads, then the write in
# a transaction with a savepoint around the event (BEGIN, SAVEPOINT, INSERT,
# RELEASE, UPDATE, xAPI INSERT, COMMIT).
PROGRESS_WRITE_QUERIES_SQLITE = 10


def test_the_progress_write_queries_do_not_grow_with_the_course(
    client, learner, course_in_progress, django_assert_num_queries
):
    enrolment, lessons = course_in_progress
    client.force_login(learner)
    # Wagtail's site root paths are cached after the first request.
    client.post(reverse("lms:lesson_complete", args=[lessons[2].pk]))
    lesson = lessons[3]
    # As a learner does: the lesson is read, then marked done (its place in
    # the course is then kept under the page-tree version).
    client.get(lesson.url)
    budget = (
        PROGRESS_WRITE_QUERIES
        if connection.vendor == "postgresql"
        else PROGRESS_WRITE_QUERIES_SQLITE
    )
    with django_assert_num_queries(budget):
        response = client.post(reverse("lms:lesson_complete", args=[lesson.pk]))
    assert response.status_code == 302
    assert response["Location"] == lessons[4].url
    assert ProgressEvent.objects.filter(
        enrolment=enrolment, kind="completed", lesson_key=lesson.translation_key
    ).exists()
    # A second click (the back button, another tab) counts once and reads
    # nothing back: the same round trips, the same way on.
    with django_assert_num_queries(budget):
        again = client.post(reverse("lms:lesson_complete", args=[lesson.pk]))
    assert again["Location"] == lessons[4].url
    assert (
        ProgressEvent.objects.filter(
            enrolment=enrolment, kind="completed", lesson_key=lesson.translation_key
        ).count()
        == 1
    )


def test_the_exact_progress_counts_every_lesson_of_a_long_course(
    client, learner, course_in_progress
):
    _enrolment, lessons = course_in_progress
    client.force_login(learner)
    body = client.get(lessons[0].url).content.decode()
    # Two lessons done out of n lessons plus one required quiz per module.
    steps = len(lessons) + len(lessons) // LESSONS_PER_MODULE
    assert f'aria-valuenow="{100 * 2 // steps}"' in body
