"""Exam statistics for editors: per question of an exam bank (how often drawn,
share answered correctly, discrimination, flags) and the integrity summary of
a course (bank size per blueprint cell and language, overlap with practice,
exposure, pass rate). Read from closed exam attempts; content through
courses.selectors."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, QuestionBank
from courses.selectors import exams as exam_content
from courses.selectors import question_answer_key
from lms.models import Attempt

# Upper and lower groups for the discrimination index (Kelley's 27 %).
GROUP_SHARE = 0.27
# Below this many attempts that drew a question, no discrimination is given.
MIN_SAMPLE = 10
WEAK_DISCRIMINATION = 0.2
TOO_EASY = 0.95
TOO_HARD = 0.2
# Drawn more than this many times its expected share: over-exposed.
OVER_EXPOSED = 1.5
# The most recent attempts are enough for the statistics and bound the work.
MAX_ATTEMPTS = 20_000

FLAG_LABELS = {
    "weak": _("weak: does not tell strong from weak candidates"),
    "too_easy": _("too easy"),
    "too_hard": _("too hard"),
    "over_exposed": _("over-exposed: drawn far more often than expected"),
}
PROBLEM_LABELS = {
    "no_bank": _("The exam has no question bank."),
    "not_an_exam_bank": _("The exam draws from a bank whose purpose is not “exam”."),
    "no_blueprint": _("The exam has no blueprint."),
}


@dataclass
class QuestionStat:
    """How one exam question fared."""

    key: str  # the question's stable id (or its translation key)
    prompt: str
    competence: str
    difficulty: int
    drawn: int = 0
    correct: int = 0
    expected: float = 0.0
    discrimination: float | None = None

    @property
    def share_correct(self) -> float | None:
        return self.correct / self.drawn if self.drawn else None

    @property
    def exposure(self) -> float | None:
        return self.drawn / self.expected if self.expected else None

    @property
    def flag_labels(self) -> list[str]:
        return [str(FLAG_LABELS[flag]) for flag in self.flags]

    @property
    def flags(self) -> list[str]:
        flags = []
        share = self.share_correct
        if self.discrimination is not None and self.discrimination < WEAK_DISCRIMINATION:
            flags.append("weak")
        if share is not None and self.drawn >= MIN_SAMPLE and share > TOO_EASY:
            flags.append("too_easy")
        if share is not None and self.drawn >= MIN_SAMPLE and share < TOO_HARD:
            flags.append("too_hard")
        if self.exposure is not None and self.drawn >= MIN_SAMPLE and self.exposure > OVER_EXPOSED:
            flags.append("over_exposed")
        return flags


@dataclass
class BankStats:
    bank: QuestionBank
    attempts: int
    passed: int
    questions: list[QuestionStat] = field(default_factory=list)

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.attempts if self.attempts else None


def _closed_exam_attempts(activity_keys):
    return list(
        Attempt.objects.filter(
            activity_key__in=list(activity_keys), exam=True, source=Attempt.Source.QUIZ
        )
        .exclude(status=Attempt.Status.OPEN)
        .order_by("-submitted_at")
        .values_list("questions", "answers", "score", "max_score", "passed")[:MAX_ATTEMPTS]
    )


def _discrimination(rows: list[tuple[float, set[str]]], key: str) -> float | None:
    """Upper-lower 27 % difference of the share correct, among the attempts
    that drew the question (rows: (attempt percent, questions right))."""
    seen = sorted((percent, key in right) for percent, right, drawn in rows if key in drawn)
    if len(seen) < MIN_SAMPLE:
        return None
    size = max(1, round(GROUP_SHARE * len(seen)))
    lower, upper = seen[:size], seen[-size:]
    return round(sum(r for _p, r in upper) / size - sum(r for _p, r in lower) / size, 2)


def bank_question_stats(*, bank: QuestionBank) -> BankStats:
    """Statistics of every question of an exam bank from the closed exam
    attempts of the quizzes that draw from it (any language)."""
    questions = exam_content.bank_questions(bank=bank)
    activity_keys = exam_content.bank_activity_keys(bank=bank)
    attempts = _closed_exam_attempts(activity_keys) if activity_keys else []
    answer_keys = {str(q.translation_key): question_answer_key(question=q) for q in questions}
    stats = {
        str(q.translation_key): QuestionStat(
            key=q.key or str(q.translation_key),
            prompt=q.prompt[:120],
            competence=q.competence.code,
            difficulty=q.difficulty,
        )
        for q in questions
    }
    rows = []
    passed = 0
    for drawn_list, answers, score, max_score, was_passed in attempts:
        drawn = {d["question"] for d in drawn_list or []}
        right = set()
        for key in drawn:
            stat = stats.get(key)
            if stat is None:
                continue
            stat.drawn += 1
            chosen = frozenset((answers or {}).get(key, []))
            if chosen and chosen == answer_keys[key]:
                stat.correct += 1
                right.add(key)
        rows.append((score / max_score if max_score else 0, right, drawn))
        passed += bool(was_passed)
    _expected(stats.values(), len(attempts), activity_keys=activity_keys, bank=bank)
    for key, stat in stats.items():
        stat.discrimination = _discrimination(rows, key)
    return BankStats(
        bank=bank, attempts=len(attempts), passed=passed, questions=list(stats.values())
    )


def _expected(stats, attempts: int, *, activity_keys, bank) -> None:
    # Expected draws of a question: attempts × its cell's count ÷ the cell's
    # size, with the blueprint of the bank's exam (the largest count wins when
    # several exams share a bank).
    counts: dict[tuple[str, int], int] = {}
    for quiz in exam_content.bank_exam_settings(bank=bank):
        for cell in exam_content.blueprint_cells(settings=quiz):
            key = (cell.competence, cell.difficulty)
            counts[key] = max(counts.get(key, 0), cell.count)
    stats = list(stats)
    sizes: dict[tuple[str, int], int] = {}
    for stat in stats:
        sizes[(stat.competence, stat.difficulty)] = (
            sizes.get((stat.competence, stat.difficulty), 0) + 1
        )
    for stat in stats:
        cell = (stat.competence, stat.difficulty)
        if counts.get(cell):
            stat.expected = attempts * counts[cell] / sizes[cell]


@dataclass
class CellRow:
    competence: str
    difficulty: int
    count: int
    needed: int
    sizes: dict[str, int]  # language -> questions in the bank

    @property
    def ok(self) -> bool:
        return all(size >= self.needed for size in self.sizes.values())


@dataclass
class ExamIntegrity:
    """One exam of a course: its blueprint, bank sizes, overlaps, exposure."""

    title: str
    bank: QuestionBank | None
    problems: list[str]
    cells: list[CellRow]
    languages: list[str]
    overlaps: dict[str, list[str]]  # practice bank title -> shared questions
    stats: BankStats | None

    @property
    def total(self) -> int:
        return sum(cell.count for cell in self.cells)

    @property
    def problem_labels(self) -> list[str]:
        return [str(PROBLEM_LABELS[problem]) for problem in self.problems]

    @property
    def over_exposed(self) -> list[QuestionStat]:
        if self.stats is None:
            return []
        return [q for q in self.stats.questions if "over_exposed" in q.flags]

    @property
    def max_exposure(self) -> float | None:
        values = [q.exposure for q in self.stats.questions if q.exposure] if self.stats else []
        return round(max(values), 2) if values else None

    @property
    def ok(self) -> bool:
        return (
            not self.problems
            and all(cell.ok for cell in self.cells)
            and not any(self.overlaps.values())
        )


def course_exam_integrity(*, course: CoursePage) -> list[ExamIntegrity]:
    """The integrity summary of every exam of a course."""
    quizzes = exam_content.course_quizzes(course=course)
    practice_banks = {
        q.bank.translation_key: q.bank for q in quizzes if not q.is_exam and q.bank is not None
    }
    summaries = []
    for quiz in quizzes:
        if not quiz.is_exam:
            continue
        bank = quiz.bank
        problems = []
        if bank is None:
            problems.append("no_bank")
        elif bank.purpose != QuestionBank.Purpose.EXAM:
            problems.append("not_an_exam_bank")
        cells = exam_content.blueprint_cells(settings=quiz.settings)
        if not cells:
            problems.append("no_blueprint")
        rows, languages, overlaps, stats = [], [], {}, None
        if bank is not None:
            translations = exam_content.bank_translations(bank=bank)
            languages = [b.locale.language_code for b in translations]
            counts = {
                b.locale.language_code: exam_content.bank_cell_counts(bank=b) for b in translations
            }
            rows = [
                CellRow(
                    competence=cell.competence,
                    difficulty=cell.difficulty,
                    count=cell.count,
                    needed=cell.needed,
                    sizes={
                        lang: counts[lang].get((cell.competence, cell.difficulty), 0)
                        for lang in languages
                    },
                )
                for cell in cells
            ]
            overlaps = {
                practice.title: exam_content.bank_overlap(exam_bank=bank, practice_bank=practice)
                for practice in practice_banks.values()
            }
            stats = bank_question_stats(bank=bank)
        summaries.append(
            ExamIntegrity(
                title=quiz.settings.get("title") or "",
                bank=bank,
                problems=problems,
                cells=rows,
                languages=languages,
                overlaps=overlaps,
                stats=stats,
            )
        )
    return summaries


def exam_courses() -> list[CoursePage]:
    """The courses editors check: those issuing a certificate, in every
    language, in one query."""
    return list(
        CoursePage.objects.filter(certificate_enabled=True)
        .select_related("locale")
        .order_by("path")
    )
