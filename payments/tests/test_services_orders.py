from decimal import Decimal

import pytest

from lms.tests.factories import UserFactory
from partners.models import Membership
from payments import stripe_client
from payments.models import BillingDetails, Order, Price
from payments.services import orders as services
from payments.tests.factories import (
    BillingDetailsFactory,
    EmployerFactory,
    OrderFactory,
    PriceFactory,
)

pytestmark = pytest.mark.django_db


def _manager(organisation):
    user = UserFactory()
    Membership.objects.create(organisation=organisation, user=user, role=Membership.Role.MANAGER)
    return user


def test_seat_pack_order_is_priced_from_the_price_with_belgian_vat():
    details = BillingDetailsFactory()
    buyer = _manager(details.organisation)
    price = PriceFactory(seats=10, unit_amount_cents=4_000)
    order = services.order_create_seat_pack(
        buyer=buyer, organisation=details.organisation, price_id=price.pk
    )
    assert (order.quantity, order.net_cents, order.vat_cents, order.gross_cents) == (
        10,
        40_000,
        8_400,
        48_400,
    )
    assert order.vat_rate == Decimal("21.00") and not order.reverse_charge
    assert order.billing["company_number"] == "0403170701"


def test_a_valid_dutch_vat_number_is_reverse_charged():
    details = BillingDetailsFactory(country="NL", vat_number="NL004495445B01", company_number="")
    buyer = _manager(details.organisation)
    price = PriceFactory()
    order = services.order_create_seat_pack(
        buyer=buyer, organisation=details.organisation, price_id=price.pk
    )
    assert order.reverse_charge and order.vat_cents == 0 and order.gross_cents == order.net_cents


@pytest.mark.parametrize("bad", ["999999", "abc", "", None])
def test_a_made_up_price_id_is_refused(bad):
    details = BillingDetailsFactory()
    with pytest.raises(services.OrderRefused):
        services.order_create_seat_pack(
            buyer=_manager(details.organisation), organisation=details.organisation, price_id=bad
        )


def test_an_inactive_or_exam_fee_price_is_not_a_seat_pack():
    details = BillingDetailsFactory()
    buyer = _manager(details.organisation)
    inactive = PriceFactory(is_active=False)
    fee = PriceFactory(kind=Price.Kind.EXAM_FEE, seats=None)
    for price in (inactive, fee):
        with pytest.raises(services.OrderRefused):
            services.order_create_seat_pack(
                buyer=buyer, organisation=details.organisation, price_id=price.pk
            )


def test_only_a_manager_buys_seats_for_an_organisation():
    details = BillingDetailsFactory()
    trainer = UserFactory()
    Membership.objects.create(
        organisation=details.organisation, user=trainer, role=Membership.Role.TRAINER
    )
    with pytest.raises(services.OrderRefused):
        services.order_create_seat_pack(
            buyer=trainer, organisation=details.organisation, price_id=PriceFactory().pk
        )


def test_a_new_employer_makes_the_buyer_its_manager():
    buyer = UserFactory()
    organisation = services.employer_create_for_buyer(name="Bakkerij Peeters", buyer=buyer)
    assert Membership.objects.filter(
        organisation=organisation, user=buyer, role=Membership.Role.MANAGER
    ).exists()
    assert services.employer_create_for_buyer(name="Bakkerij Peeters", buyer=buyer).slug != (
        organisation.slug
    )


def test_exam_fee_order_is_refused_when_nothing_is_due():
    buyer = UserFactory()
    BillingDetails.objects.create(
        user=buyer, name="An", street="s 1", postcode="1000", city="B", email="a@example.be"
    )
    with pytest.raises(services.OrderRefused):
        services.order_create_exam_fee(buyer=buyer, course_key=PriceFactory().course_key)


def test_exam_fee_order_for_a_person():
    buyer = UserFactory()
    BillingDetails.objects.create(
        user=buyer, name="An", street="s 1", postcode="1000", city="B", email="a@example.be"
    )
    fee = PriceFactory(kind=Price.Kind.EXAM_FEE, seats=None, unit_amount_cents=5_000)
    order = services.order_create_exam_fee(buyer=buyer, course_key=fee.course_key)
    assert (order.kind, order.quantity, order.gross_cents) == (Order.Kind.EXAM_FEE, 1, 6_050)


