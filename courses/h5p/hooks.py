"""The one hook through which the H5P player page gets a learner's saved
state (to resume an activity).

The state is learner data, kept by lms; courses may not import lms (lms
imports courses), so lms registers its reader when it starts
(`lms.apps.LmsConfig.ready`):

    from courses.h5p.hooks import register_saved_state_reader
    register_saved_state_reader(activity_state_read)

Without a reader every activity starts afresh.
"""

from collections.abc import Callable

# (*, user_id, lesson_id, activity_key, content_uuid) -> the saved state or None
SavedStateReader = Callable[..., str | None]
_readers: list[SavedStateReader] = []


def register_saved_state_reader(reader: SavedStateReader) -> None:
    """Register `reader` (idempotent; one reader is expected)."""
    if reader not in _readers:
        _readers.append(reader)


def saved_state_read(
    *, user_id: int, lesson_id: int, activity_key: str, content_uuid
) -> str | None:
    """The first saved state a registered reader finds, or None."""
    for reader in _readers:
        state = reader(
            user_id=user_id,
            lesson_id=lesson_id,
            activity_key=activity_key,
            content_uuid=content_uuid,
        )
        if state is not None:
            return state
    return None
