import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse

from lms.hooks.personal_data import personal_data_collect, personal_data_erase
from lms.tests.factories import UserFactory
from payments.models import BillingDetails, Invoice, Order, ResultsConsent, Voucher
from payments.services.invoices import invoice_issue
from payments.services.vouchers import voucher_assign, voucher_redeem
from payments.tests.factories import OrderFactory
from payments.tests.voucher_helpers import live_course, seat_pack

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(home_page):
    user = UserFactory()
    course = live_course(home_page)
    order, vouchers = seat_pack(course)
    voucher_assign(voucher=vouchers[0], email=user.email, assigned_by=None)
    voucher_redeem(code=vouchers[0].code, user=user, share_results=True)
    BillingDetails.objects.create(
        user=user,
        organisation=None,
        name="Ann Peeters",
        street="Kerkstraat 1",
        postcode="9000",
        city="Gent",
        email="ann@example.be",
    )
    bought = OrderFactory(
        paid=True,
        buyer=user,
        organisation=None,
        kind=Order.Kind.EXAM_FEE,
        quantity=1,
        billing={
            "name": "Ann Peeters",
            "street": "Kerkstraat 1",
            "postcode": "9000",
            "city": "Gent",
            "country": "BE",
            "email": "ann@example.be",
            "language": "nl",
        },
    )
    invoice_issue(order=bought)
    return user


def test_my_data_holds_orders_billing_vouchers_and_consents(person, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        from payments.personal_data import payments_personal_data

        part = payments_personal_data(user=person)
    assert personal_data_collect(user=person)["payments"] == part
    assert len(part["orders"]) == 1 and part["orders"][0]["invoices"][0].startswith("F")
    assert part["billing_details"]["name"] == "Ann Peeters"
    assert part["vouchers_redeemed"][0]["organisation"] == "Brouwerij Sas"
    assert part["results_consents"][0]["withdrawn_at"] is None
    json.dumps(part, cls=DjangoJSONEncoder)


def test_erasure_deletes_billing_and_consents_and_keeps_orders_and_invoices(person):
    changed = personal_data_erase(user=person, actor=None, reason="asked")["payments"]
    # the e-mail on her invoice, billing, consent, the address a seat was sent to, the order's buyer
    assert changed == 5
    assert not BillingDetails.objects.filter(user=person).exists()
    assert not ResultsConsent.objects.exists()
    order = Order.objects.get(kind=Order.Kind.EXAM_FEE)
    assert order.buyer is None and order.billing["name"]  # the order itself stays
    assert Invoice.objects.filter(order=order).exists()
    voucher = Voucher.objects.get(redeemed_by=person)
    assert voucher.status == Voucher.Status.REDEEMED and voucher.assigned_email == ""


def test_the_delete_page_says_what_payments_keep(client, person):
    client.force_login(person)
    page = client.get("/en/me/delete/").content.decode()
    assert "orders and invoices are kept" in page


def test_the_account_page_links_vouchers_sharing_and_invoices(client):
    client.force_login(UserFactory(preferred_language="en"))
    body = client.get(reverse("lms:profile")).content.decode()
    for name, text in (
        ("payments:voucher_redeem", "Use a voucher code"),
        ("payments:results_consents", "Shared with employers"),
        ("payments:my_invoices", "My invoices"),
    ):
        assert f'<a href="{reverse(name)}">{text}</a>' in body
