"""Reads of course content for other apps.

# --- For lms/: the course outline, activities and answer keys -------------
Everything the learning engine needs from content goes through the functions
of this section; the answer keys (`correct`) are read only here, by grading.
"""

import json
from dataclasses import dataclass
from typing import ClassVar

from django.db.models import Func, JSONField, Q
from django.utils.translation import get_language
from wagtail.models import Locale

from courses.models import CoursePage, LessonPage, Question, QuestionBank
from courses.selectors.catalogue import lesson_place_of_id, pages_cached

# What an editor's QuizBlock means when a setting was left out of the JSON.
QUIZ_DEFAULTS = {
    "mode": "practice",
    "question_count": 5,
    "competences": "",
    "difficulty": "",
    "pass_mark_percent": 70,
    "max_attempts": None,
    "cooldown_minutes": 0,
    "grading_policy": "best",
    "time_limit_minutes": None,
    "required": True,
}


# What an editor's H5PBlock means when a setting was left out of the JSON.
H5P_DEFAULTS = {
    "pass_mark_percent": 60,
    "grading_policy": "best",
    "required": False,
}
# Block types that are activities, with the defaults of their settings.
ACTIVITY_BLOCKS = {"quiz": QUIZ_DEFAULTS, "h5p": H5P_DEFAULTS}


@dataclass(frozen=True)
class Activity:
    """A quiz, exam or H5P block of a lesson; `key` is the block id, kept
    across translations. `kind` is the block type: "quiz" (graded on the
    server, exams included) or "h5p" (a result reported by the player)."""

    key: str
    lesson: "LessonPage | OutlineLesson"
    settings: dict
    kind: str = "quiz"

    @property
    def title(self) -> str:
        return self.settings["title"]

    @property
    def is_exam(self) -> bool:
        return self.settings.get("mode") == "exam"

    @property
    def required(self) -> bool:
        return bool(self.settings["required"]) and self.lesson.required


@dataclass(frozen=True)
class OutlineLesson:
    """What the learning engine needs of a lesson it is not showing: its place,
    title, address, whether it is required and its quiz blocks (raw settings).
    Built from one row, without a page object or StreamField decoding."""

    pk: int
    path: str
    translation_key: object
    title: str
    url: str | None
    required: bool
    quiz_blocks: tuple = ()
    # The numbers of the puzzle levels the lesson requires (its required
    # puzzle blocks): such a lesson is done when every one is solved.
    puzzle_levels: frozenset = frozenset()
    # Whether it holds a puzzle block at all, required or not (no "mark as done").
    has_puzzles: bool = False

    # Its place in the tree as a page has it, so that it stands in for the
    # page in tree queries (`ancestor_of`) and path checks.
    steplen: ClassVar[int] = LessonPage.steplen

    @property
    def depth(self) -> int:
        return len(self.path) // self.steplen

    @property
    def activities(self) -> list[Activity]:
        return [
            Activity(key=key, lesson=self, settings={**ACTIVITY_BLOCKS[kind], **value}, kind=kind)
            for kind, key, value in self.quiz_blocks
        ]


def _raw_blocks(raw) -> list:
    if isinstance(raw, str):  # some backends hand the JSON column back as text
        raw = json.loads(raw)
    return list(raw or ())


def _puzzle_levels(raw) -> frozenset:
    levels: set[int] = set()
    for block in _raw_blocks(raw):
        value = block.get("value") or {}
        if block.get("type") == "puzzle" and value.get("required", True):
            # A ListBlock stores its items as {"type": "item", "value": n}.
            for item in value.get("levels") or ():
                number = item.get("value") if isinstance(item, dict) else item
                if isinstance(number, int):
                    levels.add(number)
    return frozenset(levels)


def _has_puzzles(raw) -> bool:
    return any(block.get("type") == "puzzle" for block in _raw_blocks(raw))


def lesson_has_puzzles(*, lesson: "LessonPage | OutlineLesson") -> bool:
    """Whether a lesson holds a puzzle block (required or not)."""
    if isinstance(lesson, OutlineLesson):
        return lesson.has_puzzles
    return _has_puzzles(lesson.body.raw_data)


def _quiz_blocks(raw) -> tuple:
    raw = _raw_blocks(raw)
    return tuple(
        (block["type"], block["id"], block["value"])
        for block in raw or ()
        if block.get("type") in ACTIVITY_BLOCKS and block.get("id")
    )


