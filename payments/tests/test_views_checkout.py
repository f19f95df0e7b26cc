from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from courses.tests.factories import catalogue, course
from lms.tests.factories import UserFactory
from partners.models import Membership
from payments import stripe_client
from payments.models import BillingDetails, Order, Price, Refund, Voucher
from payments.services import orders as order_services
from payments.services.vouchers import vouchers_issue_for_order
from payments.tests.factories import EmployerFactory, OrderFactory, PriceFactory

pytestmark = pytest.mark.django_db

BILLING = {
    "name": "Bakkerij Peeters bv",
    "street": "Wetstraat 16",
    "postcode": "1000",
    "city": "Brussel",
    "country": "BE",
    "company_number": "0403.170.701",
    "vat_number": "BE 0403.170.701",
    "email": "boekhouding@example.be",
    "language": "nl",
}


@pytest.fixture
def page(home_page):
    return course(catalogue("en"), slug="security")


@pytest.fixture
def pack(page):
    return PriceFactory(course_key=page.translation_key, seats=10, unit_amount_cents=4_000)


def _signed_in(user=None):
    user = user or UserFactory()
    client = Client()
    client.force_login(user)
    return client, user


def _manager(organisation, role=Membership.Role.MANAGER):
    user = UserFactory()
    Membership.objects.create(organisation=organisation, user=user, role=role)
    return user


def _buy_url(page):
    return reverse("payments:seats_buy", kwargs={"course_key": page.translation_key})


def test_anonymous_is_sent_to_sign_in(page, pack, localstripe):
    response = Client().get(_buy_url(page))
    assert response.status_code == 302 and "login" in response["Location"]


def test_payments_off_is_said_clearly(page, pack, settings):
    settings.STRIPE_SECRET_KEY = ""
    client, _user = _signed_in()
    response = client.get(_buy_url(page))
    assert response.status_code == 503
    assert "switched off" in response.content.decode()


def test_seat_pack_review_then_confirm_makes_an_order_for_a_new_employer(page, pack, localstripe):
    client, user = _signed_in()
    data = {**BILLING, "price": pack.pk, "organisation": "new", "organisation_name": "Peeters"}
    review = client.post(_buy_url(page), data)
    assert review.status_code == 200
    text = review.content.decode()
    assert "€ 400,00" in text or "€400.00" in text
    assert not Order.objects.exists()
    confirmed = client.post(_buy_url(page), {**data, "confirm": "1"})
    order = Order.objects.get()
    assert confirmed["Location"] == reverse(
        "payments:checkout", kwargs={"public_id": order.public_id}
    )
    assert order.organisation.memberships.get().user == user
    assert (order.gross_cents, order.billing["company_number"]) == (48_400, "0403170701")


def test_a_tampered_amount_or_price_from_the_browser_changes_nothing(page, pack, localstripe):
    client, _user = _signed_in()
    other_course = PriceFactory(seats=100, unit_amount_cents=1)
    data = {
        **BILLING,
        "price": pack.pk,
        "organisation": "new",
        "organisation_name": "Peeters",
        "confirm": "1",
        "amount": "1",
        "gross_cents": "1",
        "unit_amount_cents": "1",
    }
    client.post(_buy_url(page), data)
    order = Order.objects.get()
    assert order.gross_cents == 48_400
    refused = client.post(_buy_url(page), {**data, "price": other_course.pk})
    assert refused.status_code == 400
    assert Order.objects.count() == 1
    # The PaymentIntent at localstripe carries the server's amount.
    checkout = client.post(
        reverse("payments:checkout", kwargs={"public_id": order.public_id}),
        {"method": "4242424242424242", "amount": "1"},
    )
    assert checkout.status_code == 302
    order.refresh_from_db()
    intent = stripe_client.client().v1.payment_intents.retrieve(order.stripe_payment_intent)
    assert intent.amount == 48_400 and intent.status == "succeeded"


