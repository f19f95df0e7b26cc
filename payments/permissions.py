"""Who may see what in payments. Deny by default; `access_*` return the object
or raise (404 for what the caller may not see, so its existence stays hidden)."""

from django.http import Http404

# --- invoices -----------------------------------------------------------------
from partners.models import Membership
from payments.models import Invoice

# Who reads an organisation's invoices: its managers and reporters.
INVOICE_ROLES = frozenset({Membership.Role.MANAGER, Membership.Role.REPORTER})


def can_see_invoice(user, invoice: Invoice) -> bool:
    """Staff holding `payments.view_invoice`; the managers and reporters of the
    buying organisation; the person who paid their own exam fee."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm("payments.view_invoice"):
        return True
    organisation = invoice.order.organisation
    if organisation is not None:
        return (
            organisation.is_active
            and Membership.objects.filter(
                organisation=organisation, user=user, role__in=INVOICE_ROLES
            ).exists()
        )
    return invoice.order.buyer_id == user.pk


def access_invoice(user, number: str) -> Invoice:
    """The invoice or credit note numbered `number`, if `user` may see it; 404
    otherwise (whether it exists or not)."""
    invoice = Invoice.objects.select_related("order__organisation").filter(number=number).first()
    if invoice is None or not can_see_invoice(user, invoice):
        raise Http404
    return invoice