class QuizBlocksOf(Func):
    """The activity blocks (quiz, h5p, puzzle) of a stored StreamField (a JSON list),
    picked out by the database so that an outline does not fetch and parse
    whole lesson bodies."""

    output_field = JSONField()
    # Elsewhere the whole body; `_quiz_blocks` keeps the activity blocks.
    template = "%(expressions)s"

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="jsonb_path_query_array(%(expressions)s,"
            ' \'$[*] ? (@.type == "quiz" || @.type == "h5p" || @.type == "puzzle")\')',
            **extra,
        )

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="(SELECT json_group_array(json(q.value)) FROM json_each(%(expressions)s) q"
            " WHERE json_extract(q.value, '$.type') IN ('quiz', 'h5p', 'puzzle'))",
            **extra,
        )


def _outline_rows(condition: Q):
    # Only the quiz blocks of each body, as raw JSON: no StreamField decoding.
    return (
        LessonPage.objects.filter(condition)
        .live()
        .order_by("path")
        .values_list("id", "path", "translation_key", "title", "url_path", "required")
        .annotate(raw_body=QuizBlocksOf("body"))
    )


def _outline_lesson(row, *, course: CoursePage, course_url: str | None) -> OutlineLesson:
    pk, path, translation_key, title, url_path, required, raw_body = row
    # A lesson lives under its course in the same site and language, so its
    # address is the course's followed by the rest of its url_path (no
    # per-lesson get_url).
    url = course_url + url_path[len(course.url_path) :] if course_url is not None else None
    return OutlineLesson(
        pk=pk,
        path=path,
        translation_key=translation_key,
        title=title,
        url=url,
        required=required,
        quiz_blocks=_quiz_blocks(raw_body),
        puzzle_levels=_puzzle_levels(raw_body),
        has_puzzles=_has_puzzles(raw_body),
    )


def course_lessons(*, course: CoursePage) -> list[OutlineLesson]:
    """The live lessons of a course in tree order (module by module): from the
    cache under the page-tree version, else one query."""
    return pages_cached(
        # "-2": entries kept before OutlineLesson.has_puzzles would read as
        # holding no puzzle (the field's default); never read them.
        f"course-lessons-2:{course.pk}",
        lambda: course_outlines(courses=[course])[course.pk],
        big=True,
    )


def lesson_live_kept(*, lesson_id: int) -> OutlineLesson | None:
    """A live lesson as its course's kept lessons hold it (place, title,
    address, activity blocks), without loading the page: no query when the
    process keeps its place and its course's lessons under the current
    page-tree version, which any publish, unpublish or move renews. None when
    it is not live, has no course or no address: the caller loads the page."""
    place = lesson_place_of_id(lesson_id=lesson_id)
    if place is None or place.course is None:
        return None
    lessons = course_lessons(course=place.course)
    kept = next((item for item in lessons if item.pk == lesson_id), None)
    return kept if kept is not None and kept.url is not None else None


def course_required_lessons_missing(*, course: CoursePage, done_keys) -> bool:
    """Whether a live required lesson of the course is not among `done_keys`
    (translation keys, or a subquery of them). One query, nothing loaded."""
    return (
        LessonPage.objects.descendant_of(course)
        .live()
        .filter(required=True)
        .exclude(translation_key__in=done_keys)
        .exists()
    )


def course_required_lessons_missing_sql(
    *, course: CoursePage, done_keys_sql: str, done_keys_params: list
) -> tuple[str, list]:
    """`course_required_lessons_missing` as one SELECT of plain SQL and its
    parameters, for a writer that sends it in the round trip of its own write;
    `done_keys_sql` selects the translation keys done."""
    page = LessonPage._meta.get_field("page_ptr").related_model._meta.db_table
    # Table names from the models; every value is a parameter.
    sql = (
        "SELECT EXISTS (SELECT 1"  # noqa: S608
        f" FROM {LessonPage._meta.db_table} l JOIN {page} p ON p.id = l.page_ptr_id"
        " WHERE p.path LIKE %s AND p.depth > %s AND p.live AND l.required"
        f" AND p.translation_key NOT IN ({done_keys_sql}))"
    )
    # A tree path is made of [0-9A-Z] only: nothing to escape in the pattern.
    return sql, [course.path + "%", course.depth, *done_keys_params]


def lesson_following(*, course: CoursePage, lesson: LessonPage) -> OutlineLesson | None:
    """The live lesson after `lesson` in the course's tree order (from the
    course's cached lessons: no query when they are cached)."""
    return next((item for item in course_lessons(course=course) if item.path > lesson.path), None)


