"""Reads of learning state: progress of a course, results of activities, the
learner's dashboard and the xAPI statements. Query counts do not grow with the
number of courses, lessons or events."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import get_language

from courses import selectors as content
from courses.models import CoursePage, LessonPage
from courses.selectors import OutlineLesson
from lms.models import (
    ActivityState,
    Attempt,
    Enrolment,
    LiveSession,
    ProgressEvent,
    PuzzleProgress,
    Statement,
    User,
)
from lms.round_trips import (
    execute_prepared,
    models_from_rows,
    select_columns_sql,
    several_statements_per_execute,
)
from lms.selectors.coaching import assisted_sessions_open


@dataclass
class ActivityResult:
    """How a learner stands on one activity, by the activity's grading policy."""

    activity: content.Activity
    attempts: list[Attempt] = field(default_factory=list)

    @property
    def graded(self) -> list[Attempt]:
        return [a for a in self.attempts if a.status != Attempt.Status.OPEN]

    @property
    def open_attempt(self) -> Attempt | None:
        return next((a for a in self.attempts if a.status == Attempt.Status.OPEN), None)

    @property
    def counting(self) -> Attempt | None:
        """The attempt that counts: the best or the last graded one."""
        graded = self.graded
        if not graded:
            return None
        if self.activity.settings.get("grading_policy") == "last":
            return max(graded, key=lambda a: a.number)
        return max(graded, key=lambda a: (a.percent or 0, a.number))

    @property
    def passed(self) -> bool:
        counting = self.counting
        return bool(counting and counting.passed)

    @property
    def wait_until(self):
        """When the next attempt may start, if that is still to come (None: now)."""
        from django.utils import timezone

        from lms.selectors.exams import attempt_wait_until

        moment = attempt_wait_until(
            settings=self.activity.settings, exam=self.activity.is_exam, attempts=self.attempts
        )
        return moment if moment is not None and moment > timezone.now() else None

    @property
    def wait_text(self) -> str:
        """When the next attempt may start, in words ("" when it may start now)."""
        from lms.selectors.exams import retry_text

        moment = self.wait_until
        return retry_text(moment=moment) if moment is not None else ""

    @property
    def attempts_left(self) -> int | None:
        limit = self.activity.settings.get("max_attempts")
        if not limit:
            return None
        return max(0, limit - len(self.attempts))


@dataclass
class CourseProgress:
    """Where a learner stands in a course: the exact percentage, the next step
    and the results of each activity."""

    enrolment: Enrolment
    course: CoursePage
    lessons: list[OutlineLesson]
    completed_lessons: set
    results: dict[str, ActivityResult]
    # The lessons opened at least once (their first view is an event).
    viewed_lessons: set = field(default_factory=set)
    # The puzzle levels the learner has solved, anywhere (filled where shown).
    puzzle_levels_solved: set = field(default_factory=set)

    @property
    def puzzle_levels(self) -> set[int]:
        """The puzzle levels of the course's lessons."""
        return set().union(*(lesson.puzzle_levels or () for lesson in self.lessons))

    @property
    def puzzle_levels_done(self) -> int:
        return len(self.puzzle_levels & self.puzzle_levels_solved)

    @property
    def started(self) -> bool:
        """A lesson opened or done, or a level of the course solved."""
        return bool(
            self.enrolment.last_lesson_key or self.completed_lessons or self.puzzle_levels_done
        )

    @property
    def required_lessons(self) -> list[OutlineLesson]:
        return [lesson for lesson in self.lessons if lesson.required]

    @property
    def required_results(self) -> list[ActivityResult]:
        return [r for r in self.results.values() if r.activity.required]

    @property
    def steps_total(self) -> int:
        return len(self.required_lessons) + len(self.required_results)

    @property
    def steps_done(self) -> int:
        lessons = sum(
            1 for x in self.required_lessons if x.translation_key in self.completed_lessons
        )
        return lessons + sum(1 for r in self.required_results if r.passed)

    @property
    def percent(self) -> int:
        if not self.steps_total:
            return 0
        # Floor, so that 100 % is shown only when everything is done.
        return 100 * self.steps_done // self.steps_total

    @property
    def rule_met(self) -> bool:
        return self.steps_total > 0 and self.steps_done == self.steps_total

    def is_completed(self, lesson: LessonPage | OutlineLesson) -> bool:
        return lesson.translation_key in self.completed_lessons

    @property
    def next_lesson(self) -> OutlineLesson | None:
        """Continue where you left off: the last lesson opened if unfinished,
        else the first unfinished lesson after it (then from the start)."""
        if not self.lessons:
            return None
        keys = [lesson.translation_key for lesson in self.lessons]
        last = self.enrolment.last_lesson_key
        start = keys.index(last) if last in keys else 0
        ordered = self.lessons[start:] + self.lessons[:start]
        return next((x for x in ordered if not self.is_completed(x)), None)

    def lesson_after(self, lesson: LessonPage) -> OutlineLesson | None:
        keys = [x.translation_key for x in self.lessons]
        if lesson.translation_key not in keys:
            return None
        index = keys.index(lesson.translation_key)
        return self.lessons[index + 1] if index + 1 < len(self.lessons) else None


