"""Reads of exam content: blueprints, bank sizes per blueprint cell, overlap
between exam and practice banks, and whether a course has a server-graded
final exam (the condition for issuing a certificate)."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from courses.models import CoursePage, LessonPage, Question, QuestionBank

# Every blueprint cell must be drawn from at least this many times its count,
# so that no attempt reveals much of the bank.
EXAM_BANK_FACTOR = 5


@dataclass(frozen=True)
class BlueprintCell:
    """Draw `count` questions of DigComp `competence` at `difficulty` (1-3)."""

    competence: str
    difficulty: int
    count: int

    @property
    def needed(self) -> int:
        return EXAM_BANK_FACTOR * self.count


def _cell_value(item) -> dict:
    # A ListBlock stores its items as {"type": "item", "value": {...}, "id": ...}
    # (older data: the plain value); a cleaned block hands a StructValue.
    if hasattr(item, "value") and not isinstance(item, dict):
        item = item.value
    if isinstance(item, dict) and "value" in item and "type" in item:
        item = item["value"]
    return dict(item or {})


def blueprint_cells(*, settings) -> list[BlueprintCell]:
    """The cells of a quiz's blueprint (raw JSON settings or a block value);
    unusable cells (no competence, a count below 1) are left out."""
    cells = []
    for item in settings.get("blueprint") or []:
        value = _cell_value(item)
        code = str(value.get("competence") or "").strip()
        try:
            difficulty = int(value.get("difficulty") or 0)
            count = int(value.get("count") or 0)
        except (TypeError, ValueError):
            continue
        if code and difficulty in (1, 2, 3) and count >= 1:
            cells.append(BlueprintCell(competence=code, difficulty=difficulty, count=count))
    return cells


def blueprint_total(*, settings) -> int:
    """How many questions one attempt of this blueprint draws."""
    return sum(cell.count for cell in blueprint_cells(settings=settings))


def bank_cell_counts(*, bank: QuestionBank) -> dict[tuple[str, int], int]:
    """Questions of this bank (in its language) by (competence code, difficulty)."""
    rows = (
        Question.objects.filter(
            bank__translation_key=bank.translation_key, locale_id=bank.locale_id
        )
        .order_by()
        .values("competence__code", "difficulty")
        .annotate(n=Count("pk"))
    )
    return {(row["competence__code"], row["difficulty"]): row["n"] for row in rows}


@dataclass(frozen=True)
class CellSize:
    cell: BlueprintCell
    available: int

    @property
    def enough(self) -> bool:
        return self.available >= self.cell.needed


def blueprint_sizes(*, bank: QuestionBank, cells: list[BlueprintCell]) -> list[CellSize]:
    """For each blueprint cell, how many questions this bank holds for it."""
    counts = bank_cell_counts(bank=bank)
    return [
        CellSize(cell=cell, available=counts.get((cell.competence, cell.difficulty), 0))
        for cell in cells
    ]


def blueprint_question_keys(*, bank: QuestionBank, cell: BlueprintCell) -> list:
    """The translation keys of the bank's questions in one blueprint cell."""
    return list(
        Question.objects.filter(
            bank__translation_key=bank.translation_key,
            locale_id=bank.locale_id,
            competence__code=cell.competence,
            difficulty=cell.difficulty,
        )
        .order_by("pk")
        .values_list("translation_key", flat=True)
    )


def question_competences(*, keys: list) -> dict[str, str]:
    """The DigComp competence code of each question, by translation key (str)."""
    rows = Question.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "competence__code"
    )
    return {str(key): code for key, code in rows}


def _is_final_exam(block_type: str, value: dict) -> bool:
    return block_type == "quiz" and value.get("mode") == "exam" and value.get("required", True)


def body_has_final_exam(*, body) -> bool:
    """Whether a lesson body (stored JSON or a StreamValue) holds a required exam."""
    raw = body.raw_data if hasattr(body, "raw_data") else body or []
    return any(_is_final_exam(block.get("type"), block.get("value") or {}) for block in raw)


def course_has_final_exam(
    *,
    course: CoursePage,
    excluding_lesson_id: int | None = None,
    excluding_path: str | None = None,
) -> bool:
    """Whether a live, required lesson of the course holds a required exam-mode
    quiz: the server-graded final assessment a certificate needs. A lesson, or
    a subtree (a module being deleted), can be left out of the count."""
    lessons = LessonPage.objects.descendant_of(course).live().filter(required=True)
    if excluding_lesson_id is not None:
        lessons = lessons.exclude(pk=excluding_lesson_id)
    if excluding_path:
        lessons = lessons.exclude(path__startswith=excluding_path)
    return any(body_has_final_exam(body=lesson.body) for lesson in lessons.only("id", "body"))