def course_outlines(*, courses: list[CoursePage]) -> dict[int, list[OutlineLesson]]:
    """The outlines of several courses in one query: course id -> lessons."""
    if not courses:
        return {}
    condition = Q()
    for course in courses:
        condition |= Q(path__startswith=course.path, depth__gt=course.depth)
    urls = {course.pk: course.url for course in courses}
    outlines: dict[int, list[OutlineLesson]] = {course.pk: [] for course in courses}
    for row in _outline_rows(condition):
        for course in courses:
            if row[1].startswith(course.path):
                outlines[course.pk].append(
                    _outline_lesson(row, course=course, course_url=urls[course.pk])
                )
                break
    return outlines


def lesson_course(*, lesson: LessonPage) -> CoursePage | None:
    """The course a lesson belongs to."""
    return CoursePage.objects.ancestor_of(lesson).first()


def lesson_activities(*, lesson: "LessonPage | OutlineLesson") -> list[Activity]:
    """The quiz, exam and H5P blocks of a lesson, in reading order. Read from
    the stored JSON, so that listing many lessons loads no question bank."""
    if isinstance(lesson, OutlineLesson):
        return lesson.activities
    return [
        Activity(
            key=block["id"],
            lesson=lesson,
            settings={**ACTIVITY_BLOCKS[block["type"]], **block["value"]},
            kind=block["type"],
        )
        for block in lesson.body.raw_data
        if block.get("type") in ACTIVITY_BLOCKS and block.get("id")
    ]


def quiz_bank(*, activity: Activity) -> QuestionBank | None:
    """The question bank a quiz draws from (None when it was deleted)."""
    return QuestionBank.objects.filter(pk=activity.settings.get("bank")).first()


def lesson_activity(*, lesson: LessonPage, key: str) -> Activity | None:
    """One activity block of a lesson by its key (None when there is none)."""
    return next((a for a in lesson_activities(lesson=lesson) if a.key == key), None)


def course_in_language(*, course: CoursePage, language: str | None = None) -> CoursePage:
    """The course in the given (or active) language when it exists, else as is."""
    code = (language or get_language() or "")[:2]
    if course.locale.language_code == code:
        return course
    page = (
        CoursePage.objects.live()
        .filter(translation_key=course.translation_key, locale__language_code=code)
        .first()
    )
    return page or course


def course_by_key(*, course_key, language: str | None = None) -> CoursePage | None:
    """The live course named `course_key` (its translation_key), in the given
    (or active) language when it exists; None when no version is live."""
    code = (language or get_language() or "")[:2]
    pages = CoursePage.objects.live().filter(translation_key=course_key)
    return pages.filter(locale__language_code=code).first() or pages.order_by("pk").first()


def quiz_question_keys(*, bank: QuestionBank, competences: str = "", difficulty: str = "") -> list:
    """The translation keys of the questions a quiz may draw from."""
    questions = Question.objects.filter(
        bank__translation_key=bank.translation_key, locale_id=bank.locale_id
    )
    codes = [code.strip() for code in (competences or "").split(",") if code.strip()]
    if codes:
        questions = questions.filter(competence__code__in=codes)
    if difficulty:
        questions = questions.filter(difficulty=int(difficulty))
    return list(questions.order_by("pk").values_list("translation_key", flat=True))


def questions_by_key(*, keys: list, language: str | None = None) -> dict:
    """Questions by translation key, in the given (or active) language where a
    translation exists, else in any language. One query."""
    code = (language or get_language() or "")[:2]
    locale_id = Locale.objects.filter(language_code=code).values_list("pk", flat=True).first()
    found: dict = {}
    for question in Question.objects.filter(translation_key__in=keys).order_by("pk"):
        current = found.get(question.translation_key)
        if current is None or question.locale_id == locale_id:
            found[question.translation_key] = question
    return found


def question_choices(*, question: Question) -> list[dict]:
    """What the browser may see of a question's answers: id and text only."""
    return [{"id": child.id, "text": child.value["text"]} for child in question.choices]


def question_answer_key(*, question: Question) -> frozenset[str]:
    """The ids of the correct answers. For server-side grading only."""
    return frozenset(child.id for child in question.choices if child.value["correct"])


def question_feedback(*, question: Question) -> dict[str, str]:
    """The feedback of each answer, by choice id (shown after grading)."""
    return {child.id: child.value.get("feedback") or "" for child in question.choices}
