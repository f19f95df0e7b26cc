"""Who may see and do what in payments. Deny by default; `access_*` return the
object or raise (404 for what belongs to another organisation or person)."""

# --- vouchers and seats -------------------------------------------------------
# The seats page: managers hand out codes; reporters read the counts and the
# redemptions (not the codes: a code is as good as a seat); trainers and
# everyone else get a 404.

from django.http import Http404

from partners.models import Membership, Organisation
from partners.permissions import access_organisation, organisation_roles
from payments.models import Order, ResultsConsent, Voucher

SEAT_MANAGER_ROLES = frozenset({Membership.Role.MANAGER})
SEAT_READER_ROLES = frozenset({Membership.Role.MANAGER, Membership.Role.REPORTER})


def access_organisation_seats(user, slug: str, *, manage: bool = False) -> Organisation:
    """The organisation named `slug` if `user` may read its seats (or hand
    them out, with `manage`)."""
    return access_organisation(
        user, slug, roles=SEAT_MANAGER_ROLES if manage else SEAT_READER_ROLES
    )


def can_manage_seats(user, organisation: Organisation) -> bool:
    """For showing codes and forms; the views check again."""
    return bool(organisation_roles(user, organisation) & SEAT_MANAGER_ROLES)


def access_seat_voucher(organisation: Organisation, voucher_id: int) -> Voucher:
    """A seat voucher of an organisation the caller already has access to."""
    voucher = Voucher.objects.filter(
        pk=voucher_id, organisation=organisation, kind=Voucher.Kind.SEAT
    ).first()
    if voucher is None:
        raise Http404
    return voucher


def access_seat_order(organisation: Organisation, public_id) -> Order:
    """A seat-pack order of an organisation the caller already has access to."""
    order = Order.objects.filter(
        public_id=public_id, organisation=organisation, kind=Order.Kind.SEAT_PACK
    ).first()
    if order is None:
        raise Http404
    return order


def access_results_consent(user, consent_id: int) -> ResultsConsent:
    """One of the person's own consents to share results."""
    consent = ResultsConsent.objects.filter(pk=consent_id, learner_id=user.pk).first()
    if consent is None:
        raise Http404
    return consent
