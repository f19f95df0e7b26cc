"""Writes for accounts and roles.

Every function here runs in a transaction; sensitive changes leave an audit row
and side effects (e-mail) are sent to Celery only once the transaction commits.
"""

import secrets

from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from audit.services import audit_record
from lms.models import LoginCard, User
from lms.roles import GROUP_NAMES, Role


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
    legal_name_source: str = "",
) -> User:
    """Create an account. People without e-mail (children, assisted learners)
    get a generated username; a person with e-mail is welcomed by e-mail.
    `legal_name_source` says who gave first_name/last_name (lms.identity)."""
    user = User(
        username=username or _unique_username(display_name or first_name),
        email=User.objects.normalize_email(email) if email else "",
        display_name=display_name,
        first_name=first_name,
        last_name=last_name,
        preferred_language=preferred_language,
        account_type=account_type,
    )
    if user.has_legal_name:
        user.legal_name_source = legal_name_source or User.LegalNameSource.SELF
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


def welcome_send(*, user_id: int) -> str:
    """E-mail the welcome in the person's language unless they already had it:
    "sent", "skipped" (already welcomed, or no e-mail) or "missing". The
    account row is locked while sending, so two callers send it once."""
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=user_id).first()
        if user is None:
            return "missing"
        if user.welcomed_at is not None or not user.email:
            return "skipped"
        with translation.override(user.preferred_language):
            context = {"user": user}
            subject = render_to_string("lms/email/welcome_subject.txt", context).strip()
            body = render_to_string("lms/email/welcome_body.txt", context)
        send_mail(subject, body, None, [user.email])
        user.welcomed_at = timezone.now()
        user.save(update_fields=["welcomed_at"])
    return "sent"


def welcome_enqueue(*, user: User) -> None:
    """Send the welcome e-mail once the account is committed (never before)."""
    if not user.email:
        return
    from lms.tasks import account_welcome_send

    account_welcome_send.delay_on_commit(user.pk)


@transaction.atomic
def user_profile_update(
    *,
    user: User,
    display_name: str,
    preferred_language: str,
    given_name: str | None = None,
    family_name: str | None = None,
) -> User:
    """My account: greeting name and language; the legal name too when given
    (see `user_legal_name_set` for when it may still change)."""
    from lms.services.sections import young_data_allowed

    if given_name is not None and family_name is not None:
        fresh = user_legal_name_set(
            user=user, given_name=given_name, family_name=family_name, actor=user
        )
        user.first_name, user.last_name = fresh.first_name, fresh.last_name
        user.legal_name_source = fresh.legal_name_source

    # A child's name is the one the teacher wrote; free text only with consent.
    if user.account_type != User.AccountType.YOUNG or young_data_allowed(user=user):
        user.display_name = display_name
    user.preferred_language = preferred_language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name", "preferred_language"])
    return user


@transaction.atomic
def user_legal_name_set(
    *,
    user: User,
    given_name: str,
    family_name: str,
    source: str = User.LegalNameSource.SELF,
    actor: User | None = None,
    correction: bool = False,
) -> User:
    """Record the person's legal name (validated by `lms.identity`). Refused for
    children, and, once a certificate carries the name, for anything but an
    approved correction (`correction=True`). Certificates that waited for the
    name are issued after commit (signal `legal_name_given`)."""
    from lms.exceptions import LearningError
    from lms.hooks.identity import legal_name_in_use
    from lms.identity import family_name_clean, given_name_clean
    from lms.signals import legal_name_given

    user = User.objects.select_for_update().get(pk=user.pk)
    if user.account_type == User.AccountType.YOUNG:
        raise LearningError(
            _("Children in a class do not give a legal name."), code="young_no_legal_name"
        )
    given, family = given_name_clean(given_name), family_name_clean(family_name)
    on_commit = lambda: legal_name_given.send(sender=User, user=user, source=source)  # noqa: E731
    if (given, family) == (user.first_name, user.last_name):
        # Nothing changes; certificates that still wait for the name are issued.
        transaction.on_commit(on_commit)
        return user
    if not correction and legal_name_in_use(user=user):
        raise LearningError(
            _(
                "Your name is already on a certificate. Ask for a correction instead: "
                "staff check it and issue the certificate again."
            ),
            code="legal_name_locked",
        )
    before = {"given_name": user.first_name, "family_name": user.last_name}
    user.first_name, user.last_name, user.legal_name_source = given, family, source
    # A name changed by anyone but an identity service is no longer verified
    # (lms.services.identity_services records the verification itself).
    user.legal_name_verified_at = None
    user.save(
        update_fields=["first_name", "last_name", "legal_name_source", "legal_name_verified_at"]
    )
    audit_record(
        actor=actor,
        action="user.legal_name_set",
        target=user,
        subject_user=user,
        data={"source": source, "before": before},
    )
    transaction.on_commit(on_commit)
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
