"""The whole paid journey as the issue asks it, on a phone: an employer buys
10 seats of a course whose exam carries a fee (on localstripe, the signed
webhook deciding), gets the codes and the invoice PDF; an employee redeems
one from the e-mail, shares results, takes and passes the exam (the seat
settled the fee); the employer sees the result. Then a learner without a
seat meets the exam fee, pays it, and may sit the exam. axe clean throughout."""

import re
from decimal import Decimal

import pypdfium2
import pytest
from django.core import mail
from playwright.sync_api import expect

from certificates import codes
from lms.models import Attempt, Enrolment, User
from lms.services import lesson_progress_record
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory
from payments.models import Invoice, Order, Price, Voucher
from payments.tests.factories import PriceFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a-long-and-unusual-passphrase"


def _check(page) -> None:
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def _priced_course(home_page):
    tree = course_tree(home_page, title="Security diploma")
    key = tree.course.translation_key
    PriceFactory(course_key=key, seats=10, unit_amount_cents=4_000)
    PriceFactory(
        kind=Price.Kind.EXAM_FEE,
        seats=None,
        course_key=key,
        unit_amount_cents=2_066,
        vat_rate=Decimal("21.00"),
    )
    return tree


def _billing(page, *, organisation: str | None = None) -> None:
    if organisation:
        page.get_by_label("Buy for").select_option("new")
        page.get_by_label("Name of the new organisation").fill(organisation)
    page.get_by_label("Name on the invoice").fill(organisation or "Amina El Idrissi")
    page.get_by_label("Street and number").fill("Wetstraat 16")
    page.get_by_label("Postcode").fill("1000")
    page.get_by_label("City").fill("Brussel")
    if organisation:
        page.get_by_label("Company number (KBO/BCE)").fill("0403.170.701")
    page.get_by_label("E-mail address for the invoice").fill("boekhouding@example.be")
    page.get_by_role("button", name="Review the order").click()


def _pay_with_test_card(page, amount: str) -> None:
    page.get_by_role("button", name="Confirm and go to payment").click()
    page.get_by_label("4242 4242 4242 4242", exact=False).check()
    _check(page)
    page.get_by_role("button", name=f"Pay {amount} (test)").click()
    page.get_by_text("Payment received. Thank you!").wait_for(timeout=30_000)
    _check(page)


def _sit_the_exam(page, tree, enrolment: Enrolment) -> Attempt:
    for lesson in tree.lessons[:-1]:
        lesson_progress_record(
            enrolment=enrolment, lesson=lesson, event="completed", idempotency_key=lesson.slug
        )
    page.goto(tree.exam_lesson.url)
    _check(page)
    page.get_by_role("button", name="Start the exam").click()
    page.wait_for_url("**/learning/attempts/**")
    attempt = Attempt.objects.get(enrolment=enrolment, exam=True)
    for drawn in attempt.questions:
        for choice in tree.correct[drawn["question"]]:
            page.locator(f'input[name="q-{drawn["question"]}"][value="{choice}"]').check()
    page.get_by_role("button", name="Hand in the exam").click()
    page.wait_for_load_state()
    attempt.refresh_from_db()
    return attempt


