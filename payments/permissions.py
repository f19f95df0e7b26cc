"""Who may see and do what in payments. Deny by default; `access_*` return the
object or raise (404 for another person's or organisation's order)."""

# --- stripe: orders, checkout, refunds ------------------------------------------

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from partners.models import Membership, Organisation
from partners.permissions import organisation_roles
from payments.models import Order

REFUND_PERMISSION = "payments.add_refund"


def managed_organisations(user):
    """The active organisations `user` manages (where seats may be bought)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        is_active=True,
        memberships__user=user,
        memberships__role=Membership.Role.MANAGER,
    ).distinct()


def _manages(user, organisation) -> bool:
    return organisation is not None and Membership.Role.MANAGER in organisation_roles(
        user, organisation
    )


def access_order(user, public_id) -> Order:
    """The order `public_id` if `user` bought it or manages its organisation."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    order = Order.objects.select_related("organisation").filter(public_id=public_id).first()
    if order is None or not (order.buyer_id == user.pk or _manages(user, order.organisation)):
        raise Http404
    return order


def can_refund(user, order: Order) -> bool:
    """Platform staff with `payments.add_refund`: any paid order. The
    organisation's managers: unused seats of their own seat pack, for 14 days
    after the payment (the 14th day included, to the second)."""
    if not user.is_authenticated or not user.is_active or order.status != Order.Status.PAID:
        return False
    if user.has_perm(REFUND_PERMISSION):
        return True
    from payments.services.refunds import manager_refund_deadline

    return (
        order.kind == Order.Kind.SEAT_PACK
        and _manages(user, order.organisation)
        and timezone.now() <= manager_refund_deadline(order=order)
    )


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
