"""Enrolment, lesson progress, activity results and course completion.

Partners, vouchers, teachers, H5P and puzzles only call these functions; each
is safe to call twice with the same input (it counts once).
"""

import json
import uuid
from datetime import timedelta
from functools import lru_cache

from django.db import IntegrityError, connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from courses import selectors as content
from courses.models import CoursePage, LessonPage
from lms.exceptions import LearningError
from lms.models import ActivityState, Attempt, Enrolment, ProgressEvent, Statement, User
from lms.round_trips import execute_prepared, several_statements_per_execute
from lms.selectors.coaching import assisted_session_open
from lms.services.xapi import statement_build, statement_record, statements_forward_on_commit
from lms.signals import course_completed


def _check_lesson_of_enrolment(enrolment: Enrolment, lesson: LessonPage) -> None:
    # Fast path without a query: the lesson is in the tree of the enrolled page.
    if lesson.path.startswith(enrolment.course.path) and lesson.depth > enrolment.course.depth:
        return
    course = content.lesson_course(lesson=lesson)
    if course is None or course.translation_key != enrolment.course_key:
        raise LearningError(_("This lesson is not part of your course."), code="wrong_course")


def _check_not_puzzle_lesson(enrolment: Enrolment, lesson: LessonPage) -> None:
    # Kids' lessons are done by solving their puzzles on the server, never by a
    # click: in a kids-track course, or in any lesson that holds puzzles.
    if enrolment.course.track == "kids" or content.lesson_has_puzzles(lesson=lesson):
        raise LearningError(
            _("This lesson has no “mark as done”: it is done when you have solved its puzzles."),
            code="done_by_puzzles",
        )


def enrolment_check_active(enrolment: Enrolment) -> None:
    """Refuse work recorded on an enrolment the learner left."""
    if enrolment.status == Enrolment.Status.CANCELLED:
        raise LearningError(
            _("You left this course. Enrol again to continue."), code="enrolment_cancelled"
        )


@transaction.atomic
def enrolment_create(
    *,
    learner: User,
    course: CoursePage,
    source: str,
    enrolled_by: User | None = None,
) -> Enrolment:
    """Enrol `learner` in `course` (any language version). Idempotent: an
    existing enrolment is returned, a cancelled one is reopened."""
    if source not in Enrolment.Source.values:
        raise ValueError(f"unknown enrolment source {source!r}")
    if not course.live:
        raise LearningError(_("This course is not available."), code="course_not_live")
    if source == Enrolment.Source.SELF and not course.self_enrolment:
        raise LearningError(
            _("This course is open only through a partner, a teacher or a voucher."),
            code="self_enrolment_closed",
        )
    try:
        with transaction.atomic():
            enrolment, created = Enrolment.objects.get_or_create(
                learner=learner,
                course_key=course.translation_key,
                defaults={"course": course, "source": source, "enrolled_by": enrolled_by},
            )
    except IntegrityError:
        # Two requests raced; the other one created it.
        enrolment, created = (
            Enrolment.objects.get(learner=learner, course_key=course.translation_key),
            False,
        )
    if not created and enrolment.status == Enrolment.Status.CANCELLED:
        enrolment.status = Enrolment.Status.ACTIVE
        enrolment.cancelled_at = None
        enrolment.save(update_fields=["status", "cancelled_at"])
        created = True
    if created:
        puzzle_lessons_sync(enrolment=enrolment)
        statement_record(
            learner=learner,
            verb="registered",
            object_kind="course",
            object_key=course.translation_key,
            course_key=course.translation_key,
            name=course.title,
        )
        if enrolled_by is not None and enrolled_by.pk != learner.pk:
            audit_record(
                actor=enrolled_by,
                action="enrolment.create",
                target=enrolment,
                subject_user=learner,
                data={"source": source, "course": str(course.translation_key)},
            )
    return enrolment


@transaction.atomic
def enrolment_cancel(*, enrolment: Enrolment, cancelled_by: User) -> bool:
    """Leave a course. Progress is kept for a later return; a completed course
    stays completed. Returns False when there was nothing to cancel."""
    changed = Enrolment.objects.filter(pk=enrolment.pk, status=Enrolment.Status.ACTIVE).update(
        status=Enrolment.Status.CANCELLED, cancelled_at=timezone.now()
    )
    if not changed:
        return False
    enrolment.refresh_from_db()
    statement_record(
        learner=enrolment.learner,
        verb="exited",
        object_kind="course",
        object_key=enrolment.course_key,
        course_key=enrolment.course_key,
    )
    if cancelled_by.pk != enrolment.learner_id:
        audit_record(
            actor=cancelled_by,
            action="enrolment.cancel",
            target=enrolment,
            subject_user=enrolment.learner,
        )
    return True


