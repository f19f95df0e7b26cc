import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from certificates import codes
from lms.models import Enrolment
from lms.tests.budgets import ROLES_QUERY
from lms.tests.factories import UserFactory, exam_attempt_record
from payments.models import ResultsConsent, Voucher
from payments.services.vouchers import voucher_assign, voucher_redeem
from payments.tests.factories import EmployerFactory
from payments.tests.voucher_helpers import live_course, member, seat_pack

pytestmark = pytest.mark.django_db

REDEEM = "/en/payments/vouchers/redeem/"


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def course(home_page):
    return live_course(home_page)


@pytest.fixture
def pack(course):
    return seat_pack(course)


@pytest.fixture
def organisation(pack):
    return pack[0].organisation


def _seats(organisation) -> str:
    return f"/en/payments/organisations/{organisation.slug}/seats/"


# --- Redeeming --------------------------------------------------------------


def test_the_url_names_of_the_pages():
    assert reverse("payments:voucher_redeem") == "/en/payments/vouchers/redeem/"
    assert reverse("payments:organisation_seats", kwargs={"slug": "x"}) == (
        "/en/payments/organisations/x/seats/"
    )
    assert reverse("payments:results_consents") == "/en/payments/me/shared/"


def test_anonymous_people_are_offered_sign_in_and_sign_up_with_the_code_kept(client, pack):
    code = codes.display(pack[1][0].code)
    response = client.get(REDEEM, {"code": code})
    assert response.status_code == 200
    back = "next=/en/payments/vouchers/redeem/%3Fcode%3D" + code
    assert f"/en/accounts/login/?{back}" in response.content.decode()
    assert f"/en/accounts/signup/?{back}" in response.content.decode()
    response = client.post(REDEEM, {"code": code, "action": "redeem"})
    assert response.status_code == 302 and response.url.startswith("/en/accounts/login/?next=")
    assert not Enrolment.objects.exists()


def test_the_code_from_the_link_names_the_organisation_and_asks_consent_unticked(client, pack):
    client.force_login(UserFactory(preferred_language="en"))
    response = client.get(REDEEM, {"code": pack[1][0].code})
    page = response.content.decode()
    assert "Share your results with Brouwerij Sas?" in page
    assert "progress and your exam result in this course only" in page
    assert 'name="share" id="id_share"' in page and "checked" not in page
    assert Voucher.objects.get(pk=pack[1][0].pk).status == Voucher.Status.AVAILABLE


def test_using_the_code_enrols_and_leads_to_the_course_with_a_message(client, course, pack):
    person = UserFactory(preferred_language="en")
    client.force_login(person)
    response = client.post(
        REDEEM, {"code": pack[1][0].code, "action": "redeem", "share": "on"}, follow=True
    )
    assert response.redirect_chain[0][0] == course.url
    assert "you are enrolled in “Safe online”" in response.content.decode()
    assert ResultsConsent.objects.get().learner == person


def test_without_the_box_ticked_nothing_is_shared(client, pack):
    client.force_login(UserFactory())
    client.post(REDEEM, {"code": pack[1][0].code, "action": "redeem"})
    assert Voucher.objects.get(pk=pack[1][0].pk).status == Voucher.Status.REDEEMED
    assert not ResultsConsent.objects.exists()


def test_a_refusal_is_a_400_with_its_reason(client, pack):
    client.force_login(UserFactory())
    code = pack[1][0].code
    mistyped = code[:5] + ("0" if code[5] != "0" else "1") + code[6:]
    response = client.post(REDEEM, {"code": mistyped, "action": "redeem"})
    assert response.status_code == 400
    assert "typing mistake" in response.content.decode()
    response = client.get(REDEEM, {"code": codes.generate()})
    assert response.status_code == 400 and "No voucher has this code" in response.content.decode()


