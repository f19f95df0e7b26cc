"""The one hook through which lms learns whether a person's legal name is
already printed on a certificate (then only a correction request changes it).

lms may not import certificates (certificates imports lms), so certificates
registers a checker when it starts (`certificates.apps.CertificatesConfig.ready`):

    from lms.hooks.identity import register_name_in_use_check
    register_name_in_use_check(certificate_carries_name_exists)
"""

from collections.abc import Callable

from lms.models import User

NameInUseCheck = Callable[..., bool]  # (*, user: User) -> bool
_checks: list[NameInUseCheck] = []


def register_name_in_use_check(check: NameInUseCheck) -> None:
    """Register `check(*, user) -> bool` (idempotent)."""
    if check not in _checks:
        _checks.append(check)


def legal_name_in_use(*, user: User) -> bool:
    """True when a registered checker finds the name on a certificate."""
    return any(check(user=user) for check in _checks)