def test_payments_are_off_without_a_key(settings):
    settings.STRIPE_SECRET_KEY = ""
    assert not stripe_client.payments_enabled()
    with pytest.raises(stripe_client.PaymentRefused):
        services.payment_intent_create(order=OrderFactory())


def test_payment_intent_at_localstripe_carries_the_order_amount(localstripe):
    order = OrderFactory(stripe_payment_intent=None)
    intent = services.payment_intent_create(order=order)
    order.refresh_from_db()
    assert order.stripe_payment_intent == intent.id
    api = stripe_client.client()
    stored = api.v1.payment_intents.retrieve(intent.id)
    assert stored.amount == order.gross_cents == 48_400
    assert stored.currency == "eur"
    assert stored.metadata["order"] == str(order.public_id)
    # Asking again gives the same intent, not a second one.
    assert services.payment_intent_create(order=order).id == intent.id


def test_fake_card_payment_confirms_at_localstripe(localstripe):
    order = OrderFactory(stripe_payment_intent=None)
    intent = services.fake_payment_confirm(order=order, card_number="4242424242424242")
    assert intent.status == "succeeded"
    # Paid only by the webhook: the order still waits.
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING


def test_fake_declined_card_is_a_clear_refusal(localstripe):
    order = OrderFactory(stripe_payment_intent=None)
    with pytest.raises(stripe_client.PaymentRefused) as refused:
        services.fake_payment_confirm(order=order, card_number="4000000000000341")
    assert "declined" in str(refused.value.message)


def test_fake_3d_secure_then_authenticate(localstripe):
    order = OrderFactory(stripe_payment_intent=None)
    intent = services.fake_payment_confirm(order=order, card_number="4000002500003155")
    assert intent.status == "requires_action"
    services.fake_payment_authenticate(order=order, success=True)
    assert stripe_client.client().v1.payment_intents.retrieve(intent.id).status == "succeeded"


def test_fake_payment_is_refused_on_real_stripe(settings):
    settings.STRIPE_SECRET_KEY = "sk_live_x"
    settings.STRIPE_API_BASE = ""
    with pytest.raises(services.OrderRefused):
        services.fake_payment_confirm(order=OrderFactory(), card_number="4242424242424242")


def test_mark_paid_once_issues_invoice_and_vouchers():
    order = OrderFactory()
    assert services.order_mark_paid(order=order)
    assert not services.order_mark_paid(order=order)
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert order.invoices.count() == 1 and order.vouchers.count() == 10


def test_failure_after_payment_never_unpays():
    order = OrderFactory()
    services.order_mark_paid(order=order)
    for status in (Order.Status.FAILED, Order.Status.PROCESSING, Order.Status.CANCELED):
        assert not services.order_mark_status(order=order, status=status)
    order.refresh_from_db()
    assert order.status == Order.Status.PAID


def test_billing_details_save_for_an_organisation_then_update():
    organisation = EmployerFactory()
    data = {
        "name": "X",
        "street": "s",
        "postcode": "1000",
        "city": "B",
        "country": "BE",
        "company_number": "0403170701",
        "vat_number": "",
        "email": "x@example.be",
        "language": "fr",
    }
    first = services.billing_details_save(data=data, organisation=organisation)
    second = services.billing_details_save(data={**data, "name": "Y"}, organisation=organisation)
    assert first.pk == second.pk and second.name == "Y"


def test_payment_received_email_is_sent_once(mailoutbox):
    order = OrderFactory()
    services.order_mark_paid(order=order)
    assert services.order_paid_email_send(order_id=order.pk) == "sent"
    assert services.order_paid_email_send(order_id=order.pk) == "skipped"
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [order.buyer.email]
    assert str(order.public_id) in mailoutbox[0].body


def test_payment_email_is_queued_after_the_commit(django_capture_on_commit_callbacks):
    order = OrderFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        services.order_mark_paid(order=order)
    assert len(callbacks) >= 1


def test_fake_payment_after_a_declined_card_succeeds_with_another(localstripe):
    order = OrderFactory(stripe_payment_intent=None)
    with pytest.raises(stripe_client.PaymentRefused):
        services.fake_payment_confirm(order=order, card_number="4000000000000341")
    first = Order.objects.get(pk=order.pk).stripe_payment_intent
    intent = services.fake_payment_confirm(order=order, card_number="4242424242424242")
    assert intent.status == "succeeded" and intent.amount == order.gross_cents
    order.refresh_from_db()
    assert order.stripe_payment_intent == intent.id != first
