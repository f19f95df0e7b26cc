"""Writes for accounts, roles and the audit journal.

Every function here runs in a transaction; sensitive changes leave an audit row
and side effects (e-mail) are sent to Celery only once the transaction commits.
"""

import secrets

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from lms.models import AuditEntry, LoginCard, User
from lms.roles import GROUP_NAMES, Role


def audit_record(
    *,
    actor: User | None,
    action: str,
    target: object,
    subject_user: User | None = None,
    data: dict | None = None,
) -> AuditEntry:
    """Append one row to the audit journal for a sensitive action on `target`."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        subject_user=subject_user,
        data=data or {},
    )


@transaction.atomic
def user_password_chosen(*, user: User) -> User:
    """Record that the person chose their own password (sign-up, change, set,
    reset, taking over an assisted account): from now on no login card is
    printed for them and a card no longer signs in. Not for a password made by
    a helper or by staff."""
    user.password_chosen_at = timezone.now()
    User.objects.filter(pk=user.pk).update(password_chosen_at=user.password_chosen_at)
    LoginCard.objects.filter(user=user, used_at__isnull=True, replaced_at__isnull=True).update(
        replaced_at=user.password_chosen_at
    )
    audit_record(actor=user, action="user.password_chosen", target=user, subject_user=user)
    return user


def _unique_username(base: str) -> str:
    stem = slugify(base)[:20] or "learner"
    while True:
        candidate = f"{stem}-{secrets.token_hex(3)}"
        if not User.objects.filter(username=candidate).exists():
            return candidate


@transaction.atomic
def user_create(
    *,
    username: str = "",
    email: str = "",
    password: str | None = None,
    display_name: str = "",
    first_name: str = "",
    last_name: str = "",
    preferred_language: str = "en",
    account_type: str = User.AccountType.STANDARD,
    created_by: User | None = None,
) -> User:
    """Create an account. People without e-mail (children, assisted learners)
    get a generated username; a person with e-mail is welcomed by e-mail."""
    user = User(
        username=username or _unique_username(display_name or first_name),
        email=User.objects.normalize_email(email) if email else "",
        display_name=display_name,
        first_name=first_name,
        last_name=last_name,
        preferred_language=preferred_language,
        account_type=account_type,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    if created_by is not None:
        audit_record(
            actor=created_by,
            action="user.create",
            target=user,
            subject_user=user,
            data={"account_type": account_type},
        )
    welcome_enqueue(user=user)
    return user


def welcome_enqueue(*, user: User) -> None:
    """Send the welcome e-mail once the account is committed (never before)."""
    if not user.email:
        return
    from lms.tasks import account_welcome_send

    account_welcome_send.delay_on_commit(user.pk)


@transaction.atomic
def user_profile_update(*, user: User, display_name: str, preferred_language: str) -> User:
    from lms.services.sections import young_data_allowed

    # A child's name is the one the teacher wrote; free text only with consent.
    if user.account_type != User.AccountType.YOUNG or young_data_allowed(user=user):
        user.display_name = display_name
    user.preferred_language = preferred_language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name", "preferred_language"])
    return user


@transaction.atomic
def role_grant(*, user: User, role: Role, granted_by: User | None) -> bool:
    """Give `user` the role; returns False when they already had it."""
    group, _ = Group.objects.get_or_create(name=GROUP_NAMES[role])
    if user.groups.filter(pk=group.pk).exists():
        return False
    user.groups.add(group)
    audit_record(
        actor=granted_by, action="role.grant", target=user, subject_user=user, data={"role": role}
    )
    return True


@transaction.atomic
def role_revoke(*, user: User, role: Role, revoked_by: User | None) -> bool:
    """Take the role away; returns False when they did not have it."""
    group = Group.objects.filter(name=GROUP_NAMES[role]).first()
    if group is None or not user.groups.filter(pk=group.pk).exists():
        return False
    user.groups.remove(group)
    audit_record(
        actor=revoked_by, action="role.revoke", target=user, subject_user=user, data={"role": role}
    )
    return True