def test_employer_buys_seats_an_employee_passes_and_the_employer_sees_it(
    page, browser, live_server, home_page, settings, tmp_path, localstripe_webhook
):
    settings.SITE_URL = live_server.url
    settings.MEDIA_ROOT = tmp_path / "media"
    tree = _priced_course(home_page)
    employer = UserFactory(preferred_language="en", first_name="Els", last_name="Peeters")
    sign_in(page, employer, live_server)

    # From the course page: "For employers: buy seats", priced on the server.
    page.goto(tree.course.url)
    expect(page.get_by_text("Exam fee: €25.00 incl. VAT")).to_be_visible()
    page.get_by_role("link", name="For employers: buy seats").click()
    _check(page)
    page.get_by_label("10 seats", exact=False).check()
    _billing(page, organisation="Bakkerij Peeters")
    expect(page.get_by_text("€484.00")).to_be_visible()  # 10 × €40 + 21 % VAT
    _check(page)
    _pay_with_test_card(page, "€484.00")
    order = Order.objects.get(buyer=employer)
    assert order.status == Order.Status.PAID and order.gross_cents == 48_400
    organisation = order.organisation

    # The codes: ten, each with its check symbol, on the seats page.
    page.goto(f"/en/partners/{organisation.slug}/")
    page.get_by_role("link", name="Seats and codes").click()
    _check(page)
    seat_codes = [v.code for v in Voucher.objects.filter(order=order)]
    assert len(seat_codes) == 10 and all(codes.is_well_formed(c) for c in seat_codes)
    listed = page.locator("main").inner_text()
    assert sum(codes.display(c) in listed for c in seat_codes) == 10

    # The invoice: numbered, downloadable as a PDF that says what was bought.
    invoice = Invoice.objects.get(order=order, kind=Invoice.Kind.INVOICE)
    page.get_by_role("link", name="Invoices").first.click()
    _check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=f"Download {invoice.number} (PDF)").click()
    path = tmp_path / "invoice.pdf"
    download.value.save_as(path)
    document = pypdfium2.PdfDocument(str(path))
    try:
        text = " ".join(document[0].get_textpage().get_text_range().split())
    finally:
        document.close()
    assert invoice.number in text and "0403.170.701" in text and "484.00" in text

    # A code goes to an employee by e-mail.
    page.goto(f"/en/payments/organisations/{organisation.slug}/seats/")
    page.get_by_label("Send codes by e-mail").fill("amina@example.be")
    page.get_by_role("button", name="Send codes").click()
    page.get_by_text("1 code sent.").wait_for()
    [message] = [m for m in mail.outbox if m.to == ["amina@example.be"]]
    link = re.search(r"http\S+/payments/vouchers/redeem/\?code=\S+", message.body).group(0)

    # The employee signs up from the link, shares results, lands in the course.
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    employee = context.new_page()
    employee.set_default_timeout(10_000)
    employee.goto(link)
    employee.locator("#main").get_by_role("link", name="Create an account").click()
    employee.get_by_label("Given name(s), as on your identity card").fill("Amina")
    employee.get_by_label("Family name, as on your identity card").fill("El Idrissi")
    employee.get_by_label("Email").fill("amina@example.be")
    employee.get_by_label("Username").fill("amina")
    employee.locator("#id_password1").fill(PASSWORD)
    employee.locator("#id_password2").fill(PASSWORD)
    employee.get_by_label("I accept the terms of use and the privacy notice.").check()
    employee.get_by_role("button", name="Sign Up").click()
    employee.get_by_label(
        f"I let {organisation.name} see my progress and exam result in this course."
    ).check()
    employee.get_by_role("button", name="Use this code and enrol").click()
    employee.get_by_text("Your code was accepted").wait_for()
    _check(employee)
    amina = User.objects.get(username="amina")
    enrolment = Enrolment.objects.get(learner=amina, course_key=tree.course.translation_key)

    # The seat settled the exam fee: she sits the exam and passes.
    attempt = _sit_the_exam(employee, tree, enrolment)
    assert attempt.passed
    _check(employee)
    context.close()

    # The employer sees her result, because she agreed.
    page.goto(f"/en/payments/organisations/{organisation.slug}/seats/")
    row = page.locator("tr", has_text="Amina")
    assert "Passed (100 %)" in row.inner_text()
    _check(page)


def test_a_learner_without_a_seat_pays_the_exam_fee_then_sits_the_exam(
    page, live_server, home_page, settings, tmp_path, localstripe_webhook
):
    settings.SITE_URL = live_server.url
    settings.MEDIA_ROOT = tmp_path / "media"
    tree = _priced_course(home_page)
    learner = UserFactory(preferred_language="en", first_name="Amina", last_name="El Idrissi")
    sign_in(page, learner, live_server)
    page.goto(tree.course.url)
    page.get_by_role("button", name="Enrol for free").click()
    page.wait_for_load_state()
    enrolment = Enrolment.objects.get(learner=learner)

    # The exam asks for its fee, and says lessons and practice stay free.
    page.goto(tree.exam_lesson.url)
    expect(page.get_by_text("This exam has a fee of €25.00 (VAT included).")).to_be_visible()
    assert page.get_by_role("button", name="Start the exam").count() == 0
    _check(page)
    page.get_by_role("link", name="Pay the exam fee").click()
    _check(page)
    _billing(page)
    expect(page.get_by_text("€25.00").first).to_be_visible()
    _pay_with_test_card(page, "€25.00")
    assert Invoice.objects.filter(order__buyer=learner).count() == 1

    page.get_by_role("link", name="Back to the course: the exam is open to you").click()
    attempt = _sit_the_exam(page, tree, enrolment)
    assert attempt.passed