_SOURCES = {"quiz": Attempt.Source.QUIZ, "h5p": Attempt.Source.H5P}


def puzzle_levels_solved(*, user_ids) -> dict[int, set[int]]:
    """The puzzle levels each player has solved, as the server replayed them:
    user id -> level numbers. One query."""
    solved: dict[int, set[int]] = defaultdict(set)
    for user_id, number in PuzzleProgress.objects.filter(
        user_id__in=list(user_ids), solved=True
    ).values_list("user_id", "level_number"):
        solved[user_id].add(number)
    return solved


def _with_puzzles(lessons: list, completed: set, solved: set[int]) -> set:
    # A lesson with puzzles is done when every level it requires is solved,
    # whatever progress events say (a "mark as done" from before cannot count).
    puzzle_lessons = [x for x in lessons if x.puzzle_levels]
    if not puzzle_lessons:
        return completed
    keys = {x.translation_key for x in puzzle_lessons}
    done = {x.translation_key for x in puzzle_lessons if x.puzzle_levels <= solved}
    return {k for k in completed if k not in keys} | done


def _has_puzzles(outlines) -> bool:
    return any(lesson.puzzle_levels for lessons in outlines for lesson in lessons)


def _results(lessons: list, attempts: list[Attempt]) -> dict[str, ActivityResult]:
    results = {
        activity.key: ActivityResult(activity=activity)
        for lesson in lessons
        for activity in content.lesson_activities(lesson=lesson)
    }
    for attempt in attempts:
        # Only server-graded attempts count for a quiz or an exam, only the
        # player's results for an H5P block.
        result = results.get(attempt.activity_key)
        if result is not None and attempt.source == _SOURCES[result.activity.kind]:
            result.attempts.append(attempt)
    return results


