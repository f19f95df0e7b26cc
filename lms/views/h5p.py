"""The bridge: where the lesson page posts what an H5P player frame reported
(xAPI statements, the resume state), as the signed-in learner. The player
itself is served on its own origin by courses.h5p.views."""

import json

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.h5p.tokens import SESSION_MAX_AGE, player_token_read
from courses.models import LessonPage
from lms.exceptions import LearningError
from lms.permissions import access_lesson_enrolment, access_live_page
from lms.services.h5p import h5p_state_save, h5p_statement_receive

BODY_MAX_BYTES = 96 * 1024


def _refuse(message: str, status: int, code: str) -> JsonResponse:
    return JsonResponse({"ok": False, "error": message, "code": code}, status=status)


@require_POST
def bridge(request: HttpRequest) -> HttpResponse:
    """What the lesson page relays from a player frame: {"session": token,
    "type": "statement" | "state", ...}. The learner is the signed-in user, who
    must be the one the token was made for and enrolled in the lesson's course."""
    if not request.user.is_authenticated:
        return _refuse(_("Sign in to save your work."), 403, "anonymous")
    if len(request.body) > BODY_MAX_BYTES:
        return _refuse(_("This message is too large."), 413, "too_large")
    try:
        data = json.loads(request.body)
    except ValueError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("session"), str):
        return _refuse(_("This message cannot be read."), 400, "bad_request")
    session = player_token_read(data["session"], max_age=SESSION_MAX_AGE)
    if session is None:
        return _refuse(
            _("This exercise session has expired: reload the page to go on."), 400, "expired"
        )
    if session.user_id != request.user.pk:
        return _refuse(_("This exercise was opened by someone else."), 403, "wrong_user")
    try:
        lesson = access_live_page(LessonPage, session.lesson_id)
        enrolment = access_lesson_enrolment(request.user, lesson)
    except (Http404, PermissionDenied):
        return _refuse(_("You are not enrolled in this course."), 403, "not_enrolled")
    try:
        if data.get("type") == "state":
            h5p_state_save(
                enrolment=enrolment,
                lesson=lesson,
                activity_key=session.activity_key,
                content_uuid=session.content_uuid,
                state=data.get("state"),
            )
            return JsonResponse({"ok": True})
        if data.get("type") != "statement":
            return _refuse(_("This message cannot be read."), 400, "bad_request")
        attempt = h5p_statement_receive(
            enrolment=enrolment,
            lesson=lesson,
            activity_key=session.activity_key,
            session_id=session.session_id,
            statement=data.get("statement"),
            result_id=data.get("resultId"),
        )
    except LearningError as error:
        return _refuse(error.message, 409, error.code)
    body: dict = {"ok": True}
    if attempt is not None:
        body["result"] = {
            "percent": attempt.percent,
            "passed": bool(attempt.passed),
            "message": _("Your result is saved: %(percent)s%% (%(verdict)s).")
            % {
                "percent": attempt.percent,
                "verdict": _("passed") if attempt.passed else _("not passed yet"),
            },
        }
    return JsonResponse(body)