# A later view of the lesson the enrolment already points at, this long at
# most after the last recorded activity, writes nothing: reloading or coming
# back to a lesson is a read, not a write and a commit per GET. What reads the
# two columns stays right: "continue where you left off" (last_lesson_key) is
# already this lesson, and last_activity_at is at most this old. Its readers
# (the dashboard's "newest activity first" and the personal-data export) need
# no finer clock than a minute; the idle-session clock (lms/idle.py) is kept
# in the session, at the same one-minute granularity.
LESSON_VIEW_WRITE_INTERVAL = timedelta(seconds=60)


def lesson_view_record(
    *,
    enrolment: Enrolment,
    lesson: LessonPage,
    first_view: bool | None = None,
    moved: bool = False,
) -> None:
    """The learner opened a lesson: remember it for "continue where you left
    off"; the first view is also a progress event and an xAPI statement.
    `first_view=False` (the caller read the learner's events in this request
    and this lesson was among the viewed ones) spares reading the event again:
    a later view is one UPDATE, none when the enrolment already points at this
    lesson since LESSON_VIEW_WRITE_INTERVAL at most, and on PostgreSQL a first
    view is one statement (the last lesson, the event once, its xAPI statement
    if new). `moved=True`: the caller sent `lesson_view_move`'s statement
    already (with its reads), so a later view writes nothing more."""
    if enrolment.status == Enrolment.Status.CANCELLED:
        return
    if first_view is not False and connection.vendor == "postgresql":
        _event_record_in_one_statement(
            enrolment=enrolment,
            lesson=lesson,
            kind=ProgressEvent.Kind.VIEWED,
            idempotency_key=f"viewed:{lesson.translation_key}",
            assisted=False,
            read_replay=False,
        )
        return
    now = timezone.now()
    if not moved:
        if first_view is False and _view_recorded_since(enrolment, lesson, now):
            return
        _enrolment_move(enrolment, lesson, now)
    if first_view is False:
        return
    with transaction.atomic():  # the event and its statement, or neither
        _event_create(
            enrolment=enrolment,
            lesson=lesson,
            kind=ProgressEvent.Kind.VIEWED,
            idempotency_key=f"viewed:{lesson.translation_key}",
            assisted=False,
        )


def lesson_view_move(*, enrolment: Enrolment, lesson: LessonPage) -> tuple[str, list] | None:
    """The statement (SQL and parameters) that records the learner at this
    lesson, for a caller to send along with its own reads (`course_progress`'s
    `then`) and then call `lesson_view_record(moved=True)`; None when the
    enrolment already says this lesson since LESSON_VIEW_WRITE_INTERVAL at
    most (nothing to write) or is cancelled. The enrolment object says the new
    place at once."""
    if enrolment.status == Enrolment.Status.CANCELLED:
        return None
    now = timezone.now()
    if _view_recorded_since(enrolment, lesson, now):
        return None
    statement = _enrolment_move_sql(enrolment, lesson, now)
    enrolment.last_lesson_key, enrolment.last_activity_at = lesson.translation_key, now
    return statement


def _enrolment_move_sql(enrolment: Enrolment, lesson: LessonPage, now) -> tuple[str, list]:
    # The UPDATE of every lesson view written out: building it with the ORM
    # cost more than its round trip.
    meta = Enrolment._meta
    key = meta.get_field("last_lesson_key").get_db_prep_value(lesson.translation_key, connection)
    at = meta.get_field("last_activity_at").get_db_prep_value(now, connection)
    sql = (
        f"UPDATE {meta.db_table} SET last_lesson_key = %s, last_activity_at = %s"  # noqa: S608
        " WHERE id = %s"
    )
    if connection.get_autocommit() and several_statements_per_execute():
        # Where the learner was is not worth a wait for the disk: committed
        # without waiting for its WAL flush (PostgreSQL's asynchronous commit:
        # a crash of the database server may lose the last fraction of a
        # second of such moves, never corrupt anything). SET LOCAL, sent with
        # the UPDATE in autocommit, lasts only for this one implicit
        # transaction; inside a caller's transaction the commit stays theirs.
        sql = "SET LOCAL synchronous_commit TO OFF; " + sql
    return sql, [key, at, enrolment.pk]


