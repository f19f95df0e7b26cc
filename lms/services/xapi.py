"""xAPI statements for learning events, and their forwarding to an external LRS."""

import uuid
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from lms.models import Statement, User

VERBS = {
    "registered": "http://adlnet.gov/expapi/verbs/registered",
    "experienced": "http://adlnet.gov/expapi/verbs/experienced",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "attempted": "http://adlnet.gov/expapi/verbs/attempted",
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
    "scored": "http://adlnet.gov/expapi/verbs/scored",
    "exited": "http://adlnet.gov/expapi/verbs/exited",
    "progressed": "http://adlnet.gov/expapi/verbs/progressed",
}

ACTIVITY_TYPES = {
    "course": "http://adlnet.gov/expapi/activities/course",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "assessment": "http://adlnet.gov/expapi/activities/assessment",
    "interaction": "http://adlnet.gov/expapi/activities/interaction",
}


def activity_iri(kind: str, key: object) -> str:
    """A stable IRI for a piece of content, the same in every language."""
    return f"{settings.SITE_URL.rstrip('/')}/xapi/activities/{kind}/{key}"


def _actor(learner: User) -> dict:
    # An account on this platform, never a name or e-mail: the statement store
    # and any external LRS only see the pseudonymous public id.
    return {
        "objectType": "Agent",
        "account": {"homePage": settings.SITE_URL.rstrip("/"), "name": str(learner.public_id)},
    }


def statement_build(
    *,
    learner: User,
    verb: str,
    object_kind: str,
    object_key: object,
    course_key: uuid.UUID | None = None,
    result: dict | None = None,
    name: str = "",
    timestamp: datetime | None = None,
) -> Statement:
    """One xAPI statement whose actor is `learner`, not yet saved (for bulk writes)."""
    timestamp = timestamp or timezone.now()
    statement_id = uuid.uuid4()
    object_id = activity_iri(object_kind, object_key)
    body: dict = {
        "id": str(statement_id),
        "actor": _actor(learner),
        "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
        "object": {
            "objectType": "Activity",
            "id": object_id,
            "definition": {"type": ACTIVITY_TYPES[object_kind]},
        },
        "timestamp": timestamp.isoformat(),
        "version": "1.0.3",
    }
    if name:
        body["object"]["definition"]["name"] = {"en-US": name}
    if course_key is not None and object_kind != "course":
        body["context"] = {
            "contextActivities": {
                "parent": [{"id": activity_iri("course", course_key), "objectType": "Activity"}]
            }
        }
    if result:
        body["result"] = result
    return Statement(
        id=statement_id,
        learner=learner,
        verb=VERBS[verb],
        object_id=object_id,
        course_key=course_key,
        timestamp=timestamp,
        statement=body,
    )


def statements_forward_on_commit(statement_ids: list) -> None:
    """Send stored statements to the external LRS once committed, when configured."""
    if not settings.LRS_ENDPOINT or not statement_ids:
        return
    from lms.tasks import statement_forward

    ids = [str(i) for i in statement_ids]
    transaction.on_commit(lambda: [statement_forward.delay(i) for i in ids])


def statement_record(
    *,
    learner: User,
    verb: str,
    object_kind: str,
    object_key: object,
    course_key: uuid.UUID | None = None,
    result: dict | None = None,
    name: str = "",
    timestamp: datetime | None = None,
) -> Statement | None:
    """Store one xAPI statement whose actor is `learner` (decided by the
    server), and forward it to the external LRS after commit when configured.
    None when the learner is a child whose account may not keep it yet."""
    from lms.services.sections import young_data_allowed

    if not young_data_allowed(user=learner):
        return None
    statement = statement_build(
        learner=learner,
        verb=verb,
        object_kind=object_kind,
        object_key=object_key,
        course_key=course_key,
        result=result,
        name=name,
        timestamp=timestamp,
    )
    statement.save(force_insert=True)
    statements_forward_on_commit([statement.pk])
    return statement
