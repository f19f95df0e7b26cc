"""Erasure of a person's account (GDPR article 17), on their request or by the
retention schedule.

The account row stays, pseudonymised, so that counts, completions, analytics
figures and the audit journal keep adding up; everything that names the person
goes: names, e-mail, username, birth dates, free text, e-mail addresses,
social logins and MFA devices. Other apps erase their part through
`lms.hooks.personal_data` (certificates are revoked with `ERASED_REASON`).
"""

import uuid

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from audit.services import audit_data_scrub, audit_record
from lms.exceptions import LearningError
from lms.hooks.personal_data import personal_data_erase
from lms.models import (
    ActivityState,
    CoachingSession,
    ConsentRecord,
    HelperConsent,
    LoginCard,
    SectionChild,
    Statement,
    User,
)
from lms.services.xapi import _actor

# Why an account was erased: a code, never free text (it goes in the journal).
REASON_REQUEST = "holder_request"
REASON_INACTIVE = "retention_inactive"
REASON_SECTION_CLOSED = "section_closed"
REASONS = {REASON_REQUEST, REASON_INACTIVE, REASON_SECTION_CLOSED}

ERASED_PREFIX = "erased-"
ERASED_MARK = "[erased]"
_STATEMENT_CHUNK = 1000


def account_is_erased(*, user: User) -> bool:
    return user.username.startswith(ERASED_PREFIX) and not user.is_active


def account_erase_refusal(*, user: User) -> str | None:
    """Why this account cannot erase itself yet, or None. Staff accounts and
    anyone holding a role (teacher, helper, partner staff, fund officer, editor)
    first have their roles removed by an administrator: other people's work
    (classes, consents, reports) hangs on them."""
    if user.is_staff or user.is_superuser or user.groups.exists():
        return _(
            "Your account holds a role on the platform. Ask an administrator to remove your "
            "roles first; then you can delete your account."
        )
    if User.objects.filter(pk=user.pk, class_sections__isnull=False).exists():
        return _("You still have class sections. Close them first.")
    return None


def _scrub(value, needles: list[str]):
    """`value` with every string that contains one of `needles` replaced."""
    if isinstance(value, str):
        lowered = value.lower()
        return ERASED_MARK if any(n in lowered for n in needles) else value
    if isinstance(value, list):
        return [_scrub(item, needles) for item in value]
    if isinstance(value, dict):
        return {key: _scrub(item, needles) for key, item in value.items()}
    return value


def _needles(user: User) -> list[str]:
    words = [user.username, user.email, user.first_name, user.last_name, user.display_name]
    words += [c.first_name for c in SectionChild.objects.filter(user=user)]
    return [w.strip().lower() for w in words if w and len(w.strip()) >= 3]


@transaction.atomic
def account_erase(
    *, user: User, reason: str, actor: User | None = None, force: bool = False
) -> dict[str, int]:
    """Erase the person's data and pseudonymise what must stay; returns the
    counts written to the journal. Idempotent: an erased account is left alone.
    Refused (LearningError) for an account with a role, unless `force` (the
    retention schedule and a school closing a class use it for children)."""
    if reason not in REASONS:
        raise ValueError(f"unknown erasure reason {reason!r}")
    user = User.objects.select_for_update().get(pk=user.pk)
    if account_is_erased(user=user):
        return {}
    refusal = None if force else account_erase_refusal(user=user)
    if refusal:
        raise LearningError(refusal, code="erase_refused")

    needles = _needles(user)
    counts = personal_data_erase(user=user, actor=actor, reason=reason)

    counts["email_addresses"] = EmailAddress.objects.filter(user=user).delete()[0]
    counts["social_accounts"] = SocialAccount.objects.filter(user=user).delete()[0]
    counts["mfa"] = Authenticator.objects.filter(user=user).delete()[0]
    counts["login_cards"] = LoginCard.objects.filter(user=user).delete()[0]
    counts["activity_states"] = ActivityState.objects.filter(enrolment__learner=user).delete()[0]
    for consent in HelperConsent.objects.filter(learner=user).exclude(scan=""):
        consent.scan.delete(save=False)
    counts["helper_consents"] = HelperConsent.objects.filter(learner=user).update(
        paper_reference="", scan=""
    )
    counts["coaching_sessions"] = CoachingSession.objects.filter(learner=user).update(
        notes="", place=ERASED_MARK
    )
    ConsentRecord.objects.filter(child__user=user).update(guardian_name=ERASED_MARK)
    # Names are unique within a class: each erased child gets its own mark.
    SectionChild.objects.filter(user=user).update(
        first_name=f"{ERASED_MARK} {user.pk}", picture_hash=""
    )
    # Wagtail's profile (avatar, preferences) of an erased account has no use.
    UserProfile.objects.filter(user=user).delete()

    # The account: a new pseudonymous id, so that nothing already handed out
    # (xAPI statements, an external LRS) can be linked back to the row.
    user.public_id = uuid.uuid4()
    user.username = f"{ERASED_PREFIX}{user.public_id.hex[:20]}"
    user.email = ""
    user.first_name = user.last_name = user.display_name = ""
    user.legal_name_source = User.LegalNameSource.NONE
    user.legal_name_verified_at = None
    user.inactivity_warned_at = None
    user.is_active = False
    # A new (unusable) password also ends every open session: Django checks
    # the session's password hash on each request.
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()

    actor_json = _actor(user)
    counts["xapi_statements"] = 0
    batch = []
    for statement in (
        Statement.objects.filter(learner=user)
        .only("id", "statement")
        .iterator(chunk_size=_STATEMENT_CHUNK)
    ):
        statement.statement = {**_scrub(statement.statement, needles), "actor": actor_json}
        batch.append(statement)
        if len(batch) >= _STATEMENT_CHUNK:
            counts["xapi_statements"] += Statement.objects.bulk_update(batch, ["statement"])
            batch = []
    if batch:
        counts["xapi_statements"] += Statement.objects.bulk_update(batch, ["statement"])

    # The journal is append-only, with one exception: personal data in the
    # rows about the erased person is overwritten (the rows themselves stay).
    audit_data_scrub(user=user, scrub=lambda data: _scrub(data, needles))

    audit_record(
        actor=actor if actor is not None and actor.pk != user.pk else None,
        action="account.erase",
        target=user,
        data={"reason": reason, "counts": counts},
    )
    return counts
