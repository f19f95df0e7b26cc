"""The coding puzzles: the list of levels, the player, and the check endpoint."""

import json

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from config import ratelimit
from courses.puzzles import selectors
from courses.puzzles.program import MAX_PROGRAM_BYTES
from courses.puzzles.services import MESSAGES, puzzle_program_check
from courses.puzzles.signals import puzzle_checked
from courses.puzzles.words import player_words
from courses.puzzles.world import maze_parse

# The request wraps the program in a small object ({"program": ...}).
MAX_REQUEST_BYTES = MAX_PROGRAM_BYTES + 1_000


@require_GET
def level_list(request: HttpRequest) -> HttpResponse:
    """The world map: the levels world by world (lms adds a signed-in
    player's stars and the next level to play)."""
    worlds = selectors.puzzle_world_map(language=get_language())
    return render(request, "courses/puzzles/level_list.html", {"worlds": worlds})


# Blockly writes its stylesheets into <style> elements at run time and has no
# way to give them a nonce: this page alone allows inline styles (never scripts).
@csp_update({"style-src": [UNSAFE_INLINE]})
@require_GET
def level_play(request: HttpRequest, number: int) -> HttpResponse:
    level = selectors.puzzle_level_get(number=number, language=get_language())
    previous, following = selectors.puzzle_level_neighbours(level=level)
    player = {
        "number": level.number,
        "maze": maze_parse(level.maze).as_json(),
        "blocks": level.allowed_blocks,
        "idealBlockCount": level.ideal_block_count,
        "checkUrl": reverse("puzzles:check", args=[level.number]),
    }
    return render(
        request,
        "courses/puzzles/level_play.html",
        {
            "level": level,
            "player": player,
            "words": player_words(),
            "previous": previous,
            "following": following,
        },
    )


def _refuse(reason: str) -> JsonResponse:
    return JsonResponse(
        {"status": "rejected", "reason": reason, "solved": False, "message": str(MESSAGES[reason])},
        status=400,
    )


def _check_allowed(request: HttpRequest) -> tuple[bool, int]:
    """Count one check for the player (or the address of a visitor) in the
    shared cache; (False, seconds to wait) once over PUZZLES_CHECK_RATE."""
    who = (
        f"u{request.user.pk}"
        if request.user.is_authenticated
        else f"ip{ratelimit.client_address(request)}"
    )
    wait = ratelimit.hit(f"puzzle-check:{who}", rate=settings.PUZZLES_CHECK_RATE)
    return wait is None, wait or 0


@require_POST
def level_check(request: HttpRequest, number: int) -> JsonResponse:
    """Replay the submitted program on the server. Anything else in the body
    (a claimed success, stars) is ignored. A signed-in player's verdict is
    recorded by lms (through the `puzzle_checked` signal)."""
    allowed, wait = _check_allowed(request)
    if not allowed:
        response = JsonResponse(
            {
                "status": "rejected",
                "reason": "too_many",
                "solved": False,
                "message": _("Slow down! Wait a moment, then run your program again."),
            },
            status=429,
        )
        response["Retry-After"] = str(wait)
        return response
    level = selectors.puzzle_level_get(number=number, language=get_language())
    body = request.body
    if len(body) > MAX_REQUEST_BYTES:
        return _refuse("too_big")
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        return _refuse("malformed")
    if not isinstance(payload, dict) or "program" not in payload:
        return _refuse("malformed")
    verdict = puzzle_program_check(level=level, program_json=payload["program"])
    key = payload.get("idempotency_key")
    puzzle_checked.send(
        sender=type(level),
        user=request.user if request.user.is_authenticated else None,
        level_number=level.number,
        verdict=verdict,
        idempotency_key=key if isinstance(key, str) else "",
        program=payload["program"],
    )
    return JsonResponse(verdict.as_json(), status=400 if verdict.status == "rejected" else 200)
