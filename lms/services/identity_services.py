"""Writes for the Belgian identity services (itsme, CSAM/FAS): what a verified
identity changes on the person's account. The OpenID Connect side (tokens,
nonce, issuer) is in `lms.identity_providers`."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from lms.exceptions import LearningError
from lms.models import User
from lms.services.accounts import user_legal_name_set

VERIFYING_SOURCES = (User.LegalNameSource.ITSME, User.LegalNameSource.CSAM)


@transaction.atomic
def user_identity_verify(
    *,
    user: User,
    service: str,
    given_name: str,
    family_name: str,
    verified_at: datetime | None = None,
) -> bool:
    """Make the name an identity service confirmed the person's legal name,
    marked as verified by `service` (itsme or csam) on `verified_at`.

    Returns False, changing nothing, when the service gave no usable name, or
    when the account already carries another name on a certificate (only a
    correction request changes it then) or belongs to a child."""
    if service not in VERIFYING_SOURCES:
        raise ValueError(f"not an identity service: {service!r}")
    try:
        user = user_legal_name_set(
            user=user, given_name=given_name, family_name=family_name, source=service, actor=user
        )
    except (LearningError, ValidationError):
        return False
    user = User.objects.select_for_update().get(pk=user.pk)
    user.legal_name_source = service
    user.legal_name_verified_at = verified_at or timezone.now()
    user.save(update_fields=["legal_name_source", "legal_name_verified_at"])
    audit_record(
        actor=user,
        action="user.identity_verified",
        target=user,
        subject_user=user,
        data={"service": service},
    )
    return True
