"""Learning views: enrol, mark a lesson done, take a quiz or an exam, "My
learning". Thin: parse, check access, call one service, render or redirect.
Every page works without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses.models import CoursePage, LessonPage
from courses.selectors import (
    course_in_language,
    lesson_course,
    lesson_following,
    lesson_live_kept,
)
from lms.exceptions import LearningError
from lms.models import Attempt, Enrolment, FocusEvent
from lms.permissions import (
    access_attempt,
    access_enrolment,
    access_lesson_enrolment,
    access_live_page,
)
from lms.selectors import course_progress, dashboard_courses
from lms.selectors.exams import attempt_competence_results
from lms.selectors.learning import activity_results
from lms.selectors.puzzles import puzzle_progress_map, puzzle_progress_summary
from lms.selectors.quizzes import attempt_questions
from lms.services import (
    attempt_focus_loss_record,
    enrolment_cancel,
    enrolment_create,
    lesson_progress_record,
    quiz_answer_save,
    quiz_attempt_start,
    quiz_attempt_submit,
)
from lms.services.quizzes import attempt_expire_if_due
from lms.signals.coaching import signin_method_of


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """My learning: my courses with progress, next step and results."""
    courses = dashboard_courses(learner=request.user)
    user = request.user
    # A completed certificate course waits for the legal name: ask for it here.
    legal_name_needed = (
        user.account_type != user.AccountType.YOUNG
        and not user.has_legal_name
        and any(item.enrolment.completed_at and item.course.certificate_enabled for item in courses)
    )
    puzzles = puzzle_progress_summary(user=user)
    return render(
        request,
        "lms/dashboard.html",
        {
            "courses": courses,
            "legal_name_needed": legal_name_needed,
            "puzzles": puzzles,
            "show_puzzles": puzzles["played"] > 0 or user.account_type == user.AccountType.YOUNG,
        },
    )


@login_required
@require_GET
def my_puzzles(request: HttpRequest) -> HttpResponse:
    """My puzzles: the signed-in player's own levels solved and stars, world by
    world (never anybody else's)."""
    worlds = puzzle_progress_map(user=request.user, language=get_language())
    return render(request, "lms/puzzles.html", {"worlds": worlds})


@login_required
@require_POST
def course_enrol(request: HttpRequest, course_id: int) -> HttpResponse:
    course = access_live_page(CoursePage, course_id)
    try:
        enrolment = enrolment_create(
            learner=request.user, course=course, source=Enrolment.Source.SELF
        )
    except LearningError as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(course.url)
    messages.success(request, _("You are enrolled. Enjoy the course!"))
    following = course_progress(enrolment=enrolment, course=course).next_lesson
    return HttpResponseRedirect(following.url if following else course.url)


@login_required
@require_POST
def course_leave(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = access_enrolment(request.user, enrolment_id)
    if enrolment_cancel(enrolment=enrolment, cancelled_by=request.user):
        messages.success(request, _("You left the course. Your progress is kept if you return."))
    return redirect("lms:dashboard")


@login_required
@require_POST
def lesson_complete(request: HttpRequest, lesson_id: int) -> HttpResponse:
    """Mark a lesson as done, then go on to the next one."""
    # The live lesson as its course's kept lessons hold it (no page query),
    # else the page itself (or 404).
    lesson = lesson_live_kept(lesson_id=lesson_id) or access_live_page(LessonPage, lesson_id)
    enrolment = access_lesson_enrolment(request.user, lesson)
    was_completed = enrolment.completed_at is not None
    try:
        # One key per lesson: marking it done twice (double click, back button,
        # another tab) counts once.
        lesson_progress_record(
            enrolment=enrolment,
            lesson=lesson,
            event="completed",
            idempotency_key=f"completed:{lesson.translation_key}",
            read_replay=False,  # a second click: nothing to show of the first
        )
    except LearningError as error:
        if error.code == "done_by_puzzles":
            # Not a slip to bounce back from: this lesson has no such button.
            return render(
                request,
                "lms/refused.html",
                {"message": error.message, "back_url": lesson.url, "back_title": lesson.title},
                status=403,
            )
        messages.error(request, error.message)
        return HttpResponseRedirect(lesson.url)
    if enrolment.completed_at and not was_completed:
        messages.success(request, _("Congratulations, you have completed this course!"))
        return redirect("lms:dashboard")
    course = enrolment.course
    if not lesson.path.startswith(course.path):  # the lesson in another language
        course = lesson_course(lesson=lesson)
    following = lesson_following(course=course, lesson=lesson)
    messages.success(request, _("Lesson done."))
    # An address, not a view's name: `redirect()` would first try to reverse it
    # (a failed reverse, 15 against 5 µs).
    return HttpResponseRedirect(following.url if following else course.url)


@login_required
@require_POST
def quiz_start(request: HttpRequest, lesson_id: int, activity_key: str) -> HttpResponse:
    lesson = access_live_page(LessonPage, lesson_id)
    enrolment = access_lesson_enrolment(request.user, lesson)
    try:
        attempt, _created = quiz_attempt_start(
            enrolment=enrolment,
            lesson=lesson,
            activity_key=activity_key[:64],
            signin_method=signin_method_of(request),
        )
    except LearningError as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(f"{lesson.url}#activity-{activity_key[:64]}")
    return redirect("lms:attempt", public_id=attempt.public_id)


def _answers(request: HttpRequest) -> dict[str, list[str]]:
    # Every "q-<question key>" field, including ones the page never offered,
    # so that a tampered form is refused rather than silently trimmed.
    return {name[2:]: request.POST.getlist(name) for name in request.POST if name.startswith("q-")}


def _lesson_of(attempt: Attempt) -> LessonPage | None:
    return (
        LessonPage.objects.live()
        .filter(translation_key=attempt.lesson_key, locale__language_code=request_language())
        .first()
        or LessonPage.objects.live().filter(translation_key=attempt.lesson_key).first()
    )


def request_language() -> str:
    from django.utils.translation import get_language

    return (get_language() or "en")[:2]


@login_required
@require_GET
def attempt_detail(request: HttpRequest, public_id) -> HttpResponse:
    """An attempt: the questions while it is open (resumable after a lost
    connection), the result and feedback once it is closed."""
    attempt = access_attempt(request.user, public_id)
    if attempt_expire_if_due(attempt=attempt):
        attempt = access_attempt(request.user, public_id)
        messages.warning(
            request, _("The time is up. The answers saved before the deadline have been graded.")
        )
    lesson = _lesson_of(attempt)
    course = course_in_language(course=attempt.enrolment.course)
    # Not passed: what comes next (when the next try may start, the tries left).
    result = None
    if lesson is not None and not attempt.is_open and not attempt.passed:
        result = activity_results(enrolment=attempt.enrolment, lesson=lesson).get(
            attempt.activity_key
        )
    context = {
        "result": result,
        "attempt": attempt,
        "questions": attempt_questions(attempt=attempt),
        "competence_results": attempt_competence_results(attempt=attempt) if attempt.exam else [],
        "lesson": lesson,
        "course": course,
        "activity_title": _activity_title(lesson, attempt),
        "seconds_left": max(0, int((attempt.deadline - timezone.now()).total_seconds()))
        if attempt.deadline and attempt.is_open
        else None,
    }
    return render(request, "lms/attempt.html", context)


def _activity_title(lesson: LessonPage | None, attempt: Attempt) -> str:
    from courses.selectors import lesson_activity

    activity = lesson_activity(lesson=lesson, key=attempt.activity_key) if lesson else None
    return activity.title if activity else _("Quiz")


@login_required
@require_POST
def attempt_save(request: HttpRequest, public_id) -> HttpResponse:
    """Save answers as the learner goes (the exam's autosave, or the button)."""
    attempt = access_attempt(request.user, public_id)
    try:
        quiz_answer_save(attempt=attempt, answers=_answers(request))
    except LearningError as error:
        if _wants_json(request):
            return JsonResponse({"saved": False, "error": error.message}, status=409)
        messages.error(request, error.message)
        return redirect("lms:attempt", public_id=attempt.public_id)
    if _wants_json(request):
        return JsonResponse({"saved": True, "message": _("Your answers have been saved.")})
    messages.success(request, _("Your answers have been saved."))
    return redirect("lms:attempt", public_id=attempt.public_id)


@login_required
@require_POST
def attempt_submit(request: HttpRequest, public_id) -> HttpResponse:
    attempt = access_attempt(request.user, public_id)
    try:
        attempt, first = quiz_attempt_submit(attempt=attempt, answers=_answers(request))
    except LearningError as error:
        messages.error(request, error.message)
        return redirect("lms:attempt", public_id=attempt.public_id)
    if not first:
        messages.info(
            request, _("This attempt was already submitted; the first submission counts.")
        )
    return redirect("lms:attempt", public_id=attempt.public_id)


@login_required
@require_POST
def attempt_focus(request: HttpRequest, public_id) -> HttpResponse:
    """The exam page lost focus (sent by the page's script with sendBeacon)."""
    attempt = access_attempt(request.user, public_id)
    kind = request.POST.get("kind", FocusEvent.Kind.HIDDEN)
    try:
        attempt_focus_loss_record(attempt=attempt, kind=kind)
    except LearningError as error:
        return JsonResponse({"error": error.message}, status=400)
    return HttpResponse(status=204)