def _enrolment_move(enrolment: Enrolment, lesson: LessonPage, now) -> None:
    sql, params = _enrolment_move_sql(enrolment, lesson, now)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    enrolment.last_lesson_key, enrolment.last_activity_at = lesson.translation_key, now


def _view_recorded_since(enrolment: Enrolment, lesson: LessonPage, now) -> bool:
    # The enrolment (as read in this request) already says this lesson, at
    # most LESSON_VIEW_WRITE_INTERVAL ago: writing it again changes nothing
    # that a reader could tell.
    last = enrolment.last_activity_at
    return (
        enrolment.last_lesson_key == lesson.translation_key
        and last is not None
        and now - last <= LESSON_VIEW_WRITE_INTERVAL
    )


def _event_create(
    *, enrolment: Enrolment, lesson: LessonPage, kind: str, idempotency_key: str, assisted: bool
) -> tuple[ProgressEvent, bool]:
    # The unique key makes a replay count once. A view is mostly a replay, so
    # read first (get_or_create); a completion is mostly new, so insert first in
    # a savepoint and read the row back only when the key was already there.
    fields = {"lesson_key": lesson.translation_key, "kind": kind, "assisted": assisted}
    if kind == ProgressEvent.Kind.VIEWED:
        event, created = ProgressEvent.objects.get_or_create(
            enrolment=enrolment, idempotency_key=idempotency_key, defaults=fields
        )
    else:
        try:
            with transaction.atomic():
                event = ProgressEvent.objects.create(
                    enrolment=enrolment, idempotency_key=idempotency_key, **fields
                )
            created = True
        except IntegrityError:
            event = ProgressEvent.objects.filter(
                enrolment=enrolment, idempotency_key=idempotency_key
            ).first()
            if event is None:  # another constraint failed: not a replay
                raise
            created = False
    if created:
        statement_record(
            learner=enrolment.learner,
            verb="experienced" if kind == ProgressEvent.Kind.VIEWED else "completed",
            object_kind="lesson",
            object_key=lesson.translation_key,
            course_key=enrolment.course_key,
            name=lesson.title,
        )
    return event, created


def lesson_progress_record(
    *,
    enrolment: Enrolment,
    lesson: LessonPage,
    event: str,
    idempotency_key: str,
    assisted: bool = False,
    read_replay: bool = True,
) -> tuple[ProgressEvent | None, bool]:
    """Record a lesson event (viewed or completed) once per idempotency key;
    returns the event and whether it is new. A completion re-evaluates the
    course. A replay (the key recorded before) reads the recorded event back
    only with `read_replay`; without it, a replay on PostgreSQL returns None."""
    enrolment_check_active(enrolment)
    if event not in ProgressEvent.Kind.values:
        raise LearningError(_("Unknown progress event."), code="bad_event")
    if not idempotency_key or len(idempotency_key) > 80:
        raise LearningError(_("This request cannot be recorded."), code="bad_idempotency_key")
    _check_lesson_of_enrolment(enrolment, lesson)
    if event == ProgressEvent.Kind.COMPLETED:
        _check_not_puzzle_lesson(enrolment, lesson)
    # Decided on the server: work done while a helper's live session is open
    # is assisted, whatever the caller says (`lesson_enrolment` reads it along).
    open_session = getattr(enrolment, "assisted_session_open", None)
    if open_session is None:
        open_session = assisted_session_open(enrolment.learner)
    assisted = assisted or open_session
    required_missing = None  # not known yet
    if connection.vendor == "postgresql":
        progress, created, required_missing = _event_record_in_one_statement(
            enrolment=enrolment,
            lesson=lesson,
            kind=event,
            idempotency_key=idempotency_key,
            assisted=assisted,
            read_replay=read_replay,
            completion_check=event == ProgressEvent.Kind.COMPLETED,
        )
    else:
        with transaction.atomic():
            now = timezone.now()
            Enrolment.objects.filter(pk=enrolment.pk).update(
                last_lesson_key=lesson.translation_key, last_activity_at=now
            )
            enrolment.last_lesson_key, enrolment.last_activity_at = lesson.translation_key, now
            progress, created = _event_create(
                enrolment=enrolment,
                lesson=lesson,
                kind=event,
                idempotency_key=idempotency_key,
                assisted=assisted,
            )
    if created and event == ProgressEvent.Kind.COMPLETED and required_missing is not True:
        # After the write, in a statement of its own: each check starts once its
        # own event is committed (in autocommit), or after a concurrent write
        # of the same learner that holds the enrolment row has committed (in a
        # caller's transaction), so of two last lessons done at once the later
        # check sees both; the conditional update of completion_evaluate lets
        # only one complete the course. On PostgreSQL the cheap first test of
        # the rule came back with the write (a required lesson still missing:
        # nothing more to check).
        completion_evaluate(enrolment=enrolment)
    return progress, created


