"""Server-graded quizzes and exams: draw, save answers, submit, grade.

The browser only ever sends question keys and choice ids; which choices are
correct is read here, from courses.selectors, and nowhere else.
"""

import random
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import selectors as content
from courses.models import LessonPage
from courses.selectors import exams
from lms.exceptions import LearningError
from lms.hooks.exam_fee import exam_fee_owed
from lms.models import Attempt, Enrolment, FocusEvent, SigninMethod
from lms.selectors.coaching import assisted_session_open
from lms.selectors.exams import attempt_wait_until, retry_text
from lms.services.learning import (
    attempt_statement_record,
    completion_evaluate,
    enrolment_check_active,
    pass_mark_met,
)
from lms.services.xapi import statement_record

# A learner in an exam cannot produce more than this; beyond it is a script.
MAX_FOCUS_EVENTS = 500
_random = random.SystemRandom()


def _check_bank(activity: content.Activity, bank) -> None:
    # An exam bank is never practised on, and an exam never draws practice
    # questions: the key of an exam would otherwise be harvested by practising.
    if activity.is_exam:
        if bank.purpose != bank.Purpose.EXAM or not exams.blueprint_cells(
            settings=activity.settings
        ):
            raise LearningError(
                _("This exam is not set up correctly yet. Please try again later."),
                code="exam_bank_mismatch",
            )
    elif bank.purpose != bank.Purpose.PRACTICE:
        raise LearningError(
            _("This quiz is not set up correctly yet. Please try again later."),
            code="practice_bank_mismatch",
        )


def _draw_keys(activity: content.Activity, bank) -> list:
    settings = activity.settings
    if not activity.is_exam:
        keys = content.quiz_question_keys(
            bank=bank,
            competences=settings.get("competences") or "",
            difficulty=settings.get("difficulty") or "",
        )
        if not keys:
            return []
        return _random.sample(keys, min(int(settings.get("question_count") or 1), len(keys)))
    # An exam follows its blueprint exactly: so many questions of each
    # competence and difficulty, or no attempt at all.
    drawn = []
    for cell in exams.blueprint_cells(settings=settings):
        keys = exams.blueprint_question_keys(bank=bank, cell=cell)
        if len(keys) < cell.count:
            return []
        drawn.extend(_random.sample(keys, cell.count))
    _random.shuffle(drawn)
    return drawn


def _draw(activity: content.Activity) -> list[dict]:
    bank = content.quiz_bank(activity=activity)
    if bank is not None:
        _check_bank(activity, bank)
    drawn = _draw_keys(activity, bank) if bank is not None else []
    if not drawn:
        raise LearningError(
            _("This quiz has no questions yet. Please try again later."), code="no_questions"
        )
    questions = content.questions_by_key(keys=drawn)
    return [
        {
            "question": str(key),
            "kind": questions[key].kind,
            "choices": [c["id"] for c in content.question_choices(question=questions[key])],
        }
        for key in drawn
    ]


