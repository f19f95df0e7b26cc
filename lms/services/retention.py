"""The retention schedule (GDPR article 5(1)(e)), applied every night by
`lms.tasks.retention_apply`:

- an account nobody signed in to for `GDPR_INACTIVE_WARN_MONTHS` is warned by
  e-mail, in the person's language (accounts without an address are marked
  as warned all the same);
- `GDPR_INACTIVE_ERASE_MONTHS` after the warning, if the person did not sign
  in since, the account is erased (`account_erase`, reason
  "retention_inactive"). Signing in at any time starts the count again;
- the children of a closed class section are erased (a net under
  `section_close`, which erases them at once).

Accounts holding a role, staff and children in an open class are never
warned or erased by the schedule. Each step handles at most `limit` accounts
per run and is idempotent: a run that stops in the middle is finished by the
next one.
"""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from audit.services import audit_record
from lms.exceptions import LearningError
from lms.models import ClassSection, User
from lms.services.erasure import (
    ERASED_PREFIX,
    REASON_INACTIVE,
    REASON_SECTION_CLOSED,
    account_erase,
)


def _schedulable():
    """Accounts the schedule may touch, with `last_seen` annotated."""
    return (
        User.objects.filter(is_active=True, is_staff=False, is_superuser=False, groups=None)
        .exclude(account_type=User.AccountType.YOUNG)
        .exclude(username__startswith=ERASED_PREFIX)
        .annotate(last_seen=Coalesce("last_login", "date_joined"))
    )


def inactive_warn_due(*, now) -> "User.objects":
    """Accounts to warn: unseen since the warning age, and not warned since
    they were last seen."""
    limit = now - relativedelta(months=settings.GDPR_INACTIVE_WARN_MONTHS)
    return (
        _schedulable()
        .filter(last_seen__lte=limit)
        .filter(Q(inactivity_warned_at__isnull=True) | Q(inactivity_warned_at__lt=F("last_seen")))
    )


def inactive_erase_due(*, now) -> "User.objects":
    """Accounts warned long enough ago and not seen since the warning."""
    limit = now - relativedelta(months=settings.GDPR_INACTIVE_ERASE_MONTHS)
    return _schedulable().filter(
        inactivity_warned_at__lte=limit, last_seen__lt=F("inactivity_warned_at")
    )


def inactivity_warning_send(*, user: User, now) -> bool:
    """Warn one account (locked, so a retried run warns once). False if it no
    longer needs a warning."""
    with transaction.atomic():
        user = inactive_warn_due(now=now).select_for_update(of=("self",)).filter(pk=user.pk).first()
        if user is None:
            return False
        if user.email:
            erase_on = now + relativedelta(months=settings.GDPR_INACTIVE_ERASE_MONTHS)
            with translation.override(user.preferred_language):
                context = {
                    "user": user,
                    "erase_on": erase_on,
                    "signin_url": settings.SITE_URL.rstrip("/") + reverse("account_login"),
                }
                subject = render_to_string("lms/email/inactivity_subject.txt", context).strip()
                body = render_to_string("lms/email/inactivity_body.txt", context)
            send_mail(subject, body, None, [user.email])
        User.objects.filter(pk=user.pk).update(inactivity_warned_at=now)
        audit_record(
            actor=None,
            action="account.inactivity_warn",
            target=user,
            subject_user=user,
            data={"emailed": bool(user.email)},
        )
    return True


def retention_inactive_apply(*, now=None, limit: int = 500) -> dict[str, int]:
    """Warn, then erase, inactive accounts: {"warned": n, "erased": n}."""
    now = now or timezone.now()
    warned = sum(
        inactivity_warning_send(user=user, now=now)
        for user in inactive_warn_due(now=now).order_by("pk")[:limit]
    )
    erased = 0
    for user in inactive_erase_due(now=now).order_by("pk")[:limit]:
        try:
            erased += bool(account_erase(user=user, reason=REASON_INACTIVE))
        except LearningError:
            # Took a role or a class meanwhile: no longer the schedule's.
            continue
    return {"warned": warned, "erased": erased}


def closed_sections_children_erase(*, section_id: int | None = None, limit: int = 500) -> int:
    """Erase the children of closed class sections (one section, or all)."""
    children = User.objects.filter(
        section_child__section__status=ClassSection.Status.CLOSED,
        account_type=User.AccountType.YOUNG,
    ).exclude(username__startswith=ERASED_PREFIX)
    if section_id is not None:
        children = children.filter(section_child__section_id=section_id)
    erased = 0
    for child in children.order_by("pk")[:limit]:
        erased += bool(account_erase(user=child, reason=REASON_SECTION_CLOSED, force=True))
    return erased
