"""Prices in the Wagtail admin: only people with the price permissions; amounts
typed in euros; constraint errors as form errors; the course page shows them."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from analytics.tests.people import fund_officer
from courses.tests.factories import catalogue, course
from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory
from payments.models import Price
from payments.tests.factories import OrderFactory, PriceFactory
from payments.tests.waiver_helpers import exam_fee

pytestmark = pytest.mark.django_db

INDEX = reverse("payments_prices_index")
ADD = reverse("payments_price_add")


def _staff(*codenames):
    user = UserFactory()
    role_grant(user=user, role=Role.EDITOR, granted_by=None)  # may open /cms/
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="payments", codename__in=codenames)
    )
    return user


@pytest.fixture
def diploma(db):
    return course(
        catalogue("en"), slug="diploma", title="Security diploma", certificate_enabled=True
    )


def _form(diploma, **changes):
    data = {
        "kind": "seat_pack",
        "course_key": str(diploma.translation_key),
        "seats": "10",
        "amount": "12,50",
        "vat_rate": "21",
    }
    data.update(changes)
    return data


def test_staff_with_the_permission_add_a_seat_pack_typed_in_euros(client, diploma):
    client.force_login(_staff("add_price", "change_price"))
    response = client.post(ADD, _form(diploma, amount="12.50"))
    assert response.status_code == 302
    price = Price.objects.get()
    assert (price.seats, price.unit_amount_cents) == (10, 1250)
    listing = client.get(INDEX).content.decode()
    assert "Security diploma" in listing and "€12.50" in listing


def test_the_same_pack_size_twice_is_a_form_error(client, diploma):
    client.force_login(_staff("add_price"))
    client.post(ADD, _form(diploma))
    response = client.post(ADD, _form(diploma))
    assert response.status_code == 400
    assert "already on sale" in response.content.decode()
    assert Price.objects.count() == 1


def test_a_second_exam_fee_is_a_form_error(client, diploma):
    client.force_login(_staff("add_price"))
    client.post(ADD, _form(diploma, kind="exam_fee", seats=""))
    response = client.post(ADD, _form(diploma, kind="exam_fee", seats=""))
    assert response.status_code == 400
    assert "already has an exam fee" in response.content.decode()


def test_a_bad_amount_is_a_form_error(client, diploma):
    client.force_login(_staff("add_price"))
    response = client.post(ADD, _form(diploma, amount="12,505"))
    assert response.status_code == 400 and not Price.objects.exists()


def test_editing_a_sold_price_puts_a_new_one_on_sale(client):
    order = OrderFactory(paid=True)
    client.force_login(_staff("change_price"))
    url = reverse("payments_price_edit", args=[order.price.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"seats": "10", "amount": "35,00", "vat_rate": "21", "kind": "exam_fee"}
    )
    assert response.status_code == 302
    order.price.refresh_from_db()
    assert not order.price.is_active and order.price.unit_amount_cents == 4000
    new = Price.objects.get(is_active=True)
    assert new.unit_amount_cents == 3500 and new.kind == "seat_pack"  # kind never changes


def test_taking_a_price_off_sale(client):
    price = PriceFactory()
    client.force_login(_staff("change_price"))
    url = reverse("payments_price_withdraw", args=[price.pk])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    price.refresh_from_db()
    assert not price.is_active


@pytest.mark.parametrize("who", ["editor", "fund_officer", "learner"])
def test_prices_are_refused_without_the_permissions(client, diploma, who):
    user = {"editor": _staff, "fund_officer": fund_officer, "learner": UserFactory}[who]()
    price = PriceFactory()
    client.force_login(user)
    for url in (
        INDEX,
        ADD,
        reverse("payments_price_edit", args=[price.pk]),
        reverse("payments_price_withdraw", args=[price.pk]),
    ):
        assert client.get(url).status_code in (302, 403), url
    assert client.post(ADD, _form(diploma)).status_code in (302, 403)
    assert client.post(reverse("payments_price_withdraw", args=[price.pk])).status_code in (
        302,
        403,
    )
    price.refresh_from_db()
    assert price.is_active and Price.objects.count() == 1


def test_adding_needs_the_add_permission(client, diploma):
    client.force_login(_staff("change_price"))
    assert client.get(INDEX).status_code == 200
    response = client.post(ADD, _form(diploma))
    assert response.status_code in (302, 403) and response.get("Location") != INDEX
    assert not Price.objects.exists()


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(INDEX)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_course_page_shows_the_exam_fee_and_no_seat_link_without_packs(client, diploma):
    exam_fee(diploma.translation_key)
    body = client.get(diploma.url).content.decode()
    assert "Exam fee: €25.00 incl. VAT; practice and lessons are free." in body
    assert "For employers" not in body


def test_a_free_course_page_shows_no_fee(client, diploma):
    assert "Exam fee" not in client.get(diploma.url).content.decode()


def test_the_course_page_links_employers_to_seats_when_packs_are_on_sale(client, diploma):
    PriceFactory(course_key=diploma.translation_key, seats=10)
    body = client.get(diploma.url).content.decode()
    assert f'href="/en/payments/seats/{diploma.translation_key}/"' in body
    assert "For employers: buy seats" in body
