from datetime import timedelta

import pytest
from django.utils import timezone

from lms.models import Attempt, Enrolment
from lms.tests.factories import UserFactory
from payments import stripe_client
from payments.models import Invoice, Order, Price, Refund, Voucher
from payments.services import orders as order_services
from payments.services.refunds import RefundNotPossible, refund_reconcile, refund_unused_seats
from payments.services.stripe_events import stripe_event_process
from payments.tests.factories import OrderFactory, PriceFactory
from payments.tests.stripe_helpers import refund_event

pytestmark = pytest.mark.django_db


def _paid_at_localstripe(**fields) -> Order:
    """A seat-pack order really paid at localstripe (its vouchers issued as
    the webhook would)."""
    order = OrderFactory(stripe_payment_intent=None, **fields)
    intent = order_services.fake_payment_confirm(order=order, card_number="4242424242424242")
    assert intent.status == "succeeded"
    order_services.order_mark_paid(order=order)
    order.refresh_from_db()
    return order


def test_refund_of_unused_seats_at_localstripe_makes_a_credit_note(localstripe):
    order = _paid_at_localstripe()
    staff = UserFactory()
    refund = refund_unused_seats(order=order, seats=3, requested_by=staff, reason="too many")
    assert refund.status == Refund.Status.SUCCEEDED and refund.stripe_refund.startswith("re_")
    assert (refund.net_cents, refund.vat_cents, refund.gross_cents) == (12_000, 2_520, 14_520)
    at_stripe = stripe_client.client().v1.refunds.retrieve(refund.stripe_refund)
    assert at_stripe.amount == 14_520
    note = Invoice.objects.get(refund=refund)
    assert note.kind == Invoice.Kind.CREDIT_NOTE and note.gross_cents == 14_520
    assert Voucher.objects.filter(order=order, status=Voucher.Status.CANCELED).count() == 3


def test_a_used_seat_is_never_refunded(localstripe):
    order = _paid_at_localstripe()
    used = list(order.vouchers.all()[:2])
    for voucher in used:
        person = UserFactory()
        Voucher.objects.filter(pk=voucher.pk).update(
            status=Voucher.Status.REDEEMED, redeemed_by=person, redeemed_at=timezone.now()
        )
    with pytest.raises(RefundNotPossible) as refused:
        refund_unused_seats(order=order, seats=9, requested_by=None)
    assert "unused" in str(refused.value.message)
    assert not Refund.objects.exists()
    assert not Voucher.objects.filter(status=Voucher.Status.CANCELED).exists()
    assert stripe_client.client().v1.refunds.list().data == []


def test_the_last_unused_seats_take_what_is_left_to_the_cent(localstripe):
    price = PriceFactory(seats=3, unit_amount_cents=333)  # 999 net, 209.79 VAT → 210
    order = _paid_at_localstripe(price=price)
    first = refund_unused_seats(order=order, seats=1, requested_by=None)
    second = refund_unused_seats(order=order, seats=1, requested_by=None)
    last = refund_unused_seats(order=order, seats=1, requested_by=None)
    assert first.gross_cents + second.gross_cents + last.gross_cents == order.gross_cents
    with pytest.raises(RefundNotPossible):
        refund_unused_seats(order=order, seats=1, requested_by=None)


def test_a_pending_order_is_not_refunded(localstripe):
    with pytest.raises(RefundNotPossible):
        refund_unused_seats(order=OrderFactory(), seats=1, requested_by=None)


def test_a_refund_stripe_refuses_gives_the_seats_back(localstripe, settings):
    order = OrderFactory(paid=True, stripe_payment_intent="pi_unknown_to_stripe")
    order_services.order_mark_paid(order=order)  # already paid: nothing
    from payments.services.vouchers import vouchers_issue_for_order

    vouchers_issue_for_order(order=order)
    with pytest.raises(stripe_client.PaymentRefused):
        refund_unused_seats(order=order, seats=2, requested_by=None)
    refund = Refund.objects.get()
    assert refund.status == Refund.Status.FAILED
    assert not Voucher.objects.filter(status=Voucher.Status.CANCELED).exists()


def test_exam_fee_refunded_while_the_exam_was_not_started(localstripe):
    buyer = UserFactory()
    fee = PriceFactory(kind=Price.Kind.EXAM_FEE, seats=None, unit_amount_cents=5_000)
    order = OrderFactory(
        kind=Order.Kind.EXAM_FEE,
        organisation=None,
        price=fee,
        quantity=1,
        buyer=buyer,
        stripe_payment_intent=None,
        billing={"name": "An", "language": "nl"},
    )
    order_services.fake_payment_confirm(order=order, card_number="4242424242424242")
    order_services.order_mark_paid(order=order)
    order.refresh_from_db()
    refund = refund_unused_seats(order=order, seats=1, requested_by=None)
    assert refund.gross_cents == 6_050 and refund.status == Refund.Status.SUCCEEDED
    with pytest.raises(RefundNotPossible):
        refund_unused_seats(order=order, seats=1, requested_by=None)


def test_exam_fee_not_refunded_once_the_exam_started(localstripe, home_page):
    from courses.tests.factories import catalogue, course

    page = course(catalogue("en"), slug="security")
    buyer = UserFactory()
    fee = PriceFactory(kind=Price.Kind.EXAM_FEE, seats=None, course_key=page.translation_key)
    order = OrderFactory(
        kind=Order.Kind.EXAM_FEE,
        organisation=None,
        price=fee,
        quantity=1,
        buyer=buyer,
        stripe_payment_intent=None,
        billing={"name": "An", "language": "nl"},
    )
    order_services.fake_payment_confirm(order=order, card_number="4242424242424242")
    order_services.order_mark_paid(order=order)
    enrolment = Enrolment.objects.create(
        learner=buyer, course=page, course_key=page.translation_key
    )
    Attempt.objects.create(
        enrolment=enrolment, lesson_key=fee.course_key, activity_key="exam", exam=True, number=1
    )
    with pytest.raises(RefundNotPossible):
        refund_unused_seats(order=order, seats=1, requested_by=None)


def test_refund_webhooks_reconcile_once():
    order = OrderFactory(paid=True)
    from payments.services.vouchers import vouchers_issue_for_order

    vouchers_issue_for_order(order=order)
    refund = Refund.objects.create(
        order=order,
        seats=1,
        net_cents=4_000,
        vat_cents=840,
        gross_cents=4_840,
        stripe_refund="re_pending_1",
    )
    for event in (
        refund_event("re_pending_1", "pending"),
        refund_event("re_pending_1", "succeeded", kind="charge.refunded"),
        refund_event("re_pending_1", "failed"),
    ):
        stripe_event_process(event=event)
        stripe_event_process(event=event)
    refund.refresh_from_db()
    assert refund.status == Refund.Status.SUCCEEDED
    assert Invoice.objects.filter(refund=refund).count() == 1
    refund_reconcile(refund=refund, stripe_status="succeeded")
    assert Invoice.objects.filter(kind=Invoice.Kind.CREDIT_NOTE).count() == 1


def test_a_refund_window_is_fourteen_days():
    from payments.services.refunds import manager_refund_deadline

    order = OrderFactory(paid=True)
    assert manager_refund_deadline(order=order) == order.paid_at + timedelta(days=14)
