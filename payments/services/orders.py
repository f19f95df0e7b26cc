"""Orders: billing details, an order priced on the server, its Stripe
PaymentIntent, and what Stripe's webhook makes of it (paid exactly once, then
the invoice and, for seat packs, the vouchers).

Nothing here takes an amount from the browser: a price is chosen by its id
among the active ones, and the amounts are computed from it and the buyer's
VAT position when the order is made (`payments.money.line_amounts`)."""

import logging
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from audit.services import audit_record
from partners.models import Membership, Organisation
from partners.services.organisations import membership_grant, organisation_create
from payments import stripe_client
from payments.models import BillingDetails, Order, Price
from payments.money import line_amounts
from payments.selectors.exam_fees import exam_fee_due
from payments.vat import vat_position

logger = logging.getLogger(__name__)

BILLING_FIELDS = (
    "name",
    "street",
    "postcode",
    "city",
    "country",
    "company_number",
    "vat_number",
    "email",
    "language",
)
# Belgians pay with Bancontact and cards; SEPA direct debit for businesses
# (it settles in days: the order waits in "processing"). localstripe knows
# cards and SEPA debits only.
LIVE_PAYMENT_METHOD_TYPES = ["bancontact", "card", "sepa_debit"]
FAKE_PAYMENT_METHOD_TYPES = ["card", "sepa_debit"]


