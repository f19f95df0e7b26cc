import json
import random
import threading
import time

import pytest
from django.db import connection
from django.test import Client

from audit.models import AuditEntry
from conftest import wait_until
from payments import stripe_client
from payments.models import Invoice, Order, StripeEvent, Voucher
from payments.services import orders as services
from payments.tests.factories import OrderFactory
from payments.tests.stripe_helpers import deliver, intent_event, signed
from tests.localstripe import TEST_WEBHOOK_SECRET, WEBHOOK_PATH


@pytest.fixture
def webhook_secret(settings):
    settings.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET
    settings.STRIPE_SECRET_KEY = "sk_test_x"


def _one_payment(order):
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert (
        AuditEntry.objects.filter(action="payments.order_paid", target_id=str(order.pk)).count()
        == 1
    )
    assert Invoice.objects.filter(order=order, kind=Invoice.Kind.INVOICE).count() == 1
    assert Voucher.objects.filter(order=order).count() == order.quantity == 10


@pytest.mark.django_db
def test_signed_succeeded_event_pays_the_order(webhook_secret):
    order = OrderFactory()
    response = deliver(intent_event(order, "succeeded"))
    assert response.status_code == 200
    _one_payment(order)
    assert StripeEvent.objects.get().outcome == "paid"


@pytest.mark.django_db
def test_every_event_twice_and_out_of_order_gives_one_payment(webhook_secret):
    orders = [OrderFactory() for _ in range(3)]
    rng = random.Random(20)
    for order in orders:
        events = [
            intent_event(order, kind)
            for kind in ("processing", "payment_failed", "succeeded", "canceled", "processing")
        ]
        deliveries = events + events
        rng.shuffle(deliveries)
        for event in deliveries:
            assert deliver(event).status_code == 200
        _one_payment(order)
        assert StripeEvent.objects.filter(order=order).count() == len(events)
    # Reversed, in full, once more: still nothing new.
    for order in orders:
        for event in reversed(
            [intent_event(order, "succeeded"), intent_event(order, "payment_failed")]
        ):
            deliver(event)
        _one_payment(order)


@pytest.mark.django_db
def test_succeeded_after_failed_pays(webhook_secret):
    order = OrderFactory()
    deliver(intent_event(order, "payment_failed"))
    order.refresh_from_db()
    assert order.status == Order.Status.FAILED
    deliver(intent_event(order, "succeeded"))
    _one_payment(order)


@pytest.mark.django_db
def test_processing_then_succeeded(webhook_secret):
    order = OrderFactory()
    deliver(intent_event(order, "processing"))
    order.refresh_from_db()
    assert order.status == Order.Status.PROCESSING
    deliver(intent_event(order, "succeeded"))
    _one_payment(order)


@pytest.mark.django_db
def test_unknown_payment_intent_is_recorded_and_answered(webhook_secret):
    order = OrderFactory()
    event = intent_event(order, "succeeded", intent_id="pi_nobody", metadata={})
    response = deliver(event)
    assert response.status_code == 200
    row = StripeEvent.objects.get(event_id=event["id"])
    assert row.outcome == "ignored: unknown payment intent" and row.order is None
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING


@pytest.mark.django_db
def test_an_amount_that_differs_from_the_order_does_not_pay(webhook_secret):
    order = OrderFactory()
    deliver(intent_event(order, "succeeded", amount=100))
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING
    assert StripeEvent.objects.get().outcome.startswith("refused")


@pytest.mark.django_db
def test_an_intent_found_by_its_metadata_is_linked(webhook_secret):
    order = OrderFactory(stripe_payment_intent=None)
    deliver(intent_event(order, "succeeded", intent_id="pi_from_metadata"))
    order.refresh_from_db()
    assert order.status == Order.Status.PAID and order.stripe_payment_intent == "pi_from_metadata"


