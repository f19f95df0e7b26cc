"""Who may see and do what in payments. Deny by default; `access_*` return the
object or raise (404 for what belongs to another organisation or person, so its
existence stays hidden)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from partners.models import Cohort, Membership, Organisation, Project
from partners.permissions import (
    MANAGER_ROLES,
    access_cohort,
    access_organisation,
    is_organisation_manager,
    organisation_roles,
    require_fund_officer,
)
from payments.models import Invoice, Order, ResultsConsent, Voucher

# Who reads an organisation's seats and invoices: its managers and reporters
# (only managers act).
READER_ROLES = frozenset({Membership.Role.MANAGER, Membership.Role.REPORTER})

# --- stripe: orders, checkout, refunds ------------------------------------------


REFUND_PERMISSION = "payments.add_refund"


def _manages(user, organisation) -> bool:
    return organisation is not None and is_organisation_manager(user, organisation.pk)


def access_order(user, public_id) -> Order:
    """The order `public_id` if `user` bought it or manages its organisation."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    order = Order.objects.select_related("organisation").filter(public_id=public_id).first()
    if order is None or not (order.buyer_id == user.pk or _manages(user, order.organisation)):
        raise Http404
    return order


def can_refund(user, order: Order, *, manages: bool | None = None) -> bool:
    """Platform staff with `payments.add_refund`: any paid order. The
    organisation's managers: unused seats of their own seat pack, for 14 days
    after the payment (the 14th day included, to the second). `manages`: the
    caller already knows whether `user` manages the order's organisation (a
    list of that organisation's orders), so it is not read again per order."""
    if not user.is_authenticated or not user.is_active or order.status != Order.Status.PAID:
        return False
    if user.has_perm(REFUND_PERMISSION):
        return True
    from payments.services.refunds import manager_refund_deadline

    deadline = manager_refund_deadline(order=order)
    if order.kind != Order.Kind.SEAT_PACK or deadline is None or timezone.now() > deadline:
        return False
    return _manages(user, order.organisation) if manages is None else manages


def access_order_refund(user, public_id) -> Order:
    """The order `public_id` if `user` may refund seats of it (403 otherwise,
    404 when the user may not even see it)."""
    if user.is_authenticated and user.is_active and user.has_perm(REFUND_PERMISSION):
        order = Order.objects.filter(public_id=public_id).first()
        if order is None:
            raise Http404
    else:
        order = access_order(user, public_id)
    if not can_refund(user, order):
        raise PermissionDenied
    return order


# --- vouchers and seats -------------------------------------------------------
# The seats page: managers hand out codes; reporters read the counts and the
# redemptions (not the codes: a code is as good as a seat); trainers and
# everyone else get a 404.


def access_organisation_seats(user, slug: str, *, manage: bool = False) -> Organisation:
    """The organisation named `slug` if `user` may read its seats (or hand
    them out, with `manage`)."""
    return access_organisation(user, slug, roles=MANAGER_ROLES if manage else READER_ROLES)


def can_manage_seats(user, organisation: Organisation) -> bool:
    """For showing codes and forms; the views check again."""
    return bool(organisation_roles(user, organisation) & MANAGER_ROLES)


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


# --- invoices -----------------------------------------------------------------


def can_see_invoice(user, invoice: Invoice) -> bool:
    """Staff holding `payments.view_invoice`; the managers and reporters of the
    buying organisation; the person who paid their own exam fee."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm("payments.view_invoice"):
        return True
    organisation = invoice.order.organisation
    if organisation is not None:
        return bool(organisation_roles(user, organisation) & READER_ROLES)
    return invoice.order.buyer_id == user.pk


def access_invoice(user, number: str) -> Invoice:
    """The invoice or credit note numbered `number`, if `user` may see it; 404
    otherwise (whether it exists or not)."""
    invoice = Invoice.objects.select_related("order__organisation").filter(number=number).first()
    if invoice is None or not can_see_invoice(user, invoice):
        raise Http404
    return invoice


# --- fee waivers and prices -----------------------------------------------------
# Fund officers issue waivers for any funded project; managers of a DBSF
# project holder or an employment agency for their own cohorts (404 for another
# organisation's cohort); prices are managed in the Wagtail admin by people
# holding the model permissions `payments.add_price` / `payments.change_price`.

# Organisations whose learners never pay: their exam fees are waived.
WAIVER_ORGANISATION_KINDS = frozenset(
    {Organisation.Kind.DBSF_PROJECT, Organisation.Kind.EMPLOYMENT_AGENCY}
)
PRICE_ADD = "payments.add_price"
PRICE_CHANGE = "payments.change_price"


def access_fund_waiver_project(user, project_id: int) -> Project:
    """A project a fund officer issues waivers for."""
    require_fund_officer(user)
    project = Project.objects.select_related("organisation").filter(pk=project_id).first()
    if project is None:
        raise Http404
    return project


def access_cohort_waivers(user, slug: str, cohort_id: int) -> Cohort:
    """A cohort of a waiver-eligible organisation that `user` manages."""
    organisation = access_organisation(user, slug, roles=MANAGER_ROLES)
    if organisation.kind not in WAIVER_ORGANISATION_KINDS:
        raise Http404
    return access_cohort(user, organisation, cohort_id)


def can_issue_cohort_waivers(user, organisation: Organisation) -> bool:
    """For showing the "Exam fee waivers" action; the page checks again."""
    return organisation.kind in WAIVER_ORGANISATION_KINDS and bool(
        organisation_roles(user, organisation) & MANAGER_ROLES
    )


def require_price_permission(user, *, change: bool = False) -> None:
    """Staff with the price permissions (the admin's list needs either)."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    if change:
        allowed = user.has_perm(PRICE_CHANGE)
    else:
        allowed = user.has_perm(PRICE_ADD) or user.has_perm(PRICE_CHANGE)
    if not allowed:
        raise PermissionDenied


def require_price_add(user) -> None:
    if not user.is_authenticated or not user.has_perm(PRICE_ADD):
        raise PermissionDenied