@lru_cache(maxsize=8)
def _event_write_sql(alias: str, *, with_statement: bool) -> str:
    """The statement of `_event_record_in_one_statement`, with or without its
    xAPI statement: the same text for every write, so made once per process
    (building it from the models' fields cost about 75 µs a write)."""
    database = connections[alias]
    statement_sql = ""
    if with_statement:
        fields = Statement._meta.concrete_fields
        columns = ", ".join(database.ops.quote_name(f.column) for f in fields)
        values = ", ".join(f"%s::{f.db_type(database)}" for f in fields)
        # Table and column names from the models; every value is a parameter.
        statement_sql = (
            f", statement AS (INSERT INTO {Statement._meta.db_table} ({columns})"  # noqa: S608
            f" SELECT {values} FROM event RETURNING 1)"
        )
    return (
        f"WITH moved AS (UPDATE {Enrolment._meta.db_table}"  # noqa: S608
        " SET last_lesson_key = %s, last_activity_at = %s WHERE id = %s),"
        f" event AS (INSERT INTO {ProgressEvent._meta.db_table}"
        " (enrolment_id, lesson_key, kind, idempotency_key, assisted, created_at)"
        " VALUES (%s, %s, %s, %s, %s, %s)"
        " ON CONFLICT (enrolment_id, idempotency_key) DO NOTHING RETURNING id)"
        f"{statement_sql} SELECT id FROM event"
    )


def _event_record_in_one_statement(
    *,
    enrolment: Enrolment,
    lesson: LessonPage,
    kind: str,
    idempotency_key: str,
    assisted: bool,
    read_replay: bool = True,
    completion_check: bool = False,
) -> tuple[ProgressEvent | None, bool, bool | None]:
    # PostgreSQL: the enrolment's last lesson, the event (once per key: ON
    # CONFLICT DO NOTHING) and, only when the event is new, its xAPI statement,
    # in one statement — atomic by itself, no transaction or savepoint round trips.
    # A replay reads the recorded event back only with `read_replay` (else None).
    # With `completion_check`, the completion rule's cheap first test (is a
    # required lesson of the course still not done?) follows as a second
    # statement in the same round trip; the third value is its answer (None
    # when not asked).
    now = timezone.now()
    event = ProgressEvent(
        enrolment=enrolment,
        lesson_key=lesson.translation_key,
        kind=kind,
        idempotency_key=idempotency_key,
        assisted=assisted,
        created_at=now,
    )
    params: list = [lesson.translation_key, now, enrolment.pk]
    params += [
        event.enrolment_id,
        event.lesson_key,
        kind,
        idempotency_key,
        assisted,
        now,
    ]
    from lms.services.sections import young_data_allowed

    statement = None
    if young_data_allowed(user=enrolment.learner):
        statement = statement_build(
            learner=enrolment.learner,
            verb="experienced" if kind == ProgressEvent.Kind.VIEWED else "completed",
            object_kind="lesson",
            object_key=lesson.translation_key,
            course_key=enrolment.course_key,
            name=lesson.title,
            timestamp=now,
        )
        params += [
            f.get_db_prep_save(f.pre_save(statement, add=True), connection)
            for f in Statement._meta.concrete_fields
        ]
    sql = _event_write_sql(connection.alias, with_statement=statement is not None)
    check = completion_check and several_statements_per_execute()
    if check:
        # A statement of its own, after the write: it sees the event just
        # written and, since the write's UPDATE holds the enrolment row until
        # the end of its transaction (even in autocommit, where the two
        # statements of one call run as one transaction), every event of a
        # concurrent write of the same learner that came first and committed.
        check_sql, check_params = content.course_required_lessons_missing_sql(
            course=enrolment.course,
            done_keys_sql=f"SELECT lesson_key FROM {ProgressEvent._meta.db_table}"  # noqa: S608
            " WHERE enrolment_id = %s AND kind = %s",
            done_keys_params=[enrolment.pk, ProgressEvent.Kind.COMPLETED.value],
        )
    required_missing = None
    with connection.cursor() as cursor:
        statements = [(sql, params)]
        if check:
            statements.append((check_sql, check_params))
        execute_prepared(cursor, statements)
        row = cursor.fetchone()
        if check:
            cursor.nextset()
            required_missing = bool(cursor.fetchone()[0])
    enrolment.last_lesson_key, enrolment.last_activity_at = lesson.translation_key, now
    if row is None:  # a replay: the event recorded the first time
        if not read_replay:
            return None, False, required_missing
        event = ProgressEvent.objects.get(enrolment=enrolment, idempotency_key=idempotency_key)
        return event, False, required_missing
    event.pk = row[0]
    if statement is not None:
        statements_forward_on_commit([statement.pk])
    return event, True, required_missing