def course_progress(
    *,
    enrolment: Enrolment,
    course: CoursePage | None = None,
    then: tuple[str, list] | None = None,
) -> CourseProgress:
    """The progress of one enrolment: its events and attempts, in one round
    trip on PostgreSQL (two queries elsewhere), the course's lessons from the
    cache. `then`, a caller's statement (SQL and parameters, e.g. the lesson
    page's `lesson_view_move`), is sent after the reads in the same round trip
    (elsewhere, on its own after them)."""
    course = course or enrolment.course
    lessons = content.course_lessons(course=course)
    completed, viewed = set(), set()
    # Both queries written out: read on every lesson page, where the ORM's
    # building of them cost more than their round trips.
    events = ProgressEvent._meta
    lesson_key = events.get_field("lesson_key")
    events_sql = f"SELECT lesson_key, kind FROM {events.db_table} WHERE enrolment_id = %s"  # noqa: S608
    attempts_sql = (
        f"SELECT {select_columns_sql(Attempt)} FROM {Attempt._meta.db_table}"  # noqa: S608
        " WHERE enrolment_id = %s ORDER BY number"
    )
    with connection.cursor() as cursor:
        if several_statements_per_execute():
            sql, params = f"{events_sql}; {attempts_sql}", [enrolment.pk, enrolment.pk]
            if then is not None:
                sql, params = f"{sql}; {then[0]}", [*params, *then[1]]
            cursor.execute(sql, params)
            event_rows = cursor.fetchall()
            cursor.nextset()
            attempt_rows = cursor.fetchall()
        else:
            cursor.execute(events_sql, [enrolment.pk])
            event_rows = cursor.fetchall()
            cursor.execute(attempts_sql, [enrolment.pk])
            attempt_rows = cursor.fetchall()
            if then is not None:
                cursor.execute(*then)
    for key, kind in event_rows:
        key = lesson_key.to_python(key)  # a UUID whatever the database hands back
        (completed if kind == ProgressEvent.Kind.COMPLETED else viewed).add(key)
    attempts = models_from_rows(Attempt, attempt_rows)
    if _has_puzzles([lessons]):
        solved = puzzle_levels_solved(user_ids=[enrolment.learner_id])
        completed = _with_puzzles(lessons, completed, solved[enrolment.learner_id])
    return CourseProgress(
        enrolment, course, lessons, completed, _results(lessons, attempts), viewed
    )


def activity_results(*, enrolment: Enrolment, lesson: LessonPage) -> dict[str, ActivityResult]:
    """The results of the activities of one lesson."""
    attempts = list(
        Attempt.objects.filter(enrolment=enrolment, lesson_key=lesson.translation_key).order_by(
            "number"
        )
    )
    return _results([lesson], attempts)


def enrolment_for_course(*, learner: User, course: CoursePage) -> Enrolment | None:
    """The learner's enrolment in this course (any language), if any."""
    if not learner.is_authenticated:
        return None
    enrolment = Enrolment.objects.filter(learner=learner, course_key=course.translation_key).first()
    if enrolment is not None:
        enrolment.learner = learner  # the services read it; no need to load it again
    return enrolment


def lesson_enrolment(
    *, learner: User, lesson: LessonPage, course: CoursePage | None = None
) -> tuple[CoursePage | None, Enrolment | None]:
    """The course of a lesson and the learner's enrolment in it (any language).
    One query when the learner enrolled through this language version of the
    course (the enrolment brings its course along) or when the lesson's
    `course` is given (a live page, e.g. from its cached place), else two."""
    if course is not None and learner.is_authenticated:
        return course, _enrolment_in_course(learner=learner, course=course)
    if course is not None:
        course_key = course.translation_key
    else:
        course_key = Subquery(CoursePage.objects.ancestor_of(lesson).values("translation_key")[:1])
    if learner.is_authenticated:
        # Whether a helper's live session is open comes along (progress
        # recorded meanwhile is assisted): one query for both.
        live = assisted_sessions_open(learner_id=learner.pk)
        enrolment = (
            Enrolment.objects.select_related("course")
            .filter(learner=learner, course_key=course_key)
            .annotate(assisted_session_open=Exists(live))
            .first()
        )
        if enrolment is not None:
            enrolment.learner = learner  # the services read it; no need to load it again
            own = enrolment.course
            if lesson.path.startswith(own.path) and lesson.depth > own.depth:
                return own, enrolment
    else:
        enrolment = None
    return course or content.lesson_course(lesson=lesson), enrolment


