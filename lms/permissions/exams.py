"""Who sees exam statistics and integrity summaries: editors, by the model
permission to change question banks (never by is_staff). Deny by default."""

from django.core.exceptions import PermissionDenied

from lms.models import User

EXAM_STATISTICS_PERMISSION = "courses.change_questionbank"


def access_exam_statistics(user: User) -> User:
    """The caller when they may read exam statistics, else 403."""
    if not (user.is_authenticated and user.is_active and user.has_perm(EXAM_STATISTICS_PERMISSION)):
        raise PermissionDenied
    return user
