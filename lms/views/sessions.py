"""The idle-session warning's two small endpoints (lms/idle.py)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from lms.idle import seconds_left, session_touch


@never_cache
@login_required
@require_POST
def session_keepalive(request: HttpRequest) -> JsonResponse:
    """POST: "stay signed in"; the idle clock starts again."""
    return JsonResponse({"seconds_left": session_touch(request=request)})


@never_cache
@login_required
@require_GET
def session_status(request: HttpRequest) -> JsonResponse:
    """GET: seconds left (activity in another tab counts); not itself activity."""
    return JsonResponse({"seconds_left": seconds_left(request)})
