"""What an H5P player reports, recorded on the server: xAPI statements,
scored results (as attempts) and the state to resume an activity.

The browser only relays what H5P said; the learner is the signed-in user, the
activity must be an H5P block of the lesson, and a result is recorded once per
player session and result id. A quiz or an exam is never reached from here.
"""

import re
import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from courses import selectors as content
from courses.models import LessonPage
from lms.exceptions import LearningError
from lms.models import ActivityState, Attempt, Enrolment
from lms.services.learning import (
    activity_result_record,
    activity_state_save,
    enrolment_check_active,
)
from lms.services.xapi import VERBS, statement_record

_VERB_NAMES = {iri: name for name, iri in VERBS.items()}
_RESULT_ID = re.compile(r"^[A-Za-z0-9-]{1,40}$")
_SUBCONTENT = "http://h5p.org/x-api/h5p-subContentId"


def _h5p_activity(lesson: LessonPage, activity_key: str) -> content.Activity:
    activity = content.lesson_activity(lesson=lesson, key=activity_key)
    if activity is not None and (activity.kind == "quiz" or activity.is_exam):
        raise LearningError(
            _("This result cannot count for a quiz or an exam."), code="not_for_quiz"
        )
    if activity is None or activity.kind != "h5p":
        raise LearningError(_("This activity does not exist."), code="no_activity")
    return activity


def _number(value) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if value != value or value in (float("inf"), float("-inf")):  # NaN, infinity
        return None
    return round(value)


def _clean_result(result) -> dict | None:
    """Only the parts of an xAPI result that mean something here, typed."""
    if not isinstance(result, dict):
        return None
    clean: dict = {}
    score = result.get("score")
    if isinstance(score, dict):
        raw, maximum = _number(score.get("raw")), _number(score.get("max"))
        if raw is not None and maximum is not None and maximum > 0 and 0 <= raw <= maximum:
            clean["score"] = {
                "raw": raw,
                "min": 0,
                "max": maximum,
                "scaled": round(raw / maximum, 4),
            }
    for key in ("success", "completion"):
        if isinstance(result.get(key), bool):
            clean[key] = result[key]
    if isinstance(result.get("duration"), str):
        clean["duration"] = result["duration"][:40]
    return clean or None


def _top_level(statement: dict) -> bool:
    """Whether a statement is about the activity itself, not a part of it.
    H5P core marks a part (a question of a QuestionSet, a statement group of a
    Summary, an interaction of a video) by its subContentId in the object's
    definition extensions and by a parent in the context; some content types
    put the subContentId in the context's extensions."""
    found = []
    obj, context = statement.get("object"), statement.get("context")
    definition = obj.get("definition") if isinstance(obj, dict) else None
    for holder in (definition, context):
        extensions = holder.get("extensions") if isinstance(holder, dict) else None
        found.append(isinstance(extensions, dict) and bool(extensions.get(_SUBCONTENT)))
    activities = context.get("contextActivities") if isinstance(context, dict) else None
    found.append(isinstance(activities, dict) and bool(activities.get("parent")))
    return not any(found)


@transaction.atomic
def h5p_statement_receive(
    *,
    enrolment: Enrolment,
    lesson: LessonPage,
    activity_key: str,
    session_id: str,
    statement: dict,
    result_id: str | None = None,
) -> Attempt | None:
    """Record one xAPI statement an H5P player relayed, as the enrolment's
    learner. A top-level "answered" or "completed" with a score is also a
    result of the activity (best/last policy of the block), recorded once per
    player session and result id. Returns the attempt when there is one."""
    enrolment_check_active(enrolment)
    activity = _h5p_activity(lesson, activity_key)
    if not isinstance(statement, dict) or not isinstance(statement.get("verb"), dict):
        raise LearningError(_("This statement cannot be recorded."), code="bad_statement")
    verb = _VERB_NAMES.get(str(statement["verb"].get("id", "")))
    if verb is None:
        return None  # a verb we do not keep (e.g. "interacted")
    result = _clean_result(statement.get("result"))
    top_level = _top_level(statement)
    if verb in ("answered", "completed") and top_level and result and "score" in result:
        if not isinstance(result_id, str) or not _RESULT_ID.match(result_id):
            result_id = uuid.uuid4().hex
        attempt, created = activity_result_record(
            enrolment=enrolment,
            lesson=lesson,
            activity_key=activity_key,
            source=Attempt.Source.H5P,
            score=result["score"]["raw"],
            max_score=result["score"]["max"],
            idempotency_key=f"h5p:{session_id[:24]}:{result_id}",
            pass_mark_percent=int(activity.settings.get("pass_mark_percent") or 0),
        )
        if not created:
            return attempt  # a replay: counted, and its statement kept, once
    else:
        attempt = None
    statement_record(
        learner=enrolment.learner,
        verb=verb,
        object_kind="interaction",
        object_key=activity_key,
        course_key=enrolment.course_key,
        result=result,
        name=activity.title,
    )
    return attempt


def h5p_state_save(
    *,
    enrolment: Enrolment,
    lesson: LessonPage,
    activity_key: str,
    content_uuid: uuid.UUID,
    state: str,
) -> ActivityState:
    """Keep where the learner stands inside the H5P activity of a lesson block
    (the block must be an H5P one); the learning records keep it."""
    _h5p_activity(lesson, activity_key)
    return activity_state_save(
        enrolment=enrolment, activity_key=activity_key, content_uuid=content_uuid, state=state
    )
