"""Sessions end after a time without activity: helpers and learners work on
library and public-computer-room PCs, where the next person sits down at a
signed-in browser. Enforced on the server; the page only warns (lms/idle.js).

The session holds the time of the last recorded activity, written at most once
a minute (not on every request: no write amplification), whether the account
holds a staff role (worked out once, at sign-in) and whether the person said
"this is a shared computer" at sign-in. The idle limit is the shortest that
applies: SESSION_IDLE_TIMEOUT, SESSION_IDLE_TIMEOUT_STAFF for staff roles,
SESSION_IDLE_TIMEOUT_SHARED on a shared computer.
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import ngettext

LAST_ACTIVITY = "_idle_last"
STAFF = "_idle_staff"
SHARED = "_idle_shared"
# Asked by the warning script: answers how long is left, never counts as activity.
STATUS_URL_NAME = "lms:session_status"


def now() -> float:
    """The clock (a function, so that tests can move it)."""
    return time.time()


def idle_limit(session) -> int:
    """Seconds without activity after which this session ends."""
    limit = settings.SESSION_IDLE_TIMEOUT
    if session.get(STAFF):
        limit = min(limit, settings.SESSION_IDLE_TIMEOUT_STAFF)
    if session.get(SHARED):
        limit = min(limit, settings.SESSION_IDLE_TIMEOUT_SHARED)
    return limit


def session_idle_start(*, request: HttpRequest, user) -> None:
    """At sign-in: the clock starts, the staff rule is read once."""
    from lms.permissions import user_is_staff_role

    request.session[LAST_ACTIVITY] = int(now())
    request.session[STAFF] = user_is_staff_role(user)


def on_user_logged_in(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        session_idle_start(request=request, user=user)


def session_shared_mark(*, request: HttpRequest) -> None:
    """ "This is a shared computer": nothing remembered after the browser closes,
    and the shorter idle limit."""
    request.session.set_expiry(0)
    request.session[SHARED] = True


def session_touch(*, request: HttpRequest) -> int:
    """Record activity now (the "stay signed in" button); returns the seconds left."""
    request.session[LAST_ACTIVITY] = int(now())
    return idle_limit(request.session)


def seconds_left(request: HttpRequest) -> int | None:
    """Seconds before the signed-in session ends, None when there is no limit."""
    session = getattr(request, "session", None)
    last = session.get(LAST_ACTIVITY) if session is not None else None
    if last is None or settings.SESSION_IDLE_TIMEOUT <= 0:
        return None
    return max(0, int(last + idle_limit(session) - now()))


def _expired_response(request: HttpRequest, limit: int) -> HttpResponse:
    logout(request)
    minutes = max(1, limit // 60)
    messages.info(
        request,
        ngettext(
            "You were signed out after %(minutes)d minute without activity. Please sign in again.",
            "You were signed out after %(minutes)d minutes without activity. Please sign in again.",
            minutes,
        )
        % {"minutes": minutes},
    )
    if _is_status(request):
        return JsonResponse({"seconds_left": 0}, status=401)
    login_url = reverse(settings.LOGIN_URL)
    if request.method == "GET":
        login_url += "?" + urlencode({"next": request.get_full_path()})
    return redirect(login_url)


class IdleSessionMiddleware:
    """Ends signed-in sessions idle for too long; records activity at most once
    a minute. After the authentication and locale middleware (the sign-in page
    it sends to is in the request's language)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self._check(request)
        return response if response is not None else self.get_response(request)

    def _check(self, request: HttpRequest) -> HttpResponse | None:
        # No cookie, no session to read (anonymous pages stay cacheable).
        if settings.SESSION_IDLE_TIMEOUT <= 0:
            return None
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        session = request.session
        if SESSION_KEY not in session:
            return None
        last = session.get(LAST_ACTIVITY)
        if last is None:
            # A session from before this rule: start its clock now.
            session_idle_start(request=request, user=request.user)
            return None
        limit = idle_limit(session)
        elapsed = now() - last
        if elapsed >= limit:
            return _expired_response(request, limit)
        if elapsed >= settings.SESSION_IDLE_WRITE_EVERY and not _is_status(request):
            session[LAST_ACTIVITY] = int(now())
        return None


def _is_status(request: HttpRequest) -> bool:
    return request.path_info == reverse(STATUS_URL_NAME)
