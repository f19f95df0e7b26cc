"""Reads of the audit journal."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet

from audit.models import AuditEntry


def audit_entries_for(*, target_type: str, target_ids) -> QuerySet[AuditEntry]:
    """The journal rows about some objects of one kind (e.g. "partners.apitoken"),
    newest first."""
    return (
        AuditEntry.objects.filter(
            target_type=target_type, target_id__in=[str(i) for i in target_ids]
        )
        .select_related("actor")
        .order_by("-created_at", "-id")
    )


def audit_entries_about(*, user: AbstractBaseUser) -> QuerySet[AuditEntry]:
    """The journal rows that concern this person: what they may read of it."""
    return AuditEntry.objects.filter(subject_user=user).select_related("actor")


def audit_entry_get(*, entry_id: int) -> AuditEntry | None:
    """One row with its actor and subject, or None."""
    return AuditEntry.objects.select_related("actor", "subject_user").filter(pk=entry_id).first()


def audit_entry_exists(*, action: str, target: object) -> bool:
    """Whether `action` was already recorded on `target` (a retry's check)."""
    return AuditEntry.objects.filter(
        action=action, target_type=target._meta.label_lower, target_id=str(target.pk)
    ).exists()