class OrderRefused(Exception):
    """An order cannot be made or paid: `message` says why, translated."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


# --- billing details and the buying organisation --------------------------------


@transaction.atomic
def billing_details_save(
    *, data: dict, organisation: Organisation | None = None, user=None, saved_by=None
) -> BillingDetails:
    """Create or update the billing details of `organisation` or of `user`
    (exactly one) from already validated `data` (`payments.forms.BillingForm`)."""
    if (organisation is None) == (user is None):
        raise ValueError("billing details belong to an organisation or a person")
    owner = {"organisation": organisation} if organisation is not None else {"user": user}
    values = {field: data.get(field, "") for field in BILLING_FIELDS}
    details, created = BillingDetails.objects.update_or_create(**owner, defaults=values)
    audit_record(
        actor=saved_by,
        action="payments.billing_details_save",
        target=details,
        data={"created": created},
    )
    return details


def _free_slug(name: str) -> str:
    base = (slugify(name) or "employer")[:48]
    slug, number = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def employer_create_for_buyer(*, name: str, buyer, language: str = "nl") -> Organisation:
    """A new employer organisation `buyer` buys for; `buyer` becomes its manager
    (through partners' services, which audit both)."""
    organisation = organisation_create(
        name=name.strip(),
        slug=_free_slug(name),
        kind=Organisation.Kind.EMPLOYER,
        language=language,
        created_by=buyer,
    )
    membership_grant(
        organisation=organisation, user=buyer, role=Membership.Role.MANAGER, granted_by=buyer
    )
    return organisation


# --- orders -------------------------------------------------------------------


def _billing_snapshot(details: BillingDetails) -> dict:
    return {field: getattr(details, field) for field in BILLING_FIELDS}


def _priced(*, price: Price, quantity: int, billing: BillingDetails) -> dict:
    rate, reverse_charge = vat_position(vat_number=billing.vat_number, rate=price.vat_rate)
    net, vat, gross = line_amounts(
        unit_cents=price.unit_amount_cents, quantity=quantity, vat_rate=rate
    )
    return {
        "unit_amount_cents": price.unit_amount_cents,
        "net_cents": net,
        "vat_rate": rate,
        "vat_cents": vat,
        "gross_cents": gross,
        "reverse_charge": reverse_charge,
    }


def order_preview(*, price: Price, quantity: int, billing: BillingDetails) -> dict:
    """The amounts an order would be made at (for the review step), unsaved."""
    return _priced(price=price, quantity=quantity, billing=billing)


@transaction.atomic
def order_create_seat_pack(
    *, buyer, organisation: Organisation, price_id, language: str = "nl"
) -> Order:
    """A pending seat-pack order of `organisation`, bought by one of its
    managers, at the active seat-pack price `price_id` (looked up here: an id
    of another kind, an inactive price or a made-up id is refused)."""
    price = Price.objects.filter(
        pk=price_id if str(price_id).isdigit() else None,
        kind=Price.Kind.SEAT_PACK,
        is_active=True,
    ).first()
    if price is None:
        raise OrderRefused(_("This seat pack is not on sale. Choose one of the packs shown."))
    if not Membership.objects.filter(
        organisation=organisation, user=buyer, role=Membership.Role.MANAGER
    ).exists():
        raise OrderRefused(_("Only a manager of the organisation can buy seats for it."))
    billing = BillingDetails.objects.filter(organisation=organisation).first()
    if billing is None:
        raise OrderRefused(_("Fill in the billing details first."))
    order = Order.objects.create(
        kind=Order.Kind.SEAT_PACK,
        buyer=buyer,
        organisation=organisation,
        price=price,
        course_key=price.course_key,
        quantity=price.seats,
        billing=_billing_snapshot(billing),
        language=language,
        **_priced(price=price, quantity=price.seats, billing=billing),
    )
    audit_record(
        actor=buyer,
        action="payments.order_create",
        target=order,
        data={"kind": order.kind, "seats": order.quantity, "gross_cents": order.gross_cents},
    )
    return order


@transaction.atomic
def order_create_exam_fee(*, buyer, course_key, language: str = "nl") -> Order:
    """A pending order for the exam fee `buyer` owes for `course_key`, billed
    to the person. Refused when nothing is due (free exam, already settled)."""
    price = exam_fee_due(user=buyer, course_key=course_key)
    if price is None:
        raise OrderRefused(_("There is no exam fee to pay for this course."))
    billing = BillingDetails.objects.filter(user=buyer).first()
    if billing is None:
        raise OrderRefused(_("Fill in the billing details first."))
    order = Order.objects.create(
        kind=Order.Kind.EXAM_FEE,
        buyer=buyer,
        price=price,
        course_key=price.course_key,
        quantity=1,
        billing=_billing_snapshot(billing),
        language=language,
        **_priced(price=price, quantity=1, billing=billing),
    )
    audit_record(
        actor=buyer,
        action="payments.order_create",
        target=order,
        data={"kind": order.kind, "gross_cents": order.gross_cents},
    )
    return order


# --- the PaymentIntent ----------------------------------------------------------


def payment_intent_create(*, order: Order):
    """The Stripe PaymentIntent of `order` (made once: the idempotency key is
    the order's, and an order that has one gets it back from Stripe). Its
    amount is the order's gross amount, nothing else. Raises PaymentRefused."""
    if order.status not in (Order.Status.PENDING, Order.Status.FAILED):
        raise OrderRefused(_("This order is no longer waiting for a payment."))
    api = stripe_client.client()
    if order.stripe_payment_intent:
        return stripe_client.call(api.v1.payment_intents.retrieve, order.stripe_payment_intent)
    types = (
        FAKE_PAYMENT_METHOD_TYPES if stripe_client.is_local_fake() else LIVE_PAYMENT_METHOD_TYPES
    )
    # Outside any transaction: no row stays locked while Stripe answers.
    intent = stripe_client.call(
        api.v1.payment_intents.create,
        params={
            "amount": order.gross_cents,
            "currency": order.currency,
            "payment_method_types": types,
            "metadata": {"order": str(order.public_id), "kind": order.kind},
        },
        options={"idempotency_key": f"digiskills-order-{order.public_id}-intent"},
    )
    updated = Order.objects.filter(pk=order.pk, stripe_payment_intent__isnull=True).update(
        stripe_payment_intent=intent.id, updated_at=timezone.now()
    )
    if updated:
        order.stripe_payment_intent = intent.id
        audit_record(
            actor=order.buyer,
            action="payments.payment_intent_create",
            target=order,
            data={"payment_intent": intent.id, "amount": order.gross_cents},
        )
        return intent
    # Another request made one at the same moment (Stripe's idempotency key
    # makes it the same intent; a fake may not): pay the one that was saved.
    order.refresh_from_db(fields=["stripe_payment_intent"])
    if order.stripe_payment_intent == intent.id:
        return intent
    return stripe_client.call(api.v1.payment_intents.retrieve, order.stripe_payment_intent)


# Test cards localstripe knows (its PaymentMethod._requires_authentication,
# _attaching_is_declined and _charging_is_declined); the form offers these.
FAKE_TEST_CARDS = {
    "4242424242424242": _("Succeeds"),
    "4000002500003155": _("Asks for 3-D Secure authentication"),
    "4000000000000341": _("Declined when charged"),
}
FAKE_TEST_IBANS = {
    "DE89370400440532013000": _("SEPA direct debit that succeeds"),
    "DE62370400440532013001": _("SEPA direct debit that fails"),
}


def fake_payment_confirm(*, order: Order, card_number: str = "", iban: str = ""):
    """Pay `order` at localstripe with a test card or test IBAN: the server
    creates the PaymentMethod and confirms the PaymentIntent there, as Stripe.js
    would. Only when the local fake is on. Returns the PaymentIntent (its status
    may be requires_action: 3-D Secure, answered by `fake_payment_authenticate`)."""
    if not stripe_client.is_local_fake():
        raise OrderRefused(_("Test payments are only possible with the local fake Stripe."))
    intent = payment_intent_create(order=order)
    api = stripe_client.client()
    if iban:
        params = {
            "type": "sepa_debit",
            "sepa_debit": {"iban": iban},
            "billing_details": {
                "name": order.billing.get("name", ""),
                "email": order.billing.get("email", ""),
            },
        }
    else:
        params = {
            "type": "card",
            "card": {
                "number": card_number,
                "exp_month": 12,
                "exp_year": timezone.now().year + 2,
                "cvc": "123",
            },
        }
    method = stripe_client.call(api.v1.payment_methods.create, params=params)
    if intent.status == "requires_payment_method" and getattr(intent, "latest_charge", None):
        # After a declined charge Stripe confirms the same intent again;
        # localstripe cannot, so the order gets a fresh intent there.
        intent = _fake_intent_replace(order=order, old=intent)
    if intent.status in ("requires_payment_method", "requires_confirmation"):
        stripe_client.call(
            api.v1.payment_intents.update, intent.id, params={"payment_method": method.id}
        )
        intent = stripe_client.call(api.v1.payment_intents.confirm, intent.id)
    return intent


def _fake_intent_replace(*, order: Order, old):
    api = stripe_client.client()
    intent = stripe_client.call(
        api.v1.payment_intents.create,
        params={
            "amount": order.gross_cents,
            "currency": order.currency,
            "payment_method_types": FAKE_PAYMENT_METHOD_TYPES,
            "metadata": {"order": str(order.public_id), "kind": order.kind},
        },
    )
    stripe_client.call(api.v1.payment_intents.cancel, old.id)
    Order.objects.filter(pk=order.pk, stripe_payment_intent=old.id).update(
        stripe_payment_intent=intent.id, updated_at=timezone.now()
    )
    order.stripe_payment_intent = intent.id
    return intent


def fake_payment_authenticate(*, order: Order, success: bool):
    """Answer localstripe's 3-D Secure step for `order` (its `/_authenticate`)."""
    if not stripe_client.is_local_fake() or not order.stripe_payment_intent:
        raise OrderRefused(_("Test payments are only possible with the local fake Stripe."))
    api = stripe_client.client()
    intent = stripe_client.call(api.v1.payment_intents.retrieve, order.stripe_payment_intent)
    return stripe_client.call(
        api.raw_request,
        "post",
        f"/v1/payment_intents/{intent.id}/_authenticate",
        client_secret=intent.client_secret,
        success="true" if success else "false",
    )


# --- what Stripe's webhook makes of an order --------------------------------------


def _notify_paid(order: Order) -> None:
    from payments.tasks import order_paid_email_send

    order_paid_email_send.delay_on_commit(order.pk)


@transaction.atomic
def order_mark_paid(*, order: Order, payment_intent_id: str = "", event_id: str = "") -> bool:
    """Mark `order` paid, exactly once; then its invoice and, for a seat pack,
    its vouchers. False when it was already paid (a repeated or late event)."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status == Order.Status.PAID:
        return False
    previous = order.status
    order.status = Order.Status.PAID
    order.paid_at = timezone.now()
    fields = ["status", "paid_at", "updated_at"]
    if payment_intent_id and order.stripe_payment_intent != payment_intent_id:
        # The intent that took the money is the one a refund goes to.
        order.stripe_payment_intent = payment_intent_id
        fields.append("stripe_payment_intent")
    order.save(update_fields=fields)
    audit_record(
        actor=None,
        action="payments.order_paid",
        target=order,
        subject_user=order.buyer,
        data={
            "previous": previous,
            "gross_cents": order.gross_cents,
            "payment_intent": order.stripe_payment_intent or "",
            "event": event_id,
        },
    )
    from payments.services.invoices import invoice_issue
    from payments.services.vouchers import vouchers_issue_for_order

    invoice_issue(order=order)
    if order.kind == Order.Kind.SEAT_PACK:
        vouchers_issue_for_order(order=order)
    _notify_paid(order)
    return True


@transaction.atomic
def order_mark_status(*, order: Order, status: str, event_id: str = "", reason: str = "") -> bool:
    """Record that the payment of `order` is processing (SEPA), failed or was
    cancelled. Never un-pays: a paid order keeps its status whatever comes later."""
    if status not in (Order.Status.PROCESSING, Order.Status.FAILED, Order.Status.CANCELED):
        raise ValueError(status)
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status in (Order.Status.PAID, status):
        return False
    previous = order.status
    order.status = status
    order.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=None,
        action=f"payments.order_{status}",
        target=order,
        subject_user=order.buyer,
        data={"previous": previous, "event": event_id, "reason": reason[:200]},
    )
    return True


def order_for_payment_intent(
    *, payment_intent_id: str, metadata: dict | None = None
) -> Order | None:
    """The order a PaymentIntent pays: by its id, or by the order id we put in
    its metadata (when the intent was made but its id not yet saved, or a
    second intent was made for the same order)."""
    order = Order.objects.filter(stripe_payment_intent=payment_intent_id).first()
    if order is not None or not metadata:
        return order
    try:
        public_id = uuid.UUID(str(metadata.get("order", "")))
    except ValueError:
        return None
    order = Order.objects.filter(public_id=public_id).first()
    if order is not None and not order.stripe_payment_intent:
        try:
            Order.objects.filter(pk=order.pk, stripe_payment_intent__isnull=True).update(
                stripe_payment_intent=payment_intent_id
            )
        except IntegrityError:
            return None
    return order


def order_paid_email_send(*, order_id: int) -> str:
    """E-mail the buyer that the payment arrived, once ("sent", "skipped",
    "missing"): the order row is locked and the sending recorded in the audit
    journal, which a retry checks first."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import translation

    from audit.selectors import audit_entry_exists

    with transaction.atomic():
        order = Order.objects.select_for_update().filter(pk=order_id).first()
        if order is None:
            return "missing"
        already = audit_entry_exists(action="payments.order_paid_email", target=order)
        if (
            already
            or order.status != Order.Status.PAID
            or order.buyer is None
            or not order.buyer.email
        ):
            return "skipped"
        with translation.override(order.language):
            context = {
                "order": order,
                "site_url": settings.SITE_URL,
                "path": reverse("payments:order_status", kwargs={"public_id": order.public_id}),
            }
            subject = render_to_string("payments/email/checkout_paid_subject.txt", context).strip()
            body = render_to_string("payments/email/checkout_paid_body.txt", context)
        send_mail(subject, body, None, [order.buyer.email])
        audit_record(
            actor=None, action="payments.order_paid_email", target=order, subject_user=order.buyer
        )
    return "sent"