def _enrolment_in_course(*, learner: User, course: CoursePage) -> Enrolment | None:
    # The lesson page's read, on every view: the enrolment and whether a
    # helper's live session is open (progress recorded meanwhile is assisted),
    # one query written out (the ORM's building of the same query cost several
    # times its round trip), its row made a model as the other written-out reads
    # make theirs (`models_from_rows`). The course is the one given, attached when the
    # learner enrolled through it; through another language version, the
    # enrolment's own course is read only if asked for.
    live = LiveSession._meta
    sql = (
        f"SELECT {select_columns_sql(Enrolment)}, EXISTS(SELECT 1 FROM {live.db_table} s"  # noqa: S608
        " WHERE s.learner_id = %s AND s.ended_at IS NULL AND s.ends_at > %s)"
        f" FROM {Enrolment._meta.db_table} WHERE learner_id = %s AND course_key = %s"
    )
    key = Enrolment._meta.get_field("course_key").get_db_prep_value(
        course.translation_key, connection
    )
    now = LiveSession._meta.get_field("ends_at").get_db_prep_value(timezone.now(), connection)
    with connection.cursor() as cursor:
        execute_prepared(cursor, [(sql, [learner.pk, now, learner.pk, key])])
        row = cursor.fetchone()
    if row is None:
        return None
    (enrolment,) = models_from_rows(Enrolment, [row[:-1]])
    enrolment.assisted_session_open = bool(row[-1])
    enrolment.learner = learner  # the services read it; no need to load it again
    if enrolment.course_id == course.pk:
        enrolment.course = course
    return enrolment


def dashboard_courses(*, learner: User, language: str | None = None) -> list[CourseProgress]:
    """ "My learning": every course the learner follows or completed, in their
    language where it exists, newest activity first. Five queries in all."""
    enrolments = list(
        Enrolment.objects.filter(learner=learner)
        .exclude(status=Enrolment.Status.CANCELLED)
        .select_related("course")
        .order_by("-last_activity_at", "-enrolled_at")
    )
    if not enrolments:
        return []
    code = (language or get_language() or "")[:2]
    translated = {
        page.translation_key: page
        for page in CoursePage.objects.live().filter(
            translation_key__in=[e.course_key for e in enrolments], locale__language_code=code
        )
    }
    courses = [translated.get(e.course_key, e.course) for e in enrolments]
    outlines = content.course_outlines(courses=courses)
    completed: dict[int, set] = defaultdict(set)
    ids = [e.pk for e in enrolments]
    for enrolment_id, lesson_key in ProgressEvent.objects.filter(
        enrolment_id__in=ids, kind=ProgressEvent.Kind.COMPLETED
    ).values_list("enrolment_id", "lesson_key"):
        completed[enrolment_id].add(lesson_key)
    attempts: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in Attempt.objects.filter(enrolment__in=enrolments).order_by("number"):
        attempts[attempt.enrolment_id].append(attempt)
    solved = set()
    if _has_puzzles(outlines.values()):
        solved = puzzle_levels_solved(user_ids=[learner.pk])[learner.pk]
        for enrolment, course in zip(enrolments, courses, strict=True):
            completed[enrolment.pk] = _with_puzzles(
                outlines[course.pk], completed[enrolment.pk], solved
            )
    return [
        CourseProgress(
            enrolment,
            course,
            outlines[course.pk],
            completed[enrolment.pk],
            _results(outlines[course.pk], attempts[enrolment.pk]),
            puzzle_levels_solved=solved,
        )
        for enrolment, course in zip(enrolments, courses, strict=True)
    ]


def statements_for_learner(*, learner: User) -> QuerySet[Statement]:
    """A learner's own xAPI statements, oldest first."""
    return Statement.objects.filter(learner=learner).order_by("timestamp", "id")


def statements_for_course(*, course_key) -> QuerySet[Statement]:
    """Every xAPI statement about a course (staff exports), oldest first."""
    return Statement.objects.filter(course_key=course_key).order_by("timestamp", "id")


def learner_courses_progress(*, user_ids, course_keys) -> dict[tuple, CourseProgress]:
    """The progress of many learners in a few courses, for partner cohorts:
    (user id, course key) -> CourseProgress, for the enrolments that exist.
    Five queries whatever the number of learners and courses."""
    enrolments = list(
        Enrolment.objects.filter(
            learner_id__in=list(user_ids), course_key__in=list(course_keys)
        ).order_by("pk")
    )
    # A few courses for many enrolments: each course page is built once and
    # shared, not once per enrolment (a Wagtail page is costly to build).
    courses = CoursePage.objects.in_bulk({e.course_id for e in enrolments})
    for enrolment in enrolments:
        enrolment.course = courses[enrolment.course_id]
    by_id = enrolments_progress(enrolments=enrolments)
    return {(e.learner_id, e.course_key): by_id[e.pk] for e in enrolments}


