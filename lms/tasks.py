"""Celery tasks of lms: thin, idempotent wrappers that load by id and act."""

from celery import shared_task
from django.core.management import call_command


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def account_welcome_send(self, user_id: int) -> str:
    """E-mail a welcome in the person's language, once; safe to retry."""
    from lms.services.accounts import welcome_send

    return welcome_send(user_id=user_id)


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def accounts_welcome_send(self, user_ids: list[int]) -> int:
    """Welcome many new accounts (a bulk import); each is sent once, so a
    retry after a failure in the middle sends only the rest."""
    return sum(account_welcome_send.run(user_id) == "sent" for user_id in user_ids)


@shared_task(keep_when_refused=False)
def sessions_purge_expired() -> None:
    """Nightly: drop expired sessions (scheduled in config/celery.py)."""
    call_command("clearsessions")


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def statement_forward(self, statement_id: str) -> str:
    """Send one stored xAPI statement to the external LRS (PUT by id, so a
    retry or a duplicate delivery stores it once there too)."""
    from lms.models import Statement
    from lms.services.lrs import lrs_statement_put

    statement = Statement.objects.filter(pk=statement_id).first()
    if statement is None:
        return "missing"
    if statement.forwarded_at is not None:
        return "skipped"
    lrs_statement_put(statement=statement)
    return "sent"


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def section_children_erase(self, section_id: int) -> int:
    """Erase the children of a closed class section; safe to retry."""
    from lms.services.retention import closed_sections_children_erase

    return closed_sections_children_erase(section_id=section_id, limit=10_000)


@shared_task(keep_when_refused=False)
def retention_apply() -> dict:
    """Nightly: the retention schedule (scheduled in config/celery.py)."""
    from django.conf import settings

    from lms.services.retention import closed_sections_children_erase, retention_inactive_apply

    limit = settings.GDPR_RETENTION_BATCH
    result = retention_inactive_apply(limit=limit)
    result["children_erased"] = closed_sections_children_erase(limit=limit)
    return result


@shared_task(keep_when_refused=False)
def consent_reminders_send() -> int:
    """Daily (config/celery.py): remind people before a helper's consent ends."""
    from lms.services.coaching import consent_reminders_send as send

    return send()


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def account_notice_send(entry_id: int) -> str:
    """E-mail the person what another did on their account; safe to retry."""
    from lms.notices import account_notice_send as send

    return send(entry_id=entry_id)
