from django import template
from django.urls import reverse
from django.utils.http import urlencode

from courses.selectors import lesson_has_puzzles
from lms.hooks.exam_fee import ExamFeeDue, exam_fee_owed
from lms.legal import SESSION_PENDING_KEY
from lms.selectors import course_progress, enrolment_for_course, user_display_name
from lms.selectors.puzzles import puzzle_map_progress, puzzle_progress_of

register = template.Library()


@register.simple_tag(takes_context=True)
def lms_userbar(context) -> str:
    """Wagtail's userbar, for people the admin lets in (known from the roles'
    query, where Wagtail's own tag asks for every permission: two queries)."""
    from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

    from lms.selectors.accounts import user_may_use_admin

    user = getattr(context.get("request"), "user", None)
    if user is None or not user_may_use_admin(user=user):
        return ""
    return wagtailuserbar(context)


@register.filter
def display_name(user) -> str:
    return user_display_name(user)


def _state(request, page, *, course=None) -> dict:
    """Enrolment and progress of the reader in the course of `page`, computed
    once per request (the lesson page asks from several blocks)."""
    cache = request.__dict__.setdefault("_lms_state", {})
    if page.pk in cache:
        return cache[page.pk]
    state: dict = {"enrolment": None, "progress": None, "course": course}
    if request.user.is_authenticated:
        if course is None:
            course = getattr(request, "lms_course", None)
            if course is None:
                from courses.selectors import lesson_course

                course = lesson_course(lesson=page)
            state["course"] = course
        enrolment = getattr(request, "lms_enrolment", None)
        if enrolment is None and course is not None:
            enrolment = enrolment_for_course(learner=request.user, course=course)
        if enrolment is not None and enrolment.status != enrolment.Status.CANCELLED:
            state["enrolment"] = enrolment
            progress = getattr(request, "lms_progress", None)
            if progress is None or progress.enrolment is not enrolment:
                progress = course_progress(enrolment=enrolment, course=course)
            state["progress"] = progress
    cache[page.pk] = state
    return state


@register.simple_tag(takes_context=True)
def lms_course_state(context, page) -> dict:
    """For the course page: {"enrolment", "progress", "course"}."""
    return _state(context["request"], page, course=page)


@register.simple_tag(takes_context=True)
def lms_lesson_state(context, page) -> dict:
    """For a lesson page: the course state plus whether this lesson is done and
    which lesson comes next."""
    state = dict(_state(context["request"], page))
    progress = state["progress"]
    if progress is not None:
        state["completed"] = progress.is_completed(page)
        state["next_lesson"] = progress.lesson_after(page)
        # Kids' lessons are done by solving puzzles, never by a click.
        state["done_by_puzzles"] = progress.course.track == "kids" or lesson_has_puzzles(
            lesson=page
        )
    return state


@register.simple_tag(takes_context=True)
def lms_puzzle_level_progress(context, number):
    """For a puzzle card: the signed-in player's progress on level `number`
    (None when not played), read once per request for all levels."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    return _puzzle_progress(request).get(number)


def _puzzle_progress(request) -> dict:
    cache = request.__dict__.get("_lms_puzzles")
    if cache is None:
        cache = puzzle_progress_of(user=request.user)
        request.__dict__["_lms_puzzles"] = cache
    return cache


@register.simple_tag(takes_context=True)
def lms_puzzle_map(context, worlds):
    """For the world map: the signed-in player's stars on each level and the
    next level to play (one query); the map as it is for a visitor."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return worlds
    return puzzle_map_progress(worlds=worlds, progress=_puzzle_progress(request))


@register.simple_tag(takes_context=True)
def lms_activity_state(context, page, block_id) -> dict:
    """For a quiz block: the enrolment and the activity's result so far."""
    request = context.get("request")
    if request is None or page is None:
        return {"enrolment": None, "result": None}
    state = _state(request, page)
    progress = state["progress"]
    result = progress.results.get(block_id) if progress is not None else None
    return {"enrolment": state["enrolment"], "result": result}


@register.simple_tag(takes_context=True)
def lms_exam_fee(context, state) -> ExamFeeDue | None:
    """For an exam block: the fee the signed-in learner still owes, or None."""
    request = context.get("request")
    enrolment = state.get("enrolment") if state else None
    if request is None or enrolment is None:
        return None
    return exam_fee_owed(user=request.user, course_key=enrolment.course_key)


@register.simple_tag(takes_context=True)
def lms_h5p_player(context, page, block_id, content) -> dict:
    """For an H5P block: the enrolment, the activity's result so far and, for
    an enrolled learner, the player frame's address with a new signed session."""
    from courses.h5p.selectors import h5p_content_waiting_for
    from courses.h5p.tokens import player_origin, player_token_make, player_url

    state = lms_activity_state(context, page, block_id)
    request = context.get("request")
    if state["enrolment"] is None or content is None or not player_origin():
        return state
    if h5p_content_waiting_for(content=content):
        # Its libraries wait for an administrator's approval.
        return {**state, "waiting": True}
    token = player_token_make(
        user_id=request.user.pk,
        lesson_id=page.pk,
        activity_key=block_id,
        content_uuid=content.uuid,
    )
    return {**state, "session": token, "url": player_url(token)}


@register.simple_tag
def lms_quiz_question_count(value) -> int:
    """Questions per attempt: an exam's blueprint total, else the quiz's count."""
    from courses.selectors import exams

    if value.get("mode") == "exam":
        total = exams.blueprint_total(settings=value)
        if total:
            return total
    return value.get("question_count") or 0


@register.inclusion_tag("lms/legal/pending_notice.html", takes_context=True)
def legal_pending_notice(context) -> dict:
    """A gentle note on every page while a new version of the terms or privacy
    notice waits for the signed-in person (read from the session, no query)."""
    request = context.get("request")
    session = getattr(request, "session", None)
    if request is None or session is None or not session.get(SESSION_PENDING_KEY):
        return {"show": False}
    accept_url = reverse("lms:legal_accept")
    query = urlencode({"next": request.get_full_path()})
    return {"show": request.path != accept_url, "accept_url": f"{accept_url}?{query}"}
