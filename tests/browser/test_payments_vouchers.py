"""An employer's manager sends a seat to an employee; the employee opens the
link in the e-mail, signs up, agrees to share results and lands in the course;
the manager sees the redemption and, once it exists, the exam result; the
employee withdraws consent and the manager sees "not shared". On a phone (and
the seats page on a wide screen too), every page axe clean."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from lms.models import User
from lms.tests.content import course_tree
from lms.tests.factories import exam_attempt_record
from payments.models import Voucher
from payments.tests.voucher_helpers import member, seat_pack
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a-long-and-unusual-passphrase"


def _check(page) -> None:
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def _seat_row(page, name: str):
    return page.locator("tr", has_text=name)


def test_an_employee_redeems_a_seat_shares_results_then_withdraws(
    page, browser, live_server, home_page, settings
):
    settings.SITE_URL = live_server.url
    tree = course_tree(home_page, self_enrolment=False)
    order, vouchers = seat_pack(tree.course, seats=3, language="en")
    organisation = order.organisation
    manager = member(organisation, "manager")
    sign_in(page, manager, live_server)

    # The manager sends a seat by e-mail from the seats page.
    seats = f"/en/payments/organisations/{organisation.slug}/seats/"
    page.goto(seats)
    _check(page)
    page.get_by_label("Send codes by e-mail").fill("amina@example.be\nnot an address")
    page.get_by_role("button", name="Send codes").click()
    page.get_by_text("1 code sent.").wait_for()
    _check(page)
    expect(page.get_by_text("“not an address” is not an e-mail address.")).to_be_visible()
    [message] = [m for m in mail.outbox if m.to == ["amina@example.be"]]
    link = re.search(r"http\S+/payments/vouchers/redeem/\?code=\S+", message.body).group(0)
    voucher = Voucher.objects.get(assigned_email="amina@example.be")

    # The employee, on their own phone, opens the link: sign up first.
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    employee = context.new_page()
    employee.set_default_timeout(10_000)
    employee.goto(link)
    _check(employee)
    employee.locator("#main").get_by_role("link", name="Create an account").click()
    employee.get_by_label("Given name(s), as on your identity card").fill("Amina")
    employee.get_by_label("Family name, as on your identity card").fill("El Idrissi")
    employee.get_by_label("Email").fill("amina@example.be")
    employee.get_by_label("Username").fill("amina")
    employee.locator("#id_password1").fill(PASSWORD)
    employee.locator("#id_password2").fill(PASSWORD)
    employee.get_by_label("I accept the terms of use and the privacy notice.").check()
    employee.get_by_role("button", name="Sign Up").click()

    # Back on the redeem page with the code kept: consent is offered, unticked.
    employee.get_by_role("button", name="Use this code and enrol").wait_for()
    _check(employee)
    consent = employee.get_by_label(
        f"I let {organisation.name} see my progress and exam result in this course."
    )
    assert not consent.is_checked()
    consent.check()
    employee.get_by_role("button", name="Use this code and enrol").click()
    employee.get_by_text("Your code was accepted").wait_for()
    assert employee.url.endswith(tree.course.url)
    _check(employee)
    amina = User.objects.get(username="amina")
    voucher.refresh_from_db()
    assert voucher.redeemed_by == amina

    # The manager sees the redemption, then the result once it exists.
    page.goto(seats)
    row = _seat_row(page, "Amina")
    assert "Not passed yet" in row.inner_text()
    exam_attempt_record(user=amina, course=tree.course)
    page.reload()
    assert "Passed (100 %)" in _seat_row(page, "Amina").inner_text()
    _check(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    assert_accessible(page)
    page.set_viewport_size({"width": 360, "height": 740})

    # The employee withdraws consent from their account.
    employee.goto("/en/me/")
    employee.get_by_role("link", name="Shared with employers").click()
    _check(employee)
    employee.get_by_role("button", name=f"Stop sharing with {organisation.name}").click()
    employee.get_by_text("no longer sees your progress and result").wait_for()
    _check(employee)
    context.close()

    page.reload()
    row = _seat_row(page, "Amina")
    assert "Not shared" in row.inner_text() and "Passed" not in row.inner_text()
