"""The payments part of "Download my data" and of erasing an account (GDPR),
registered into `lms.hooks.personal_data` by `PaymentsConfig.ready`.

Erasure deletes the person's billing details and their consents to share
results (the employer sees "not shared" at once). Orders and invoices are
kept, as Belgian accounting and VAT law require: the invoice keeps the buyer
printed on it, and the order loses its link to the account (`buyer` set to
null, as its `on_delete=SET_NULL` would on a deletion).

Invoices are accounting documents: Belgian law keeps them ten years (see the
README, "Invoices"), erasure or not (GDPR art. 17(3)(b)). What the law needs
stays (number, date, name and address, amounts, the PDF, which carries no
e-mail address); the billing e-mail copied on the person's invoices goes."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from certificates import codes
from lms.models import User
from payments.models import BillingDetails, Invoice, Order, ResultsConsent, Voucher

# Said on the delete page, among what erasure does.
ERASE_NOTE = _(
    "your billing details are erased and employers no longer see your results; orders and "
    "invoices are kept, without a link to your account, for as long as accounting law requires;"
)


def payments_personal_data(*, user: User) -> dict:
    """The person's orders, own invoices and credit notes, billing details,
    vouchers redeemed and consents to share results, in six queries."""
    orders = Order.objects.filter(buyer=user).prefetch_related("invoices").order_by("pk")
    billing = BillingDetails.objects.filter(user=user).first()
    vouchers = (
        Voucher.objects.filter(redeemed_by=user).select_related("organisation").order_by("pk")
    )
    consents = (
        ResultsConsent.objects.filter(learner=user).select_related("organisation").order_by("pk")
    )
    return {
        "orders": [
            {
                "id": str(order.public_id),
                "kind": order.kind,
                "status": order.status,
                "course_key": str(order.course_key),
                "quantity": order.quantity,
                "gross_cents": order.gross_cents,
                "currency": order.currency,
                "billing": order.billing,
                "created_at": order.created_at,
                "paid_at": order.paid_at,
                "invoices": [invoice.number for invoice in order.invoices.all()],
            }
            for order in orders
        ],
        "invoices": _own_invoices(user),
        "billing_details": None
        if billing is None
        else {
            "name": billing.name,
            "street": billing.street,
            "postcode": billing.postcode,
            "city": billing.city,
            "country": billing.country,
            "company_number": billing.company_number,
            "vat_number": billing.vat_number,
            "email": billing.email,
            "language": billing.language,
        },
        "vouchers_redeemed": [
            {
                "code": codes.display(voucher.code),
                "kind": voucher.kind,
                "course_key": str(voucher.course_key),
                "organisation": voucher.organisation.name,
                "redeemed_at": voucher.redeemed_at,
            }
            for voucher in vouchers
        ],
        "results_consents": [
            {
                "organisation": consent.organisation.name,
                "granted_at": consent.granted_at,
                "withdrawn_at": consent.withdrawn_at,
            }
            for consent in consents
        ],
    }


def _own_invoices(user: User) -> list[dict]:
    # The person's own invoices (exam fees they paid), not their employer's.
    rows = Invoice.objects.filter(order__buyer=user, order__organisation__isnull=True).order_by(
        "year", "kind", "sequence"
    )
    return [
        {
            "number": invoice.number,
            "kind": invoice.kind,
            "issued_on": invoice.issued_on.isoformat(),
            "buyer": invoice.buyer,
            "net_cents": invoice.net_cents,
            "vat_cents": invoice.vat_cents,
            "gross_cents": invoice.gross_cents,
        }
        for invoice in rows
    ]


@transaction.atomic
def payments_erase_for(*, user: User, actor: User | None, reason: str) -> int:
    """Delete the person's billing details and consents, forget the address a
    seat was sent to once they used it, and unlink their orders from the
    account (orders and invoices themselves are kept, as the law requires,
    without the billing e-mail). The invoices are found through the orders,
    so they are done first."""
    changed = 0
    for invoice in Invoice.objects.select_for_update().filter(
        order__buyer=user, order__organisation__isnull=True, buyer__has_key="email"
    ):
        invoice.buyer = {k: v for k, v in invoice.buyer.items() if k != "email"}
        invoice.save(update_fields=["buyer"])
        changed += 1
    changed += BillingDetails.objects.filter(user=user).delete()[0]
    changed += ResultsConsent.objects.filter(learner=user).delete()[0]
    changed += (
        Voucher.objects.filter(redeemed_by=user)
        .exclude(assigned_email="")
        .update(assigned_email="")
    )
    changed += Order.objects.filter(buyer=user).update(buyer=None)
    return changed
