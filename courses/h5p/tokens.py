"""Player sessions: the signed token an H5P frame's address carries.

The player origin has no cookies, so the token is the only thing that says who
plays what: the learner, the lesson and activity block, the content item and an
opaque session id. It is signed with the project's secret (django.core.signing,
its own salt) and short-lived: the player page opens only with a token younger
than PAGE_MAX_AGE; the files of that page and the platform's bridge accept it
for SESSION_MAX_AGE, the time a learner may stay on one exercise.
"""

import secrets
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing

SALT = "digiskills.h5p.player"
PAGE_MAX_AGE = 10 * 60
SESSION_MAX_AGE = 4 * 60 * 60


@dataclass(frozen=True)
class PlayerSession:
    """What a valid token names."""

    user_id: int
    lesson_id: int
    activity_key: str
    content_uuid: uuid.UUID
    session_id: str


def player_origin() -> str:
    return settings.H5P_PLAYER_ORIGIN


def platform_origin() -> str:
    """The platform's origin (scheme://host[:port]), from SITE_URL."""
    parts = urlsplit(settings.SITE_URL)
    return f"{parts.scheme}://{parts.netloc}"


def player_token_make(*, user_id: int, lesson_id: int, activity_key: str, content_uuid) -> str:
    """A new player session for one learner and one activity block."""
    return signing.dumps(
        {
            "u": user_id,
            "l": lesson_id,
            "a": activity_key,
            "c": str(content_uuid),
            # Opaque, per frame load: results of one session share its id.
            "s": secrets.token_urlsafe(12),
        },
        salt=SALT,
        compress=True,
    )


def player_token_read(token: str, *, max_age: int) -> PlayerSession | None:
    """The session a token names, or None when it is forged, altered or older
    than `max_age` seconds."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
        return PlayerSession(
            user_id=int(data["u"]),
            lesson_id=int(data["l"]),
            activity_key=str(data["a"])[:64],
            content_uuid=uuid.UUID(data["c"]),
            session_id=str(data["s"])[:24],
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def player_url(token: str) -> str:
    return f"{player_origin()}/h5p/play/{token}/"