def test_a_wrong_vat_number_is_refused_and_nothing_typed_is_lost(page, pack, localstripe):
    client, _user = _signed_in()
    data = {
        **BILLING,
        "vat_number": "BE0403170702",
        "price": pack.pk,
        "organisation": "new",
        "organisation_name": "Peeters",
    }
    response = client.post(_buy_url(page), data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "check digits" in text and "Wetstraat 16" in text and "Peeters" in text


def test_buying_for_an_organisation_one_does_not_manage_is_refused(page, pack, localstripe):
    other = EmployerFactory()
    client, _user = _signed_in()
    data = {**BILLING, "price": pack.pk, "organisation": other.slug, "confirm": "1"}
    assert client.post(_buy_url(page), data).status_code == 400
    assert not Order.objects.exists()


def test_exam_fee_refused_when_nothing_is_due(page, localstripe):
    client, _user = _signed_in()
    url = reverse("payments:exam_fee_pay", kwargs={"course_key": page.translation_key})
    assert client.get(url).status_code == 409


def test_exam_fee_is_paid_by_the_person(page, localstripe):
    PriceFactory(
        kind=Price.Kind.EXAM_FEE,
        seats=None,
        course_key=page.translation_key,
        unit_amount_cents=5_000,
    )
    client, user = _signed_in()
    url = reverse("payments:exam_fee_pay", kwargs={"course_key": page.translation_key})
    data = {**BILLING, "company_number": "", "vat_number": "", "confirm": "1"}
    response = client.post(url, data)
    order = Order.objects.get()
    assert response.status_code == 302
    assert (order.kind, order.buyer, order.gross_cents) == (Order.Kind.EXAM_FEE, user, 6_050)
    assert BillingDetails.objects.get(user=user).name == BILLING["name"]


def test_unknown_course_is_404(localstripe, home_page):
    client, _user = _signed_in()
    url = reverse(
        "payments:seats_buy", kwargs={"course_key": "6f1c0c1e-0000-4000-8000-000000000000"}
    )
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("name", ["checkout", "order_status", "order_status_json"])
def test_an_order_is_seen_by_its_buyer_and_managers_only(name, localstripe):
    order = OrderFactory(stripe_payment_intent=None)
    url = reverse(f"payments:{name}", kwargs={"public_id": order.public_id})
    assert Client().get(url).status_code == 302
    stranger, _ = _signed_in()
    assert stranger.get(url).status_code == 404
    trainer, _ = _signed_in(_manager(order.organisation, Membership.Role.TRAINER))
    assert trainer.get(url).status_code == 404
    buyer, _ = _signed_in(order.buyer)
    assert buyer.get(url).status_code == 200
    manager, _ = _signed_in(_manager(order.organisation))
    assert manager.get(url).status_code == 200


def test_status_says_waiting_until_the_webhook_paid_it(localstripe):
    order = OrderFactory()
    client, _ = _signed_in(order.buyer)
    url = reverse("payments:order_status", kwargs={"public_id": order.public_id})
    text = client.get(url).content.decode()
    assert "Waiting for confirmation from the bank" in text and 'http-equiv="refresh"' in text
    order_services.order_mark_paid(order=order)
    text = client.get(url).content.decode()
    assert "Payment received" in text and "refresh" not in text
    answer = client.get(
        reverse("payments:order_status_json", kwargs={"public_id": order.public_id})
    )
    assert answer.json() == {"status": "paid", "paid": True}


def test_checkout_csp_and_permissions_policy_allow_stripe_js_only_there(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    settings.STRIPE_API_BASE = ""
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_x"
    order = OrderFactory(stripe_payment_intent=None)

    class Intent:
        id = "pi_live_page"
        client_secret = "pi_live_page_secret_x"

    import payments.views.checkout as views

    original = order_services.payment_intent_create
    views.services.payment_intent_create = lambda order: Intent()
    try:
        client, _ = _signed_in(order.buyer)
        response = client.get(reverse("payments:checkout", kwargs={"public_id": order.public_id}))
    finally:
        views.services.payment_intent_create = original
    csp = response["Content-Security-Policy"]
    assert "https://js.stripe.com" in csp and "https://api.stripe.com" in csp
    assert "https://hooks.stripe.com" in csp
    assert 'payment=(self "https://js.stripe.com")' in response["Permissions-Policy"]
    assert "js.stripe.com/v3" in response.content.decode()
    other = client.get(reverse("payments:order_status", kwargs={"public_id": order.public_id}))
    assert "stripe.com" not in other["Content-Security-Policy"]
    assert "payment=()" in other["Permissions-Policy"]


def test_live_checkout_refuses_a_server_side_test_payment(settings):
    settings.STRIPE_SECRET_KEY = "sk_live_x"
    settings.STRIPE_API_BASE = ""
    order = OrderFactory()
    client, _ = _signed_in(order.buyer)
    response = client.post(
        reverse("payments:checkout", kwargs={"public_id": order.public_id}),
        {"method": "4242424242424242"},
    )
    assert response.status_code == 400


def test_a_declined_test_card_is_a_clear_402(localstripe):
    order = OrderFactory(stripe_payment_intent=None)
    client, _ = _signed_in(order.buyer)
    response = client.post(
        reverse("payments:checkout", kwargs={"public_id": order.public_id}),
        {"method": "4000000000000341"},
    )
    assert response.status_code == 402
    assert "declined" in response.content.decode()


def test_3d_secure_test_card_asks_then_authenticates(localstripe):
    order = OrderFactory(stripe_payment_intent=None)
    client, _ = _signed_in(order.buyer)
    url = reverse("payments:checkout", kwargs={"public_id": order.public_id})
    response = client.post(url, {"method": "4000002500003155"})
    assert "3-D Secure" in response.content.decode()
    done = client.post(
        reverse("payments:checkout_authenticate", kwargs={"public_id": order.public_id}),
        {"result": "succeed"},
    )
    assert done.status_code == 302
    order.refresh_from_db()
    intent = stripe_client.client().v1.payment_intents.retrieve(order.stripe_payment_intent)
    assert intent.status == "succeeded"


# --- the organisation's orders and refunds ---------------------------------------


def _paid(localstripe_order=True):
    order = OrderFactory(stripe_payment_intent=None)
    order_services.fake_payment_confirm(order=order, card_number="4242424242424242")
    order_services.order_mark_paid(order=order)
    order.refresh_from_db()
    return order


def _refund_url(order):
    return reverse("payments:order_refund", kwargs={"public_id": order.public_id})


def _seats(order, n):
    return {f"{str(order.public_id)[:8]}-seats": n, f"{str(order.public_id)[:8]}-reason": ""}


def test_orders_page_for_managers_only(localstripe, django_assert_max_num_queries):
    order = _paid()
    url = reverse("payments:organisation_orders", kwargs={"slug": order.organisation.slug})
    assert Client().get(url).status_code == 302
    for role in (Membership.Role.TRAINER, Membership.Role.REPORTER):
        client, _ = _signed_in(_manager(order.organisation, role))
        assert client.get(url).status_code == 404
    stranger, _ = _signed_in()
    assert stranger.get(url).status_code == 404
    client, _ = _signed_in(_manager(order.organisation))
    with django_assert_max_num_queries(25):
        response = client.get(url)
    assert response.status_code == 200
    assert "Cancel and refund" in response.content.decode()


def test_manager_refunds_unused_seats_on_the_14th_day(localstripe):
    order = _paid()
    Order.objects.filter(pk=order.pk).update(
        paid_at=timezone.now() - timedelta(days=14) + timedelta(seconds=30)
    )
    client, _ = _signed_in(_manager(order.organisation))
    response = client.post(_refund_url(order), _seats(order, 2))
    assert response.status_code == 302
    refund = Refund.objects.get()
    assert refund.seats == 2 and refund.status == Refund.Status.SUCCEEDED
    assert refund.credit_note.kind == "credit_note"


def test_manager_cannot_refund_after_14_days(localstripe):
    order = _paid()
    Order.objects.filter(pk=order.pk).update(paid_at=timezone.now() - timedelta(days=14, seconds=1))
    client, _ = _signed_in(_manager(order.organisation))
    assert client.post(_refund_url(order), _seats(order, 1)).status_code == 403
    assert not Refund.objects.exists()


def test_refund_refused_for_strangers_and_other_roles(localstripe):
    order = _paid()
    assert Client().post(_refund_url(order), _seats(order, 1)).status_code == 302
    stranger, _ = _signed_in()
    assert stranger.post(_refund_url(order), _seats(order, 1)).status_code == 404
    trainer, _ = _signed_in(_manager(order.organisation, Membership.Role.TRAINER))
    assert trainer.post(_refund_url(order), _seats(order, 1)).status_code == 404
    assert not Refund.objects.exists()


def test_staff_with_the_permission_refunds_any_time_but_not_used_seats(localstripe):
    order = _paid()
    Order.objects.filter(pk=order.pk).update(paid_at=timezone.now() - timedelta(days=90))
    staff = UserFactory()
    staff.user_permissions.add(Permission.objects.get(codename="add_refund"))
    client, _ = _signed_in(staff)
    person = UserFactory()
    Voucher.objects.filter(pk=order.vouchers.first().pk).update(
        status=Voucher.Status.REDEEMED, redeemed_by=person, redeemed_at=timezone.now()
    )
    refused = client.post(_refund_url(order), _seats(order, 10))
    assert refused.status_code == 409 and "unused" in refused.content.decode()
    assert client.post(_refund_url(order), _seats(order, 9)).status_code == 302
    assert Refund.objects.get().seats == 9


def test_refund_page_for_staff_with_the_permission_and_managers_only(localstripe):
    order = OrderFactory(paid=True)
    vouchers_issue_for_order(order=order)
    manager, _ = _signed_in(_manager(order.organisation))
    assert "10 seats are unused" in manager.get(_refund_url(order)).content.decode()
    staff = UserFactory()
    staff.user_permissions.add(Permission.objects.get(codename="add_refund"))
    staff_client, _ = _signed_in(staff)
    assert staff_client.get(_refund_url(order)).status_code == 200
    no_permission, _ = _signed_in(UserFactory(is_staff=True))
    assert no_permission.get(_refund_url(order)).status_code == 404
    assert Client().get(_refund_url(order)).status_code == 302


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_whole_purchase_through_the_pages_and_localstripe_webhook(
    home_page, localstripe_webhook
):
    from conftest import wait_until

    security = course(catalogue("en"), slug="security")
    pack = PriceFactory(course_key=security.translation_key, seats=10, unit_amount_cents=4_000)
    client, user = _signed_in()
    data = {**BILLING, "price": pack.pk, "organisation": "new", "organisation_name": "Peeters"}
    client.post(_buy_url(security), {**data, "confirm": "1"})
    order = Order.objects.get()
    client.post(
        reverse("payments:checkout", kwargs={"public_id": order.public_id}),
        {"method": "4242424242424242"},
    )
    status_url = reverse("payments:order_status", kwargs={"public_id": order.public_id})
    assert wait_until(
        lambda: "Payment received" in client.get(status_url).content.decode(), timeout=20
    )
    order.refresh_from_db()
    assert order.vouchers.count() == 10 and order.invoices.count() == 1
    orders_page = client.get(
        reverse("payments:organisation_orders", kwargs={"slug": order.organisation.slug})
    )
    assert "Cancel and refund" in orders_page.content.decode()


def test_exam_fee_page_asks_to_sign_in(page, localstripe):
    url = reverse("payments:exam_fee_pay", kwargs={"course_key": page.translation_key})
    response = Client().get(url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_3d_secure_answer_is_for_the_buyer_only(localstripe):
    order = OrderFactory(stripe_payment_intent=None)
    url = reverse("payments:checkout_authenticate", kwargs={"public_id": order.public_id})
    assert Client().post(url, {"result": "succeed"}).status_code == 302
    stranger, _ = _signed_in()
    assert stranger.post(url, {"result": "succeed"}).status_code == 404
    buyer, _ = _signed_in(order.buyer)
    assert buyer.get(url).status_code == 405


def test_an_unknown_order_is_404(localstripe):
    client, _ = _signed_in()
    for name in ("checkout", "order_status", "order_refund"):
        url = reverse(
            f"payments:{name}", kwargs={"public_id": "6f1c0c1e-0000-4000-8000-000000000000"}
        )
        assert client.get(url).status_code == 404


def test_a_manager_buying_again_finds_the_saved_billing_details(page, pack, localstripe):
    from payments.tests.factories import BillingDetailsFactory

    billing = BillingDetailsFactory(name="Veilig Werk bv", street="Kerkstraat 3")
    client, _user = _signed_in(_manager(billing.organisation))
    form = client.get(_buy_url(page)).context["form"]
    assert form.initial["name"] == "Veilig Werk bv"
    assert form.initial["street"] == "Kerkstraat 3"
    assert form.initial["company_number"] == "0403170701"


def test_the_test_payment_form_speaks_the_reader_s_language(localstripe):
    order = OrderFactory(stripe_payment_intent=None)
    client, _ = _signed_in(order.buyer)
    url = reverse("payments:checkout", kwargs={"public_id": order.public_id})
    body = client.get(url.replace("/en/", "/nl/", 1)).content.decode()
    assert "4242 4242 4242 4242 · Lukt" in body and "Succeeds" not in body


def test_the_orders_page_reads_as_many_queries_for_1_or_6_orders():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from payments.services.vouchers import vouchers_issue_for_order

    first = OrderFactory(paid=True)
    vouchers_issue_for_order(order=first)
    client, _ = _signed_in(_manager(first.organisation))
    url = reverse("payments:organisation_orders", kwargs={"slug": first.organisation.slug})
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        assert "Cancel and refund" in client.get(url).content.decode()
    for _ in range(5):
        vouchers_issue_for_order(order=OrderFactory(paid=True, organisation=first.organisation))
    with CaptureQueriesContext(connection) as six:
        assert client.get(url).content.decode().count("Cancel and refund") == 6
    assert len(six) == len(one)
