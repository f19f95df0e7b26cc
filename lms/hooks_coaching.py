"""The one hook through which lms learns whether a helper holds the training
certificate their organisation requires.

lms may not import certificates (certificates imports lms), so certificates
registers a checker when it starts (`certificates.apps.CertificatesConfig.ready`):

    from lms.hooks_coaching import register_training_check
    register_training_check(certificate_valid_exists)

Deny by default: with no checker registered, nobody counts as certified, so a
helper of an organisation that requires the training cannot be activated.
`helper_profile_activate` itself takes the answer as a plain bool.
"""

from collections.abc import Callable
from uuid import UUID

from lms.models import User

TrainingCheck = Callable[..., bool]  # (*, user: User, course_key: UUID) -> bool
_checks: list[TrainingCheck] = []


def register_training_check(check: TrainingCheck) -> None:
    """Register `check(*, user, course_key) -> bool` (idempotent)."""
    if check not in _checks:
        _checks.append(check)


def helper_holds_training(*, user: User, course_key: UUID | None) -> bool:
    """True when no training is required, or a registered checker confirms a
    valid certificate of `course_key` for `user`."""
    if course_key is None:
        return True
    return any(check(user=user, course_key=course_key) for check in _checks)
