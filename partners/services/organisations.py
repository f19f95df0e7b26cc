"""Writes for organisations and memberships. Granting and revoking a staff role
is audited and keeps the platform-wide "Partner staff" role in step."""

from django.db import transaction

from audit.services import audit_record
from lms.roles import Role
from lms.services import role_grant, role_revoke
from partners.models import Membership, Organisation


@transaction.atomic
def organisation_create(
    *, name: str, slug: str, kind: str, region: str = "", language: str = "en", created_by=None
) -> Organisation:
    """Create an organisation."""
    organisation = Organisation.objects.create(
        name=name, slug=slug, kind=kind, region=region, language=language
    )
    audit_record(actor=created_by, action="partners.organisation_create", target=organisation)
    return organisation


@transaction.atomic
def membership_grant(*, organisation: Organisation, user, role: str, granted_by=None) -> Membership:
    """Give `user` a staff role in `organisation` (idempotent)."""
    membership, created = Membership.objects.get_or_create(
        organisation=organisation, user=user, role=role
    )
    if created:
        role_grant(user=user, role=Role.PARTNER_STAFF, granted_by=granted_by)
        audit_record(
            actor=granted_by,
            action="partners.membership_grant",
            target=organisation,
            subject_user=user,
            data={"role": role},
        )
    return membership


@transaction.atomic
def membership_revoke(*, organisation: Organisation, user, role: str, revoked_by=None) -> None:
    """Take a staff role away; the platform role goes with the last membership."""
    deleted, _ = Membership.objects.filter(organisation=organisation, user=user, role=role).delete()
    if not deleted:
        return
    audit_record(
        actor=revoked_by,
        action="partners.membership_revoke",
        target=organisation,
        subject_user=user,
        data={"role": role},
    )
    if not Membership.objects.filter(user=user).exists():
        role_revoke(user=user, role=Role.PARTNER_STAFF, revoked_by=revoked_by)
