"""Refunds of unused seats (and of an exam fee not yet used). A used seat is
never refunded; each refund cancels its vouchers, asks Stripe to pay back the
amount computed here, and gets its credit note once Stripe says it succeeded."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from audit.services import audit_record
from lms.models import Attempt
from payments import stripe_client
from payments.models import Order, Refund, Voucher
from payments.money import line_amounts
from payments.services.invoices import credit_note_issue
from payments.services.vouchers import RefundRefused, vouchers_cancel_for_refund

# Managers of the buying organisation may give back unused seats this long
# after the payment; platform staff at any time.
MANAGER_REFUND_WINDOW = timedelta(days=14)


class RefundNotPossible(Exception):
    """A refund refused with a translated reason (`message`)."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def manager_refund_deadline(*, order: Order):
    """Until when the organisation's managers may refund unused seats."""
    return order.paid_at + MANAGER_REFUND_WINDOW if order.paid_at else None


def _amounts(order: Order, seats: int) -> tuple[int, int, int]:
    refunded = order.refunds.exclude(status=Refund.Status.FAILED).aggregate(
        seats=Sum("seats"), net=Sum("net_cents"), vat=Sum("vat_cents")
    )
    if (refunded["seats"] or 0) + seats >= order.quantity:
        # The last seats take what is left, so that rounding per refund never
        # gives back a cent more (or less) than was paid.
        net = order.net_cents - (refunded["net"] or 0)
        vat = order.vat_cents - (refunded["vat"] or 0)
        return net, vat, net + vat
    return line_amounts(unit_cents=order.unit_amount_cents, quantity=seats, vat_rate=order.vat_rate)


def _exam_started(order: Order) -> bool:
    return Attempt.objects.filter(
        enrolment__learner=order.buyer, enrolment__course_key=order.course_key, exam=True
    ).exists()


@transaction.atomic
def _refund_prepare(*, order: Order, seats: int, requested_by, reason: str) -> Refund:
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status != Order.Status.PAID or not order.stripe_payment_intent:
        raise RefundNotPossible(_("Only a paid order can be refunded."))
    if seats < 1:
        raise RefundNotPossible(_("Choose at least one seat to refund."))
    if order.kind == Order.Kind.EXAM_FEE:
        if seats != 1 or order.refunds.exclude(status=Refund.Status.FAILED).exists():
            raise RefundNotPossible(_("This exam fee was already refunded."))
        if _exam_started(order):
            raise RefundNotPossible(_("The exam was started: its fee is not refunded."))
    net, vat, gross = _amounts(order, seats)
    refund = Refund.objects.create(
        order=order,
        seats=seats,
        net_cents=net,
        vat_cents=vat,
        gross_cents=gross,
        reason=reason[:300],
        requested_by=requested_by,
    )
    if order.kind == Order.Kind.SEAT_PACK:
        try:
            vouchers_cancel_for_refund(order=order, seats=seats, refund=refund)
        except RefundRefused as error:
            raise RefundNotPossible(
                _("Only unused seats can be refunded, and fewer are unused than you asked.")
            ) from error
    audit_record(
        actor=requested_by,
        action="payments.refund_request",
        target=order,
        subject_user=order.buyer,
        data={"refund": refund.pk, "seats": seats, "gross_cents": gross, "reason": reason[:200]},
    )
    return refund


def refund_unused_seats(*, order: Order, seats: int, requested_by, reason: str = "") -> Refund:
    """Refund `seats` unused seats of a paid `order` (or its exam fee, seats=1,
    while the exam was not started). The seats' vouchers are cancelled first; a
    used seat is never refunded (RefundNotPossible). Stripe pays back the amount
    computed here; the credit note follows when Stripe says it succeeded."""
    refund = _refund_prepare(order=order, seats=seats, requested_by=requested_by, reason=reason)
    try:
        api = stripe_client.client()
        answer = stripe_client.call(
            api.v1.refunds.create,
            params={
                "payment_intent": order.stripe_payment_intent,
                "amount": refund.gross_cents,
                "metadata": {"order": str(order.public_id), "refund": str(refund.pk)},
            },
            options={"idempotency_key": f"digiskills-refund-{refund.pk}"},
        )
    except stripe_client.PaymentRefused:
        refund_reconcile(refund=refund, stripe_status="failed")
        raise
    Refund.objects.filter(pk=refund.pk).update(stripe_refund=answer.id)
    refund.stripe_refund = answer.id
    return refund_reconcile(refund=refund, stripe_status=str(answer.status))


def _vouchers_restore(refund: Refund) -> None:
    # The money did not go back: the seats are the organisation's again.
    for voucher in Voucher.objects.select_for_update().filter(
        refund=refund, status=Voucher.Status.CANCELED
    ):
        voucher.status = (
            Voucher.Status.ASSIGNED if voucher.assigned_email else Voucher.Status.AVAILABLE
        )
        voucher.canceled_at = None
        voucher.refund = None
        voucher.save(update_fields=["status", "canceled_at", "refund"])


@transaction.atomic
def refund_reconcile(*, refund: Refund, stripe_status: str) -> Refund:
    """Bring `refund` in line with Stripe's status of it: succeeded makes the
    credit note (once); failed or canceled gives the seats back. A succeeded
    refund does not go back."""
    refund = Refund.objects.select_for_update().get(pk=refund.pk)
    if refund.status == Refund.Status.SUCCEEDED:
        credit_note_issue(refund=refund)
        return refund
    if stripe_status == "succeeded":
        refund.status = Refund.Status.SUCCEEDED
        refund.save(update_fields=["status", "updated_at"])
        credit_note_issue(refund=refund)
        audit_record(
            actor=refund.requested_by,
            action="payments.refund_succeeded",
            target=refund.order,
            subject_user=refund.order.buyer,
            data={"refund": refund.pk, "gross_cents": refund.gross_cents},
        )
    elif stripe_status in ("failed", "canceled") and refund.status != Refund.Status.FAILED:
        refund.status = Refund.Status.FAILED
        refund.save(update_fields=["status", "updated_at"])
        _vouchers_restore(refund)
        audit_record(
            actor=refund.requested_by,
            action="payments.refund_failed",
            target=refund.order,
            subject_user=refund.order.buyer,
            data={"refund": refund.pk},
        )
    return refund
