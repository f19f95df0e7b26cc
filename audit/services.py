"""Writes of the audit journal: rows are appended, never changed, with one
exception (personal data scrubbed from the rows about an erased person)."""

from collections.abc import Callable, Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Q

from audit.models import AuditEntry


def _actor(actor: AbstractBaseUser | None) -> AbstractBaseUser | None:
    return actor if actor is not None and actor.is_authenticated else None


def audit_record(
    *,
    actor: AbstractBaseUser | None,
    action: str,
    target: object,
    subject_user: AbstractBaseUser | None = None,
    data: dict | None = None,
) -> AuditEntry:
    """Append one row to the audit journal for a sensitive action on `target`."""
    return AuditEntry.objects.create(
        actor=_actor(actor),
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        subject_user=subject_user,
        data=data or {},
    )


def audit_record_many(
    *,
    actor: AbstractBaseUser | None,
    action: str,
    targets_and_subjects: Iterable[tuple[object, object | None]],
    data: Callable[[object], dict],
) -> list[AuditEntry]:
    """Append one row per (target, subject) for one action done in bulk;
    `data(target)` gives each row's data."""
    return AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                actor=_actor(actor),
                action=action,
                target_type=target._meta.label_lower,
                target_id=str(target.pk),
                subject_user=subject,
                data=data(target),
            )
            for target, subject in targets_and_subjects
        ],
        batch_size=2000,
    )


@transaction.atomic
def audit_data_scrub(*, user: AbstractBaseUser, scrub: Callable[[dict], dict]) -> int:
    """Overwrite the data of the rows by or about an erased person with
    `scrub(data)`; the rows themselves stay. Returns how many changed."""
    journal = AuditEntry._base_manager
    changed = 0
    for entry in journal.filter(Q(subject_user=user) | Q(actor=user)).only("id", "data"):
        scrubbed = scrub(entry.data)
        if scrubbed != entry.data:
            changed += journal.filter(pk=entry.pk).update(data=scrubbed)
    return changed