def pass_mark_met(*, score: int, max_score: int, pass_mark_percent: int) -> bool:
    """Whether `score` out of `max_score` reaches `pass_mark_percent`: the one
    pass-mark rule of quizzes, exams and reported results. Exactly at the mark
    passes; integers only, so 2 of 3 at 67 % fails and 3 of 4 at 75 % passes."""
    return 100 * score >= pass_mark_percent * max_score


@transaction.atomic
def activity_result_record(
    *,
    enrolment: Enrolment,
    lesson: LessonPage,
    activity_key: str,
    source: str,
    score: int,
    max_score: int,
    idempotency_key: str,
    pass_mark_percent: int = 0,
    assisted: bool = False,
) -> tuple[Attempt, bool]:
    """Record the result of an activity checked elsewhere (H5P, a replayed
    puzzle). Never counts for a server-graded quiz or exam. Returns the
    attempt and whether it is new."""
    enrolment_check_active(enrolment)
    if source not in (Attempt.Source.H5P, Attempt.Source.PUZZLE):
        raise ValueError("quizzes are graded by quiz_attempt_submit")
    activity = content.lesson_activity(lesson=lesson, key=activity_key)
    if activity is not None and (activity.kind == "quiz" or activity.is_exam):
        raise LearningError(
            _("This result cannot count for a quiz or an exam."), code="not_for_quiz"
        )
    if max_score <= 0 or not 0 <= score <= max_score:
        raise LearningError(_("This score is not possible."), code="bad_score")
    if not idempotency_key or len(idempotency_key) > 80:
        raise LearningError(_("This request cannot be recorded."), code="bad_idempotency_key")
    _check_lesson_of_enrolment(enrolment, lesson)
    Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
    existing = Attempt.objects.filter(
        enrolment=enrolment, activity_key=activity_key, idempotency_key=idempotency_key
    ).first()
    if existing is not None:
        return existing, False
    assisted = assisted or assisted_session_open(enrolment.learner)
    number = Attempt.objects.filter(enrolment=enrolment, activity_key=activity_key).count() + 1
    now = timezone.now()
    attempt = Attempt.objects.create(
        enrolment=enrolment,
        lesson_key=lesson.translation_key,
        activity_key=activity_key,
        source=source,
        number=number,
        status=Attempt.Status.SUBMITTED,
        score=score,
        max_score=max_score,
        pass_mark_percent=pass_mark_percent,
        passed=pass_mark_met(score=score, max_score=max_score, pass_mark_percent=pass_mark_percent),
        assisted=assisted,
        idempotency_key=idempotency_key,
        submitted_at=now,
    )
    attempt_statement_record(attempt=attempt, name="")
    if attempt.passed:
        completion_evaluate(enrolment=enrolment)
    return attempt, True


@transaction.atomic
def puzzle_lessons_sync(*, enrolment: Enrolment) -> int:
    """Record as completed every lesson of the enrolment's course whose puzzle
    levels the learner has all solved (as the server replayed them), then
    re-evaluate the course. Idempotent; returns the number of lessons newly
    completed."""
    from lms.selectors.learning import puzzle_levels_solved

    if enrolment.status != Enrolment.Status.ACTIVE:
        return 0
    lessons = [x for x in content.course_lessons(course=enrolment.course) if x.puzzle_levels]
    if not lessons:
        return 0
    solved = puzzle_levels_solved(user_ids=[enrolment.learner_id])[enrolment.learner_id]
    count = 0
    for lesson in lessons:
        if lesson.puzzle_levels <= solved:
            _event, created = _event_create(
                enrolment=enrolment,
                lesson=lesson,
                kind=ProgressEvent.Kind.COMPLETED,
                idempotency_key=f"completed:{lesson.translation_key}",
                assisted=False,
            )
            count += created
    if count:
        completion_evaluate(enrolment=enrolment)
    return count


