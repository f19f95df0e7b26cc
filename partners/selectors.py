"""Reads for the partner side. Every list is scoped to one organisation."""

from django.db.models import QuerySet

from partners.models import Membership, Organisation


def organisations_for_user(*, user) -> QuerySet[Organisation]:
    """The active organisations where `user` holds any staff role."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return (
        Organisation.objects.filter(is_active=True, memberships__user=user)
        .distinct()
        .order_by("name")
    )


def organisation_members(*, organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by("user__username", "role")
