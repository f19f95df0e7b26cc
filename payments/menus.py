"""What payments adds to menus: the partner's menu (`partners.menu`: seats,
invoices and orders, for organisations that buy seats) and My account
(`lms.hooks.account`: vouchers, sharing with employers, own invoices)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lms.hooks.account import AccountLink
from partners.menu import MenuLink
from partners.models import Membership, Organisation
from payments.models import Order
from payments.permissions import READER_ROLES


def seat_links(*, user, organisation: Organisation, roles: set[str]) -> list[MenuLink]:
    """Managers and reporters of an employer, or of any organisation that has
    bought seats, see "Seats and codes" and "Invoices"; managers "Orders" too."""
    if not roles & READER_ROLES:
        return []
    if (
        organisation.kind != Organisation.Kind.EMPLOYER
        and not Order.objects.filter(organisation=organisation).exists()
    ):
        return []
    links = [
        MenuLink(
            "seats",
            _("Seats and codes"),
            reverse("payments:organisation_seats", args=[organisation.slug]),
        ),
        MenuLink(
            "invoices",
            _("Invoices"),
            reverse("payments:organisation_invoices", args=[organisation.slug]),
        ),
    ]
    if Membership.Role.MANAGER in roles:
        links.append(
            MenuLink(
                "orders",
                _("Orders"),
                reverse("payments:organisation_orders", args=[organisation.slug]),
            )
        )
    return links


def account_links(*, user) -> list[AccountLink]:
    """On everyone's account page: use a voucher code, what they share with
    employers, and the invoices of exam fees they paid."""
    return [
        AccountLink(_("Use a voucher code"), reverse("payments:voucher_redeem")),
        AccountLink(_("Shared with employers"), reverse("payments:results_consents")),
        AccountLink(_("My invoices"), reverse("payments:my_invoices")),
    ]
