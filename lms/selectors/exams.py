"""Reads about exams: when the next attempt may start, the result of an exam
per competence (never the key), and whether an enrolment holds a passed,
server-graded exam (what a certificate needs)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import get_language, gettext, ngettext

from courses.models import DigCompCompetence
from courses.selectors import exams as exam_content
from courses.selectors import question_answer_key, questions_by_key
from lms.models import Attempt, Enrolment

# 2^16 times the cooldown is already years: no overflow, however many tries.
MAX_DOUBLINGS = 16


def attempt_wait_until(*, settings: dict, exam: bool, attempts: list[Attempt]) -> datetime | None:
    """When the learner may start the next attempt, from the closed ones (None:
    no wait). An exam's wait doubles with every failure: after the n-th failed
    attempt it is cooldown × 2^(n-1); a practice quiz waits the cooldown."""
    cooldown = int(settings.get("cooldown_minutes") or 0)
    closed = [a for a in attempts if a.submitted_at is not None]
    if not cooldown or not closed:
        return None
    last = max(closed, key=lambda a: a.submitted_at)
    minutes = cooldown
    if exam and not last.passed:
        failed = sum(1 for a in closed if not a.passed)
        minutes = cooldown * 2 ** min(failed - 1, MAX_DOUBLINGS)
    return last.submitted_at + timedelta(minutes=minutes)


@dataclass(frozen=True)
class CompetenceResult:
    """n correct of m, for one DigComp competence of an exam attempt."""

    code: str
    title: str
    correct: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0


def attempt_competence_results(
    *, attempt: Attempt, language: str | None = None
) -> list[CompetenceResult]:
    """The result of a closed attempt per competence, in the reader's language.
    Only counts leave this function: no question, choice or key."""
    if attempt.status == Attempt.Status.OPEN:
        return []
    keys = [q["question"] for q in attempt.questions]
    questions = {str(k): q for k, q in questions_by_key(keys=keys).items()}
    codes = exam_content.question_competences(keys=keys)
    totals: dict[str, list[int]] = {}
    for key in keys:
        code = codes.get(key)
        if code is None:
            continue  # deleted from the bank: graded as wrong, not shown
        tally = totals.setdefault(code, [0, 0])
        tally[1] += 1
        question = questions.get(key)
        chosen = frozenset(attempt.answers.get(key, []))
        if question is not None and chosen and chosen == question_answer_key(question=question):
            tally[0] += 1
    language = (language or get_language() or "en")[:2]
    competences = {c.code: c for c in DigCompCompetence.objects.filter(code__in=list(totals))}
    return [
        CompetenceResult(
            code=code,
            title=competences[code].title_in(language) if code in competences else "",
            correct=correct,
            total=total,
        )
        for code, (correct, total) in sorted(totals.items(), key=lambda item: _code_order(item[0]))
    ]


def _code_order(code: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in code.split("."))


def enrolment_exam_passed(*, learner, course_key, enrolment_id: int | None = None) -> bool:
    """Whether the learner's enrolment in the course holds a passed exam attempt
    graded on the server and taken alone (source quiz, exam, not assisted).
    H5P and puzzle results never count here."""
    enrolments = Enrolment.objects.filter(learner=learner, course_key=course_key)
    if enrolment_id is not None:
        enrolments = enrolments.filter(pk=enrolment_id)
    return exam_passes().filter(enrolment__in=enrolments).exists()


def enrolment_exam_pass(*, learner, course_key, enrolment_id: int | None = None) -> Attempt | None:
    """The passed exam attempt that lets a certificate be issued (the latest,
    if more than one), or None."""
    enrolments = Enrolment.objects.filter(learner=learner, course_key=course_key)
    if enrolment_id is not None:
        enrolments = enrolments.filter(pk=enrolment_id)
    return (
        exam_passes()
        .filter(enrolment__in=enrolments)
        .order_by("-submitted_at", "-id")
        .only("score", "max_score", "pass_mark_percent", "submitted_at")
        .first()
    )


def exam_passes() -> QuerySet[Attempt]:
    """The attempts that let a certificate be issued: a passed exam graded on
    the server and taken alone (source quiz, exam, not assisted)."""
    return Attempt.objects.filter(
        source=Attempt.Source.QUIZ, exam=True, passed=True, assisted=False
    )


__all__ = [
    "CompetenceResult",
    "attempt_competence_results",
    "attempt_wait_until",
    "enrolment_exam_pass",
    "enrolment_exam_passed",
    "exam_passes",
    "retry_text",
]


def _wait_words(seconds: int) -> str:
    # Whole minutes, rounded up: never "in 0 minutes" while the start is refused.
    minutes = -(-seconds // 60)
    hours, minutes = divmod(minutes, 60)
    hours_text = ngettext("%(n)s hour", "%(n)s hours", hours) % {"n": hours}
    minutes_text = ngettext("%(n)s minute", "%(n)s minutes", minutes) % {"n": minutes}
    if not hours:
        return minutes_text
    if not minutes:
        return hours_text
    return gettext("%(hours)s and %(minutes)s") % {"hours": hours_text, "minutes": minutes_text}


def retry_text(*, moment: datetime, now: datetime | None = None) -> str:
    """When the next attempt may start, as a person says it, in the active
    language and time zone (Belgium): today or tomorrow at a time with the
    hours and minutes still to wait, later a date and a time."""
    now = now or timezone.now()
    local, today = localtime(moment), localtime(now).date()
    time = date_format(local, "H:i")
    if local.date() == today:
        return gettext("You can try again today at %(time)s, in %(wait)s.") % {
            "time": time,
            "wait": _wait_words(max(0, int((moment - now).total_seconds()))),
        }
    if local.date() == today + timedelta(days=1):
        return gettext("You can try again tomorrow at %(time)s.") % {"time": time}
    return gettext("You can try again on %(date)s at %(time)s.") % {
        "date": date_format(local, "DATE_FORMAT"),
        "time": time,
    }