@transaction.atomic
def quiz_attempt_start(
    *,
    enrolment: Enrolment,
    lesson: LessonPage,
    activity_key: str,
    assisted: bool = False,
    signin_method: str = SigninMethod.OTHER,
) -> tuple[Attempt, bool]:
    """Start an attempt with questions drawn on the server, or return the one
    already open (a second tab, a lost connection). Returns (attempt, created).
    `signin_method` is how the session was opened (recorded on the attempt);
    an exam is never started nor resumed in a session opened with a login card."""
    enrolment_check_active(enrolment)
    activity = content.lesson_activity(lesson=lesson, key=activity_key)
    if activity is None or activity.kind != "quiz":
        raise LearningError(_("This activity does not exist."), code="no_activity")
    if activity.is_exam and assisted:
        raise LearningError(_("Exams are taken alone, without a helper."), code="exam_assisted")
    if activity.is_exam and signin_method == SigninMethod.CARD:
        raise LearningError(
            _(
                "You signed in with a login card. Choose your own password first, then "
                "sign in with it to take an exam. Practice works as usual."
            ),
            code="exam_card_session",
        )
    # A helper's live session is open: exams wait, other work is assisted.
    if assisted_session_open(enrolment.learner):
        if activity.is_exam:
            raise LearningError(
                _(
                    "A session with your helper is open. Exams are taken alone: "
                    "ask your helper to end the session, then start the exam."
                ),
                code="exam_assisted_session",
            )
        assisted = True
    # Serialise the starts of one learner: the limit and the draw are decided once.
    Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
    attempts = list(Attempt.objects.filter(enrolment=enrolment, activity_key=activity_key))
    open_attempt = next((a for a in attempts if a.status == Attempt.Status.OPEN), None)
    if open_attempt is not None and not _expire_if_due(open_attempt):
        return open_attempt, False
    # A new exam attempt waits for its fee (paid, or waived by a voucher);
    # an attempt already open was started with the fee settled.
    if activity.is_exam:
        fee = exam_fee_owed(user=enrolment.learner, course_key=enrolment.course_key)
        if fee is not None:
            raise LearningError(
                _(
                    "This exam has a fee of %(amount)s. Pay it or enter your voucher code, "
                    "then start the exam."
                )
                % {"amount": fee.amount},
                code="exam_fee_due",
            )
    limit = activity.settings.get("max_attempts")
    if limit and len(attempts) >= limit:
        raise LearningError(
            _("You have used all your attempts for this activity."), code="attempt_limit"
        )
    wait_until = attempt_wait_until(
        settings=activity.settings, exam=activity.is_exam, attempts=attempts
    )
    now = timezone.now()
    if wait_until is not None and wait_until > now:
        raise LearningError(retry_text(moment=wait_until, now=now), code="cooldown")
    limit_minutes = activity.settings.get("time_limit_minutes") if activity.is_exam else None
    now = timezone.now()
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                enrolment=enrolment,
                lesson_key=lesson.translation_key,
                activity_key=activity_key,
                source=Attempt.Source.QUIZ,
                exam=activity.is_exam,
                number=len(attempts) + 1,
                questions=_draw(activity),
                pass_mark_percent=activity.settings.get("pass_mark_percent") or 0,
                assisted=assisted,
                signin_method=signin_method,
                started_at=now,
                deadline=now + timedelta(minutes=limit_minutes) if limit_minutes else None,
            )
    except IntegrityError:
        # Another tab won the race: resume its attempt.
        return Attempt.objects.get(
            enrolment=enrolment, activity_key=activity_key, status=Attempt.Status.OPEN
        ), False
    statement_record(
        learner=enrolment.learner,
        verb="attempted",
        object_kind="assessment",
        object_key=activity_key,
        course_key=enrolment.course_key,
        name=activity.title,
    )
    return attempt, True


def _validate(attempt: Attempt, answers: dict) -> dict[str, list[str]]:
    drawn = {q["question"]: q for q in attempt.questions}
    clean: dict[str, list[str]] = {}
    for question_key, choice_ids in answers.items():
        question = drawn.get(str(question_key))
        if question is None:
            raise LearningError(
                _("One of these answers is for a question that is not part of your attempt."),
                code="foreign_question",
            )
        choice_ids = [str(c) for c in choice_ids if c]
        if any(c not in question["choices"] for c in choice_ids):
            raise LearningError(
                _("One of these answers is not a choice of its question."), code="foreign_choice"
            )
        if question["kind"] != "multiple" and len(choice_ids) > 1:
            raise LearningError(
                _("Choose only one answer for this question."), code="too_many_choices"
            )
        clean[question["question"]] = sorted(set(choice_ids))
    return clean


