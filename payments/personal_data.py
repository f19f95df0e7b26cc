"""The payments part of "Download my data" and of erasing an account (GDPR),
registered into `lms.hooks_personal_data` by `PaymentsConfig.ready`.

Erasure deletes the person's billing details and their consents to share
results (the employer sees "not shared" at once). Orders and invoices are
kept, as Belgian accounting and VAT law require: the invoice keeps the buyer
printed on it, and the order loses its link to the account (`buyer` set to
null, as its `on_delete=SET_NULL` would on a deletion)."""

from django.db import transaction

from certificates import codes
from lms.models import User
from payments.models import BillingDetails, Order, ResultsConsent, Voucher


def payments_personal_data(*, user: User) -> dict:
    """The person's orders (with their invoices), billing details, vouchers
    redeemed and consents to share results, in five queries."""
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


@transaction.atomic
def payments_erase_for(*, user: User, actor: User | None, reason: str) -> int:
    """Delete the person's billing details and consents, forget the address a
    seat was sent to once they used it, and unlink their orders from the
    account (orders and invoices themselves are kept, as the law requires)."""
    changed = BillingDetails.objects.filter(user=user).delete()[0]
    changed += ResultsConsent.objects.filter(learner=user).delete()[0]
    changed += (
        Voucher.objects.filter(redeemed_by=user)
        .exclude(assigned_email="")
        .update(assigned_email="")
    )
    changed += Order.objects.filter(buyer=user).update(buyer=None)
    return changed
