"""Scheduled task of digital helpers: remind people before a consent ends."""

from datetime import timedelta

from celery import shared_task
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from lms.models import HelperConsent

REMIND_BEFORE = timedelta(days=7)


@shared_task(keep_when_refused=False)
def consent_reminders_send() -> int:
    """Daily (config/celery.py): e-mail each person whose consent ends within
    seven days, once per consent. The marker is set by a conditional update
    before sending, so two workers or a retry never send twice."""
    now = timezone.now()
    due = HelperConsent.objects.filter(
        status=HelperConsent.Status.GIVEN,
        withdrawn_at__isnull=True,
        reminder_sent_at__isnull=True,
        expires_at__gt=now,
        expires_at__lte=now + REMIND_BEFORE,
    ).exclude(learner__email="")
    sent = 0
    for consent in due.select_related("learner", "helper", "organisation").iterator():
        won = HelperConsent.objects.filter(pk=consent.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        )
        if not won:
            continue
        learner = consent.learner
        with translation.override(learner.preferred_language):
            context = {"consent": consent, "user": learner}
            subject = render_to_string("lms/email/consent_reminder_subject.txt", context).strip()
            body = render_to_string("lms/email/consent_reminder_body.txt", context)
        send_mail(subject, body, None, [learner.email])
        sent += 1
    return sent


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def account_notice_send(entry_id: int) -> str:
    """E-mail the person what another did on their account (one journal row),
    in their language."""
    from audit.selectors import audit_entry_get
    from lms.notices import notice_text

    entry = audit_entry_get(entry_id=entry_id)
    if entry is None or entry.subject_user is None or not entry.subject_user.email:
        return "skipped"
    person = entry.subject_user
    with translation.override(person.preferred_language):
        context = {"user": person, "text": notice_text(entry), "when": entry.created_at}
        subject = render_to_string("lms/email/account_notice_subject.txt", context).strip()
        body = render_to_string("lms/email/account_notice_body.txt", context)
    send_mail(subject, body, None, [person.email])
    return "sent"