def test_guessing_codes_is_rate_limited(client, settings, db):
    settings.PAYMENTS_VOUCHER_REDEEM_RATE = "3/600"
    client.force_login(UserFactory())
    statuses = [client.get(REDEEM, {"code": codes.generate()}).status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]
    assert client.get(REDEEM).status_code == 200  # the empty form is not a lookup


# --- The employer's seats page ------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client, organisation):
    for url in [
        _seats(organisation),
        reverse("payments:organisation_seats_csv", kwargs={"slug": organisation.slug}),
        reverse("payments:results_consents"),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("role", ["trainer", None])
def test_trainers_and_other_organisations_get_a_404(client, organisation, pack, role):
    other = EmployerFactory()
    user = member(organisation, role) if role else member(other, "manager")
    client.force_login(user)
    voucher = pack[1][0]
    slug = organisation.slug
    assert client.get(_seats(organisation)).status_code == 404
    assert client.get(f"/en/payments/organisations/{slug}/seats.csv").status_code == 404
    assert (
        client.post(
            f"/en/payments/organisations/{slug}/seats/{voucher.pk}/assign/",
            {"email": "x@example.be"},
        ).status_code
        == 404
    )
    assert (
        client.post(f"/en/payments/organisations/{slug}/orders/{pack[0].public_id}/assign/", {})
    ).status_code == 404
    assert Voucher.objects.get(pk=voucher.pk).status == Voucher.Status.AVAILABLE


def test_a_manager_cannot_reach_another_organisation_s_seat_through_their_own(client, pack, course):
    other_order, other_vouchers = seat_pack(course, organisation=EmployerFactory())
    manager = member(pack[0].organisation, "manager")
    client.force_login(manager)
    slug = pack[0].organisation.slug
    url = f"/en/payments/organisations/{slug}/seats/{other_vouchers[0].pk}/assign/"
    assert client.post(url, {"email": "x@example.be"}).status_code == 404
    url = f"/en/payments/organisations/{slug}/orders/{other_order.public_id}/assign/"
    assert client.post(url, {"emails": "x@example.be"}).status_code == 404


def test_reporters_read_counts_and_redemptions_without_codes_or_forms(client, organisation, pack):
    client.force_login(member(organisation, "reporter"))
    page = client.get(_seats(organisation)).content.decode()
    assert "Bought" in page and "Safe online" in page
    assert codes.display(pack[1][0].code) not in page
    assert "/assign/" not in page and "/unassign/" not in page and "seats.csv" not in page
    assert client.get(f"/en/payments/organisations/{organisation.slug}/seats.csv").status_code == (
        404
    )
    url = f"/en/payments/organisations/{organisation.slug}/seats/{pack[1][0].pk}/unassign/"
    assert client.post(url).status_code == 404


def test_the_page_shows_results_only_while_the_person_shares_them(client, course, pack):
    organisation = pack[0].organisation
    sharing, private = UserFactory(display_name="Ann"), UserFactory(display_name="Bob")
    voucher_redeem(code=pack[1][0].code, user=sharing, share_results=True)
    voucher_redeem(code=pack[1][1].code, user=private, share_results=False)
    client.force_login(member(organisation, "manager"))
    page = client.get(_seats(organisation)).content.decode()
    assert page.count("Not shared") == 1 and "Not passed yet" in page

    exam_attempt_record(user=sharing, course=course)
    page = client.get(_seats(organisation)).content.decode()
    assert "Passed (100 %)" in page and "Ann" in page and "Bob" in page

    ResultsConsent.objects.update(withdrawn_at=pack[0].created_at + datetime.timedelta(days=1))
    page = client.get(_seats(organisation)).content.decode()
    assert page.count("Not shared") == 2 and "Passed" not in page


def test_the_seats_page_reads_a_fixed_number_of_queries(client, course, django_assert_num_queries):
    order, vouchers = seat_pack(course, seats=100)
    organisation = order.organisation
    for index, voucher in enumerate(vouchers[:30]):
        voucher_redeem(code=voucher.code, user=UserFactory(), share_results=index % 2 == 0)
    for voucher in vouchers[30:40]:
        voucher_assign(voucher=voucher, email="x@example.be", assigned_by=None)
    client.force_login(member(organisation, "manager"))
    # 19 and the roles: the session and the footer's settings come from the
    # cache, the userbar's admin check comes with the roles, and the roles
    # with the person on PostgreSQL (ROLES_QUERY; issue 21).
    with django_assert_num_queries(19 + ROLES_QUERY):
        response = client.get(_seats(organisation))
    assert response.content.decode().count("Not shared") == 15
    assert response.content.decode().count('class="voucher-code"') == 100


def test_the_csv_is_spreadsheet_safe(client, home_page):
    course = live_course(home_page, title="=HYPERLINK(1)")
    order, vouchers = seat_pack(course, seats=2)
    voucher_assign(voucher=vouchers[0], email="ann@example.be", assigned_by=None)
    client.force_login(member(order.organisation, "manager"))
    response = client.get(f"/en/payments/organisations/{order.organisation.slug}/seats.csv")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text and codes.display(vouchers[1].code) in text
    assert "ann@example.be" in text


def test_a_manager_assigns_takes_back_and_bulk_assigns(client, organisation, pack, mailoutbox):
    client.force_login(member(organisation, "manager"))
    slug = organisation.slug
    first = pack[1][0]
    response = client.post(
        f"/en/payments/organisations/{slug}/seats/{first.pk}/assign/", {"email": "ann@example.be"}
    )
    assert response.status_code == 302 and response.url.endswith(f"#seat-{first.pk}")
    assert Voucher.objects.get(pk=first.pk).assigned_email == "ann@example.be"
    assert client.get(
        f"/en/payments/organisations/{slug}/seats/{first.pk}/assign/"
    ).status_code == (405)
    client.post(f"/en/payments/organisations/{slug}/seats/{first.pk}/unassign/")
    assert Voucher.objects.get(pk=first.pk).status == Voucher.Status.AVAILABLE

    response = client.post(
        f"/en/payments/organisations/{slug}/orders/{pack[0].public_id}/assign/",
        {"emails": "bob@example.be\nnope\ncas@example.be\nd@example.be\ne@example.be"},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "3 codes sent." in page
    assert "is not an e-mail address" in page and "No free seat left." in page
    assert "nope\ne@example.be</textarea>" in page  # kept to send again


def test_a_refused_assignment_is_a_message_not_an_error(client, organisation, pack):
    client.force_login(member(organisation, "manager"))
    url = f"/en/payments/organisations/{organisation.slug}/seats/{pack[1][0].pk}/assign/"
    response = client.post(url, {"email": "not an address"}, follow=True)
    assert response.status_code == 200 and "is not an e-mail address" in response.content.decode()


# --- The person's side ----------------------------------------------------------


def test_the_person_sees_and_withdraws_their_consent(client, pack):
    person = UserFactory(preferred_language="en")
    voucher_redeem(code=pack[1][0].code, user=person, share_results=True)
    client.force_login(person)
    assert "Shared with employers" in client.get("/en/me/").content.decode()
    page = client.get(reverse("payments:results_consents")).content.decode()
    assert "Stop sharing with Brouwerij Sas" in page
    consent = ResultsConsent.objects.get()
    url = reverse("payments:results_consent_withdraw", args=[consent.pk])
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    assert "no longer sees your progress and result" in response.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_nobody_else_withdraws_a_person_s_consent(client, pack):
    voucher_redeem(code=pack[1][0].code, user=UserFactory(), share_results=True)
    consent = ResultsConsent.objects.get()
    client.force_login(member(pack[0].organisation, "manager"))
    url = reverse("payments:results_consent_withdraw", args=[consent.pk])
    assert client.post(url).status_code == 404
    client.logout()
    assert client.post(url).status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is None