@dataclass(frozen=True)
class CourseQuiz:
    """A quiz block of a course's lesson, with its bank."""

    lesson: LessonPage
    key: str
    settings: dict
    bank: QuestionBank | None

    @property
    def is_exam(self) -> bool:
        return self.settings.get("mode") == "exam"


def course_quizzes(*, course: CoursePage) -> list[CourseQuiz]:
    """Every quiz and exam of a course's live lessons (in the course's
    language), with their banks loaded in one query."""
    found = []
    for lesson in LessonPage.objects.descendant_of(course).live().order_by("path"):
        for block in lesson.body.raw_data:
            if block.get("type") == "quiz" and block.get("id"):
                found.append((lesson, block["id"], block.get("value") or {}))
    banks = QuestionBank.objects.in_bulk([value.get("bank") for _l, _k, value in found])
    return [
        CourseQuiz(lesson=lesson, key=key, settings=value, bank=banks.get(value.get("bank")))
        for lesson, key, value in found
    ]


def bank_translations(*, bank: QuestionBank) -> list[QuestionBank]:
    """The bank in every language it exists in."""
    return list(
        QuestionBank.objects.filter(translation_key=bank.translation_key)
        .select_related("locale")
        .order_by("locale__language_code")
    )


def bank_overlap(*, exam_bank: QuestionBank, practice_bank: QuestionBank) -> list[str]:
    """Questions of the exam bank that also appear in the practice bank, in any
    language: the same stable id, the same translation key or the same prompt.
    Returns a description of each shared question; empty means no overlap."""
    exam = Question.objects.filter(bank__translation_key=exam_bank.translation_key)
    practice = Question.objects.filter(bank__translation_key=practice_bank.translation_key)
    exam_rows = list(exam.values_list("key", "translation_key", "prompt"))
    practice_rows = list(practice.values_list("key", "translation_key", "prompt"))
    practice_keys = {key for key, _t, _p in practice_rows if key}
    practice_translations = {translation for _k, translation, _p in practice_rows}
    practice_prompts = {_normal(prompt) for _k, _t, prompt in practice_rows}
    shared = Counter()
    for key, translation, prompt in exam_rows:
        if key and key in practice_keys:
            shared[key] += 1
        elif translation in practice_translations:
            shared[str(translation)] += 1
        elif _normal(prompt) in practice_prompts:
            shared[prompt[:80]] += 1
    return sorted(shared)


def _normal(prompt: str) -> str:
    return " ".join((prompt or "").split()).casefold()


def bank_activity_keys(*, bank: QuestionBank) -> set[str]:
    """The keys of the quiz blocks (any lesson, any language) that draw from
    this bank in any of its languages. Reads only the quiz blocks' JSON."""
    from courses.selectors.learning import QuizBlocksOf, _quiz_blocks

    bank_ids = set(
        QuestionBank.objects.filter(translation_key=bank.translation_key).values_list(
            "pk", flat=True
        )
    )
    keys = set()
    for raw in LessonPage.objects.annotate(raw=QuizBlocksOf("body")).values_list("raw", flat=True):
        for kind, key, value in _quiz_blocks(raw):
            if kind == "quiz" and value.get("bank") in bank_ids:
                keys.add(key)
    return keys


def bank_questions(*, bank: QuestionBank) -> list[Question]:
    """The questions of a bank in its language, with their competence."""
    return list(
        Question.objects.filter(
            bank__translation_key=bank.translation_key, locale_id=bank.locale_id
        )
        .select_related("competence")
        .order_by("competence__code", "difficulty", "key", "pk")
    )


def bank_exam_settings(*, bank: QuestionBank) -> list[dict]:
    """The settings of the exam-mode quiz blocks that draw from this bank."""
    from courses.selectors.learning import QuizBlocksOf, _quiz_blocks

    bank_ids = set(
        QuestionBank.objects.filter(translation_key=bank.translation_key).values_list(
            "pk", flat=True
        )
    )
    found = []
    for raw in LessonPage.objects.annotate(raw=QuizBlocksOf("body")).values_list("raw", flat=True):
        for kind, _key, value in _quiz_blocks(raw):
            if kind == "quiz" and value.get("mode") == "exam" and value.get("bank") in bank_ids:
                found.append(value)
    return found
