"""Reads for accounts and roles."""

from django.db.models import QuerySet

from lms.models import AuditEntry, User
from lms.roles import GROUP_NAMES, Role

_GROUP_TO_ROLE = {name: role for role, name in GROUP_NAMES.items()}


def user_display_name(user: User) -> str:
    """The name the interface greets a person with (also allauth's display)."""
    return user.display_name or user.get_full_name() or user.username


def user_roles(*, user: User) -> frozenset[Role]:
    """The roles a person holds, read once per request object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_digiskills_roles", None)
    if cached is None:
        names = user.groups.values_list("name", flat=True)
        cached = frozenset(_GROUP_TO_ROLE[n] for n in names if n in _GROUP_TO_ROLE)
        user._digiskills_roles = cached
    return cached


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


def audit_entries_about(*, user: User) -> QuerySet[AuditEntry]:
    """The journal rows that concern this person: what they may read of it."""
    return AuditEntry.objects.filter(subject_user=user).select_related("actor")