def _grade(attempt: Attempt, *, status: str) -> None:
    keys = [q["question"] for q in attempt.questions]
    questions = content.questions_by_key(keys=keys)
    score = 0
    for key in keys:
        question = next((q for k, q in questions.items() if str(k) == key), None)
        if question is None:
            continue  # deleted from the bank: counts as wrong, never as a crash
        chosen = frozenset(attempt.answers.get(key, []))
        if chosen and chosen == content.question_answer_key(question=question):
            score += 1
    attempt.score = score
    attempt.max_score = len(keys)
    attempt.passed = pass_mark_met(
        score=score, max_score=len(keys), pass_mark_percent=attempt.pass_mark_percent
    )
    attempt.status = status
    attempt.submitted_at = timezone.now()
    attempt.save(update_fields=["score", "max_score", "passed", "status", "submitted_at"])
    attempt_statement_record(attempt=attempt, name="")
    if attempt.passed:
        completion_evaluate(enrolment=attempt.enrolment)


def _expire_if_due(attempt: Attempt) -> bool:
    """Close an open attempt whose deadline has passed, grading what was saved
    in time. Returns True when the attempt is (now) closed."""
    if attempt.status != Attempt.Status.OPEN:
        return True
    if attempt.deadline is None or attempt.deadline > timezone.now():
        return False
    _grade(attempt, status=Attempt.Status.EXPIRED)
    return True


@transaction.atomic
def attempt_expire_if_due(*, attempt: Attempt) -> bool:
    """Close an open attempt whose deadline has passed (grading the answers
    saved in time). Returns True when this call closed it."""
    if attempt.status != Attempt.Status.OPEN or attempt.deadline is None:
        return False
    if attempt.deadline > timezone.now():
        return False
    locked = _locked(attempt)
    if locked.status != Attempt.Status.OPEN:
        return False
    return _expire_if_due(locked)


def _locked(attempt: Attempt) -> Attempt:
    return (
        Attempt.objects.select_for_update().select_related("enrolment__learner").get(pk=attempt.pk)
    )


def quiz_answer_save(*, attempt: Attempt, answers: dict) -> Attempt:
    """Save answers of an open attempt as the learner goes (exam autosave, or
    "save my answers"). Refused after the deadline or the submission."""
    with transaction.atomic():
        attempt = _locked(attempt)
        expired = _expire_if_due(attempt) and attempt.status == Attempt.Status.EXPIRED
        if not expired:
            if attempt.status != Attempt.Status.OPEN:
                raise LearningError(
                    _("This attempt has already been submitted."), code="already_submitted"
                )
            attempt.answers = {**attempt.answers, **_validate(attempt, answers)}
            attempt.save(update_fields=["answers"])
            return attempt
    raise LearningError(
        _("The time is up. The answers saved before the deadline have been graded."),
        code="deadline",
    )


def quiz_attempt_submit(*, attempt: Attempt, answers: dict | None = None) -> tuple[Attempt, bool]:
    """Submit and grade an attempt on the server. A second submission changes
    nothing and returns (attempt, False); after the deadline the answers saved
    in time are graded and LearningError says so."""
    with transaction.atomic():
        attempt = _locked(attempt)
        if attempt.status == Attempt.Status.SUBMITTED:
            return attempt, False
        expired = _expire_if_due(attempt) and attempt.status == Attempt.Status.EXPIRED
        if not expired:
            if answers:
                attempt.answers = {**attempt.answers, **_validate(attempt, answers)}
                attempt.save(update_fields=["answers"])
            _grade(attempt, status=Attempt.Status.SUBMITTED)
            return attempt, True
    raise LearningError(
        _("The time is up. The answers saved before the deadline have been graded."),
        code="deadline",
    )


@transaction.atomic
def attempt_focus_loss_record(*, attempt: Attempt, kind: str) -> bool:
    """Keep, for review, that the exam page lost focus. Only for open exams."""
    if kind not in FocusEvent.Kind.values:
        raise LearningError(_("Unknown event."), code="bad_event")
    if not attempt.exam or attempt.status != Attempt.Status.OPEN:
        return False
    if FocusEvent.objects.filter(attempt=attempt).count() >= MAX_FOCUS_EVENTS:
        return False
    from lms.services.sections import young_data_allowed

    if not young_data_allowed(user=attempt.enrolment.learner):
        return False
    FocusEvent.objects.create(attempt=attempt, kind=kind)
    return True
