"""Reads for H5P playback: the learner's saved state of an activity."""

from courses.h5p.tokens import PlayerSession
from courses.models import CoursePage, LessonPage
from lms.models import ActivityState, Enrolment


def activity_state_for_session(*, session: PlayerSession) -> str | None:
    """The state saved by the learner a player session names, for the same
    activity block and the same content item (a state written by another
    version of the content is not handed to this one). Two queries."""
    lesson = LessonPage.objects.filter(pk=session.lesson_id).only("path", "depth").first()
    if lesson is None:
        return None
    course_key = CoursePage.objects.ancestor_of(lesson).values("translation_key")[:1]
    return (
        ActivityState.objects.filter(
            enrolment__learner_id=session.user_id,
            enrolment__course_key=course_key,
            enrolment__status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED],
            activity_key=session.activity_key,
            content_uuid=session.content_uuid,
        )
        .values_list("state", flat=True)
        .first()
    )
