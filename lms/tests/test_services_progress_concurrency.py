"""Two tabs (or a double click) record the same first view or the same "mark as
done" at the same moment, on PostgreSQL, where each is one statement (INSERT
... ON CONFLICT DO NOTHING): one event and one xAPI statement, never two."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from courses.selectors import course_required_lessons_missing, course_required_lessons_missing_sql
from lms.models import Enrolment, ProgressEvent, Statement
from lms.services import (
    enrolment_create,
    lesson_progress_record,
    lesson_view_record,
    quiz_attempt_start,
    quiz_attempt_submit,
)
from lms.signals import course_completed
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"


@pytest.fixture
def enrolment(home_page):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writes are tested on PostgreSQL (CI runs it)")
    tree = course_tree(home_page)
    learner = UserFactory(preferred_language="en")
    enrolment = enrolment_create(learner=learner, course=tree.course, source="self")
    return enrolment, tree


def _at_once(record, times: int = 2) -> list:
    """`record()` in `times` threads (each its own connection), released
    together; each holds its transaction open a moment after writing, so the
    others write while the first event is not committed yet."""
    barrier = threading.Barrier(times)
    errors: list = []

    def run() -> None:
        try:
            barrier.wait(timeout=10)
            with transaction.atomic():
                record()
                time.sleep(0.2)
        except Exception as error:  # noqa: BLE001  (reported by the test)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


def test_two_first_views_at_once_record_one_event_and_one_statement(enrolment):
    enrolment, tree = enrolment
    lesson = tree.lessons[1]

    def view():
        # Each request reads its own copy of the enrolment (as the hook does).
        lesson_view_record(enrolment=Enrolment.objects.get(pk=enrolment.pk), lesson=lesson)

    assert _at_once(view, times=3) == []
    assert ProgressEvent.objects.filter(enrolment=enrolment, kind="viewed").count() == 1
    assert Statement.objects.filter(verb=EXPERIENCED).count() == 1
    enrolment.refresh_from_db()
    assert enrolment.last_lesson_key == lesson.translation_key


def test_a_double_click_on_mark_as_done_records_one_event_and_one_statement(enrolment):
    enrolment, tree = enrolment
    lesson = tree.lessons[0]

    def done():
        lesson_progress_record(
            enrolment=Enrolment.objects.select_related("learner", "course").get(pk=enrolment.pk),
            lesson=lesson,
            event="completed",
            idempotency_key=f"completed:{lesson.translation_key}",
        )

    assert _at_once(done, times=3) == []
    assert ProgressEvent.objects.filter(enrolment=enrolment, kind="completed").count() == 1
    assert Statement.objects.filter(verb=COMPLETED).count() == 1


def test_a_first_view_on_postgresql_is_one_statement(enrolment, django_assert_num_queries):
    enrolment, tree = enrolment
    lesson = tree.lessons[2]
    with django_assert_num_queries(1):
        lesson_view_record(enrolment=enrolment, lesson=lesson)
    # A replay (another tab, the first_view hint missing) is the same one statement.
    with django_assert_num_queries(1):
        lesson_view_record(enrolment=enrolment, lesson=lesson)
    assert ProgressEvent.objects.filter(enrolment=enrolment, kind="viewed").count() == 1
    statement = Statement.objects.get(verb=EXPERIENCED)
    assert statement.learner_id == enrolment.learner_id
    assert statement.object_id.endswith(f"/lesson/{lesson.translation_key}")
    assert statement.course_key == enrolment.course_key


def _pass(enrolment, tree, lesson):
    attempt, _ = quiz_attempt_start(
        enrolment=enrolment, lesson=lesson, activity_key=tree.quiz_key(lesson)
    )
    answers = {q["question"]: tree.correct[q["question"]] for q in attempt.questions}
    quiz_attempt_submit(attempt=attempt, answers=answers)


def test_the_last_two_lessons_done_at_once_complete_the_course_once(enrolment):
    enrolment, tree = enrolment
    received: list = []

    def receiver(sender, **kwargs):
        received.append(kwargs["enrolment_id"])

    course_completed.connect(receiver)
    try:
        _pass(enrolment, tree, tree.practice_lesson)
        _pass(enrolment, tree, tree.exam_lesson)
        *first, last_but_one, last = tree.lessons
        for lesson in first:
            lesson_progress_record(
                enrolment=enrolment,
                lesson=lesson,
                event="completed",
                idempotency_key=str(lesson.pk),
            )
        enrolment.refresh_from_db()
        assert enrolment.completed_at is None
        lessons = iter([last_but_one, last])
        lock = threading.Lock()

        def done():
            with lock:
                lesson = next(lessons)
            lesson_progress_record(
                enrolment=Enrolment.objects.select_related("learner", "course").get(
                    pk=enrolment.pk
                ),
                lesson=lesson,
                event="completed",
                idempotency_key=str(lesson.pk),
            )

        # Each in a transaction held open after its write: the later one waits
        # for the other's enrolment row, so its check sees both lessons done.
        assert _at_once(done) == []
    finally:
        course_completed.disconnect(receiver)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert received == [enrolment.pk]
    assert Statement.objects.filter(verb=COMPLETED, object_id__contains="/course/").count() == 1


def test_the_last_lesson_done_in_autocommit_completes_the_course(enrolment):
    enrolment, tree = enrolment
    _pass(enrolment, tree, tree.practice_lesson)
    _pass(enrolment, tree, tree.exam_lesson)
    for lesson in tree.lessons:
        enrolment.refresh_from_db()
        assert enrolment.completed_at is None
        lesson_progress_record(
            enrolment=enrolment, lesson=lesson, event="completed", idempotency_key=str(lesson.pk)
        )
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED


def test_the_required_lessons_check_in_sql_agrees_with_the_orm(enrolment):
    enrolment, tree = enrolment
    done_sql = "SELECT lesson_key FROM lms_progressevent WHERE enrolment_id = %s AND kind = %s"

    def both():
        done = ProgressEvent.objects.filter(enrolment=enrolment, kind="completed").values(
            "lesson_key"
        )
        orm = course_required_lessons_missing(course=enrolment.course, done_keys=done)
        sql, params = course_required_lessons_missing_sql(
            course=enrolment.course,
            done_keys_sql=done_sql,
            done_keys_params=[enrolment.pk, "completed"],
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return orm, bool(cursor.fetchone()[0])

    assert both() == (True, True)
    for lesson in tree.lessons[:-1]:
        ProgressEvent.objects.create(
            enrolment=enrolment,
            lesson_key=lesson.translation_key,
            kind="completed",
            idempotency_key=f"x{lesson.pk}",
        )
        assert both() == (True, True)
    ProgressEvent.objects.create(
        enrolment=enrolment,
        lesson_key=tree.lessons[-1].translation_key,
        kind="viewed",
        idempotency_key="v",
    )
    assert both() == (True, True)
    ProgressEvent.objects.create(
        enrolment=enrolment,
        lesson_key=tree.lessons[-1].translation_key,
        kind="completed",
        idempotency_key="y",
    )
    assert both() == (False, False)