def attempt_statement_record(*, attempt: Attempt, name: str) -> None:
    """The xAPI statement of a graded attempt (passed or failed, with the score)."""
    statement_record(
        learner=attempt.enrolment.learner,
        verb="passed" if attempt.passed else "failed",
        object_kind="assessment",
        object_key=attempt.activity_key,
        course_key=attempt.enrolment.course_key,
        name=name,
        result={
            "score": {
                "raw": attempt.score,
                "min": 0,
                "max": attempt.max_score,
                "scaled": round(attempt.score / attempt.max_score, 4) if attempt.max_score else 0,
            },
            "success": bool(attempt.passed),
            "completion": True,
        },
    )


def completion_evaluate(*, enrolment: Enrolment) -> bool:
    """Check the course's completion rule on the server: every required lesson
    completed, every required activity passed. On the first success the
    enrolment is completed and `course_completed` is sent after commit (once)."""
    if enrolment.completed_at is not None or enrolment.status != Enrolment.Status.ACTIVE:
        return False
    # Cheap first test, one query in SQL: is a required lesson still not done?
    # It writes nothing, so it needs no transaction of its own (in autocommit,
    # no BEGIN and COMMIT round trips around it); mostly the answer is yes.
    done_keys = ProgressEvent.objects.filter(
        enrolment=enrolment, kind=ProgressEvent.Kind.COMPLETED
    ).values("lesson_key")
    if content.course_required_lessons_missing(course=enrolment.course, done_keys=done_keys):
        return False
    return _completion_decide(enrolment=enrolment)


# No savepoint of its own: it is called inside the service that recorded the
# progress, and raises nothing the caller would catch and carry on after.
@transaction.atomic(savepoint=False)
def _completion_decide(*, enrolment: Enrolment) -> bool:
    # The whole rule (activities too), then the guarded write, in one transaction.
    from lms.selectors.learning import course_progress

    progress = course_progress(enrolment=enrolment)
    if not progress.rule_met:
        return False
    now = timezone.now()
    # The conditional update is the guard: of two concurrent evaluations only
    # one changes the row, so only one sends the signal.
    won = Enrolment.objects.filter(
        pk=enrolment.pk, completed_at__isnull=True, status=Enrolment.Status.ACTIVE
    ).update(status=Enrolment.Status.COMPLETED, completed_at=now)
    if not won:
        return False
    enrolment.status, enrolment.completed_at = Enrolment.Status.COMPLETED, now
    statement_record(
        learner=enrolment.learner,
        verb="completed",
        object_kind="course",
        object_key=enrolment.course_key,
        course_key=enrolment.course_key,
        name=enrolment.course.title,
    )
    learner = enrolment.learner
    enrolment_id = enrolment.pk
    course = content.course_in_language(
        course=enrolment.course, language=learner.preferred_language
    )
    transaction.on_commit(
        lambda: course_completed.send(
            sender=Enrolment,
            user=learner,
            course=course,
            enrolment_id=enrolment_id,
            completed_at=now,
        )
    )
    return True


STATE_MAX_CHARS = 64 * 1024


def _state_text(state: str) -> str:
    if not isinstance(state, str) or not state or len(state) > STATE_MAX_CHARS:
        raise LearningError(
            _("This saved state is too large or empty and was not kept."), code="bad_state"
        )
    try:
        value = json.loads(state)
    except (ValueError, RecursionError):
        raise LearningError(_("This saved state is not valid."), code="bad_state") from None
    if not isinstance(value, dict | list):
        raise LearningError(_("This saved state is not valid."), code="bad_state")
    return state


@transaction.atomic
def activity_state_save(
    *,
    enrolment: Enrolment,
    activity_key: str,
    content_uuid: uuid.UUID,
    state: str,
) -> ActivityState:
    """Keep where the learner stands inside an activity played elsewhere (an
    H5P player's state: JSON text of at most STATE_MAX_CHARS characters),
    replacing the previous state. The caller checked the activity."""
    enrolment_check_active(enrolment)
    text = _state_text(state)
    saved, _created = ActivityState.objects.update_or_create(
        enrolment=enrolment,
        activity_key=activity_key,
        defaults={"content_uuid": content_uuid, "state": text},
    )
    return saved