def enrolments_progress(*, enrolments: list[Enrolment]) -> dict[int, CourseProgress]:
    """The progress of many enrolments (a cohort's), by enrolment id, in four
    queries however many learners and courses (enrolments with `course`)."""
    if not enrolments:
        return {}
    courses = {e.course_id: e.course for e in enrolments}
    outlines = content.course_outlines(courses=list(courses.values()))
    completed: dict[int, set] = defaultdict(set)
    ids = [e.pk for e in enrolments]
    for enrolment_id, lesson_key in ProgressEvent.objects.filter(
        enrolment_id__in=ids, kind=ProgressEvent.Kind.COMPLETED
    ).values_list("enrolment_id", "lesson_key"):
        completed[enrolment_id].add(lesson_key)
    attempts: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in (
        Attempt.objects.filter(enrolment_id__in=ids)
        .exclude(status=Attempt.Status.OPEN)
        .defer("questions", "answers")
        .order_by("number")
    ):
        attempts[attempt.enrolment_id].append(attempt)
    if _has_puzzles(outlines.values()):
        solved = puzzle_levels_solved(user_ids={e.learner_id for e in enrolments})
        for e in enrolments:
            completed[e.pk] = _with_puzzles(
                outlines[e.course_id], completed[e.pk], solved[e.learner_id]
            )
    return {
        e.pk: CourseProgress(
            e,
            e.course,
            outlines[e.course_id],
            completed[e.pk],
            _results(outlines[e.course_id], attempts[e.pk]),
        )
        for e in enrolments
    }


def completions_awaiting_certificate(*, learner: User | None = None) -> QuerySet[Enrolment]:
    """Completed enrolments in courses that give a certificate, of people who
    may hold one (a legal name, not a child); certificates narrows it down to
    those without a certificate."""
    enrolments = Enrolment.objects.filter(
        status=Enrolment.Status.COMPLETED,
        completed_at__isnull=False,
        course__certificate_enabled=True,
    ).exclude(learner__account_type=User.AccountType.YOUNG)
    enrolments = enrolments.exclude(learner__first_name__exact="").exclude(
        learner__last_name__exact=""
    )
    # Only what certificate_issue will accept (a passed exam taken alone), so
    # that completions it refuses never hold up the sweep's batch.
    from lms.selectors.exams import exam_passes

    enrolments = enrolments.filter(Exists(exam_passes().filter(enrolment=OuterRef("pk"))))
    if learner is not None:
        enrolments = enrolments.filter(learner=learner)
    return enrolments.order_by("completed_at", "pk")


def legal_name_needed(*, user: User) -> bool:
    """A completed certificate course waits for the person's legal name."""
    if user.account_type == User.AccountType.YOUNG or user.has_legal_name:
        return False
    return Enrolment.objects.filter(
        learner=user, status=Enrolment.Status.COMPLETED, course__certificate_enabled=True
    ).exists()


def activity_state_read(
    *, user_id: int, lesson_id: int, activity_key: str, content_uuid
) -> str | None:
    """The state a learner saved in an activity block of a lesson, for the same
    content item (a state written by another version of the content is not
    handed to this one). Two queries."""
    lesson = LessonPage.objects.filter(pk=lesson_id).only("path", "depth").first()
    if lesson is None:
        return None
    course_key = CoursePage.objects.ancestor_of(lesson).values("translation_key")[:1]
    return (
        ActivityState.objects.filter(
            enrolment__learner_id=user_id,
            enrolment__course_key=course_key,
            enrolment__status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED],
            activity_key=activity_key,
            content_uuid=content_uuid,
        )
        .values_list("state", flat=True)
        .first()
    )
