"""An employer on a phone buys a 10-seat pack on the local fake Stripe
(localstripe) with the test card, and waits on the status page until the
signed webhook made the order paid; every page passes axe at 360 px, and
again on a desktop screen."""

import pytest
from playwright.sync_api import expect

from courses.tests.factories import catalogue, course
from lms.tests.factories import UserFactory
from payments.models import Invoice, Order, Voucher
from payments.tests.factories import PriceFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _check(page):
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_employer_buys_ten_seats_with_the_test_card(
    page, home_page, live_server, localstripe_webhook
):
    security = course(catalogue("en"), slug="security", title="Cyber security")
    PriceFactory(course_key=security.translation_key, seats=10, unit_amount_cents=4_000)
    employer = UserFactory(preferred_language="en")
    sign_in(page, employer, live_server)

    page.goto(f"/en/payments/seats/{security.translation_key}/")
    _check(page)
    page.get_by_label("10 seats", exact=False).check()
    page.get_by_label("Buy for").select_option("new")
    page.get_by_label("Name of the new organisation").fill("Bakkerij Peeters")
    page.get_by_label("Name on the invoice").fill("Bakkerij Peeters bv")
    page.get_by_label("Street and number").fill("Wetstraat 16")
    page.get_by_label("Postcode").fill("1000")
    page.get_by_label("City").fill("Brussel")
    page.get_by_label("Company number (KBO/BCE)").fill("0403.170.702")
    page.get_by_label("E-mail address for the invoice").fill("boekhouding@example.be")
    page.get_by_role("button", name="Review the order").click()
    # A wrong check digit: a clear error, and nothing typed is lost.
    expect(page.get_by_text("its last two digits do not match").first).to_be_visible()
    assert page.get_by_label("Street and number").input_value() == "Wetstraat 16"
    _check(page)
    page.get_by_label("Company number (KBO/BCE)").fill("0403.170.701")
    page.get_by_role("button", name="Review the order").click()
    expect(page.get_by_text("€484.00")).to_be_visible()
    _check(page)
    page.get_by_role("button", name="Confirm and go to payment").click()

    expect(page.get_by_role("heading", name="Test payment (local fake Stripe)")).to_be_visible()
    _check(page)
    page.get_by_label("4242 4242 4242 4242", exact=False).check()
    page.get_by_role("button", name="Pay €484.00 (test)").click()

    page.get_by_text("Payment received. Thank you!").wait_for(timeout=30_000)
    _check(page)
    order = Order.objects.get()
    assert order.status == Order.Status.PAID and order.gross_cents == 48_400
    assert Voucher.objects.filter(order=order).count() == 10
    assert Invoice.objects.filter(order=order).count() == 1

    page.get_by_role("link", name="Orders of your organisation").click()
    expect(page.get_by_role("button", name="Cancel and refund")).to_be_visible()
    _check(page)

    # The same pages on a desktop screen.
    page.set_viewport_size({"width": 1280, "height": 900})
    for path in (
        f"/en/payments/organisations/{order.organisation.slug}/orders/",
        f"/en/payments/orders/{order.public_id}/",
        f"/en/payments/orders/{order.public_id}/refund/",
        f"/en/payments/seats/{security.translation_key}/",
    ):
        page.goto(path)
        assert_accessible(page)


def test_declined_card_then_3d_secure_on_a_phone(page, home_page, live_server, localstripe_webhook):
    from payments.tests.factories import OrderFactory

    order = OrderFactory(stripe_payment_intent=None)
    sign_in(page, order.buyer, live_server)
    page.goto(f"/en/payments/orders/{order.public_id}/pay/")
    page.get_by_label("4000 0000 0000 0341", exact=False).check()
    page.get_by_role("button", name="Pay €484.00 (test)").click()
    expect(page.get_by_text("Your bank declined the payment").first).to_be_visible()
    _check(page)
    page.get_by_label("4000 0025 0000 3155", exact=False).check()
    page.get_by_role("button", name="Pay €484.00 (test)").click()
    expect(page.get_by_role("heading", name="Confirm with your bank (test)")).to_be_visible()
    _check(page)
    page.get_by_role("button", name="Approve the payment").click()
    page.get_by_text("Payment received. Thank you!").wait_for(timeout=30_000)
    _check(page)


def test_payments_off_page_is_clear_and_accessible(page, home_page, live_server, settings):
    settings.STRIPE_SECRET_KEY = ""
    security = course(catalogue("en"), slug="security", title="Cyber security")
    sign_in(page, UserFactory(preferred_language="en"), live_server)
    page.goto(f"/en/payments/seats/{security.translation_key}/")
    expect(page.get_by_role("heading", name="Payments are switched off")).to_be_visible()
    _check(page)