@pytest.mark.django_db
def test_unhandled_event_types_are_recorded_as_ignored(webhook_secret):
    event = {
        "id": "evt_other",
        "type": "customer.created",
        "created": int(time.time()),
        "data": {"object": {}},
    }
    assert deliver(event).status_code == 200
    assert StripeEvent.objects.get().outcome == "ignored: event type not handled"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "how",
    ["unsigned", "wrong_secret", "old_timestamp", "tampered_body", "garbage_header"],
)
def test_bad_signatures_are_refused_and_nothing_recorded(webhook_secret, how):
    order = OrderFactory()
    event = intent_event(order, "succeeded")
    client = Client()
    if how == "unsigned":
        response = client.post(
            WEBHOOK_PATH, data=json.dumps(event), content_type="application/json"
        )
    elif how == "wrong_secret":
        response = deliver(event, secret="whsec_someone_else")
    elif how == "old_timestamp":
        response = deliver(event, timestamp=int(time.time()) - 301)
    elif how == "tampered_body":
        payload, header = signed(event)
        response = client.post(
            WEBHOOK_PATH,
            data=payload.replace("48400", "100"),
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=header,
        )
    else:
        response = client.post(
            WEBHOOK_PATH,
            data=json.dumps(event),
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE="t=x,v1=",
        )
    assert response.status_code == 400
    assert not StripeEvent.objects.exists()
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING


@pytest.mark.django_db
def test_webhook_takes_post_only_and_bounds_the_body(webhook_secret):
    assert Client().get(WEBHOOK_PATH).status_code == 405
    event = intent_event(OrderFactory(), "succeeded")
    event["padding"] = "x" * (300 * 1024)
    assert deliver(event).status_code == 400
    assert not StripeEvent.objects.exists()


@pytest.mark.django_db
def test_webhook_without_a_secret_is_unavailable(settings):
    settings.STRIPE_WEBHOOK_SECRET = ""
    assert deliver(intent_event(OrderFactory(), "succeeded")).status_code == 503


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_duplicate_deliveries_are_processed_once(webhook_secret):
    assert connection.vendor == "postgresql"
    order = OrderFactory()
    event = intent_event(order, "succeeded")
    barrier = threading.Barrier(4)
    answers = []

    def post():
        try:
            barrier.wait()
            answers.append(deliver(event).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [200] * 4
    assert StripeEvent.objects.filter(event_id=event["id"]).count() == 1
    _one_payment(order)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_signed_webhook_from_localstripe_pays_the_order(localstripe_webhook):
    order = OrderFactory(stripe_payment_intent=None)
    services.fake_payment_confirm(order=order, card_number="4242424242424242")
    assert wait_until(
        lambda: Order.objects.get(pk=order.pk).status == Order.Status.PAID, timeout=20
    )
    _one_payment(order)
    row = StripeEvent.objects.get(type="payment_intent.succeeded")
    assert row.order_id == order.pk and row.outcome == "paid"
    intent = stripe_client.client().v1.payment_intents.retrieve(order.stripe_payment_intent)
    assert intent.amount == order.gross_cents


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_declined_card_at_localstripe_fails_the_order(localstripe_webhook):
    order = OrderFactory(stripe_payment_intent=None)
    with pytest.raises(stripe_client.PaymentRefused):
        services.fake_payment_confirm(order=order, card_number="4000000000000341")
    assert wait_until(
        lambda: Order.objects.get(pk=order.pk).status == Order.Status.FAILED, timeout=20
    )


@pytest.mark.django_db
def test_a_second_intent_of_the_same_order_pays_it_once_and_is_flagged(webhook_secret):
    order = OrderFactory()
    first = order.stripe_payment_intent
    deliver(intent_event(order, "payment_failed", intent_id="pi_second"))
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING
    deliver(intent_event(order, "succeeded", intent_id="pi_second"))
    order.refresh_from_db()
    assert order.status == Order.Status.PAID and order.stripe_payment_intent == "pi_second"
    deliver(intent_event(order, "succeeded", intent_id=first))
    _one_payment(order)
    assert (
        StripeEvent.objects.filter(outcome__startswith="refused: order already paid").count() == 1
    )
