"""Learning-engine scenarios: the progress-event write and the lesson page,
signed in as enrolled learners, on a database holding 100,000 learners and
1,000,000 progress events (generated with SQL, once)."""

import random
import secrets

from benchmarks.people import users_insert
from benchmarks.scenarios import Scenario

LEARNERS = 100_000
EVENTS_PER_LEARNER = 10
MODULES, LESSONS_PER_MODULE = 10, 20
SLUG = "bench-course"
SIGNED_IN = 32  # learners driving the load; fresh ones for every run


def _course():
    from django.db import transaction
    from wagtail.models import Locale
    from wagtail.rich_text import RichText

    from courses.models import (
        CatalogPage,
        CoursePage,
        DigCompCompetence,
        HomePage,
        LessonPage,
        ModulePage,
        Question,
        QuestionBank,
    )
    from courses.services import site_bootstrap

    site_bootstrap()
    course = CoursePage.objects.filter(slug=SLUG).first()
    if course is not None:
        return course
    with transaction.atomic():
        home = HomePage.objects.get(locale__language_code="en")
        catalog = CatalogPage.objects.child_of(home).first() or home.add_child(
            instance=CatalogPage(title="Courses", slug="courses")
        )
        course = catalog.add_child(
            instance=CoursePage(
                title="Benchmark course",
                slug=SLUG,
                track="security",
                audience="adults",
                summary="A course with 200 lessons for the load tests.",
            )
        )
        locale = Locale.objects.get(language_code="en")
        bank = QuestionBank.objects.create(title="Benchmark bank", locale=locale)
        competence = DigCompCompetence.objects.get(code="4.1")
        for n in range(10):
            Question.objects.create(
                bank=bank,
                locale=locale,
                prompt=f"Question {n}?",
                competence=competence,
                choices=[
                    ("choice", {"text": "Yes", "correct": True, "feedback": ""}),
                    ("choice", {"text": "No", "correct": False, "feedback": ""}),
                ],
            )
        text = "<p>" + "A paragraph of lesson text about staying safe online. " * 20 + "</p>"
        for m in range(MODULES):
            module = course.add_child(instance=ModulePage(title=f"Module {m}", slug=f"m{m}"))
            for n in range(LESSONS_PER_MODULE):
                body = [("heading", f"Part {n}"), ("paragraph", RichText(text))]
                if n == LESSONS_PER_MODULE - 1:
                    body.append(("quiz", {"title": "Check", "bank": bank, "question_count": 5}))
                module.add_child(
                    instance=LessonPage(title=f"Lesson {m}.{n}", slug=f"l{n}", body=body)
                )
    return CoursePage.objects.get(pk=course.pk)


def _volume() -> None:
    """100,000 learners enrolled in the course with 10 completed lessons each."""
    from django.db import connection

    from courses.models import LessonPage

    course = _course()
    keys = [
        str(k)
        for k in LessonPage.objects.descendant_of(course)
        .order_by("path")
        .values_list("translation_key", flat=True)
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM lms_user WHERE username LIKE 'bench-%%'")
        if cursor.fetchone()[0] < LEARNERS:
            users_insert(
                cursor, prefix="bench-", count=LEARNERS, name="Bench learner ", language="en"
            )
            cursor.execute(
                """
                INSERT INTO lms_enrolment (learner_id, course_key, course_id, source, status,
                    enrolled_at)
                SELECT u.id, %s, %s, 'self', 'active', now()
                FROM lms_user u WHERE u.username LIKE 'bench-%%'
                ON CONFLICT DO NOTHING
                """,
                [str(course.translation_key), course.pk],
            )
            cursor.execute(
                """
                INSERT INTO lms_progressevent (enrolment_id, lesson_key, kind, idempotency_key,
                    assisted, created_at)
                SELECT e.id, k.key, 'completed', 'completed:' || k.key::text, false, now()
                FROM lms_enrolment e
                CROSS JOIN generate_series(0, %s - 1) n
                CROSS JOIN LATERAL (
                    SELECT (%s::uuid[])[1 + ((e.id + n) %% %s)] AS key
                ) k
                WHERE e.course_id = %s
                ON CONFLICT DO NOTHING
                """,
                [EVENTS_PER_LEARNER, keys, len(keys), course.pk],
            )
            cursor.execute("ANALYZE lms_user, lms_enrolment, lms_progressevent")


def _signed_in_headers(*, post: bool) -> list[dict]:
    """A session (and CSRF token) for each of SIGNED_IN randomly chosen learners."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from lms.models import User

    # The engine the server reads (config.sessions: cached_db with a shared cache).
    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore  # noqa: N806
    names = [f"bench-{n}" for n in random.sample(range(1, LEARNERS + 1), SIGNED_IN)]
    headers = []
    for user in User.objects.filter(username__in=names):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        token = secrets.token_hex(16)  # a 32-character CSRF secret
        cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
        if post:
            cookie += f"; {settings.CSRF_COOKIE_NAME}={token}"
        row = {"Cookie": cookie}
        if post:
            row["X-CSRFToken"] = token
        headers.append(row)
    return headers


def _lessons():
    from courses.models import LessonPage

    return list(LessonPage.objects.filter(slug__startswith="l", path__startswith=_course().path))


def _done_paths() -> list[str]:
    lessons = _lessons()
    random.shuffle(lessons)
    return [f"/en/learning/lessons/{lesson.pk}/done/" for lesson in lessons]


def _lesson_paths() -> list[str]:
    lessons = _lessons()
    random.shuffle(lessons)
    return [lesson.url for lesson in lessons]


LEARNING_SCENARIOS = [
    Scenario(
        "progress_write",
        "mark a lesson done (POST, signed in; 100k learners, 1M progress rows)",
        _done_paths,
        _volume,
        method="POST",
        headers=lambda: _signed_in_headers(post=True),
    ),
    Scenario(
        "lesson",
        "lesson page of a 200-lesson course (signed in, enrolled, progress shown)",
        _lesson_paths,
        _volume,
        headers=lambda: _signed_in_headers(post=False),
    ),
]
