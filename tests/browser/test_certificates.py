"""A learner finishes a course on the lesson page, gets the e-mail and opens the
certificate from its link; an employer follows the QR code and drops the PDF:
valid, on a phone, axe clean."""

import pypdfium2
import pytest
import zxingcpp
from django.core import mail
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from certificates.models import Certificate
from certificates.tests.conftest import make_catalog, make_course
from courses.models import LessonPage, ModulePage
from lms.services import enrolment_create
from lms.tests.factories import UserFactory, exam_attempt_record
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _qr_url(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=150 / 72).to_pil()
    finally:
        document.close()
    (code,) = [b.text for b in zxingcpp.read_barcodes(image)]
    return code


def test_finish_open_scan_verify_and_drop_the_pdf(page, live_server, home_page, settings, tmp_path):
    settings.SITE_URL = live_server.url
    settings.MEDIA_ROOT = tmp_path / "media"
    course = make_course(make_catalog(home_page), "security", validity=24)
    module = course.add_child(instance=ModulePage(title="Module 1", slug="module-1"))
    lesson = module.add_child(
        instance=LessonPage(
            title="Strong passwords",
            slug="strong-passwords",
            body=[("paragraph", RichText("<p>Use a password manager.</p>"))],
        )
    )
    learner = UserFactory(first_name="Lotte", last_name="Peeters", preferred_language="en")
    enrolment_create(learner=learner, course=course, source="self")
    # A certificate needs a passed final exam (its own browser test is in the
    # exam journey); here it is on record, and the last lesson completes.
    exam_attempt_record(user=learner, course=course)
    mail.outbox.clear()

    # The learner finishes the course's only lesson; the certificate and the
    # e-mail follow once the progress is committed.
    sign_in(page, learner, live_server)
    page.goto(lesson.url)
    page.get_by_role("button", name="Mark as done").click()
    page.get_by_text("Congratulations, you have completed this course!").wait_for()
    certificate = Certificate.objects.get(holder=learner)
    (message,) = mail.outbox
    assert message.attachments[0][2] == "application/pdf"
    link = next(line for line in message.body.splitlines() if "/me/certificates/" in line)
    assert link == f"{live_server.url}/en/me/certificates/"

    page.goto(link)
    expect(page.get_by_role("heading", name="Security diploma: safe online")).to_be_visible()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").first.click()
    pdf_path = tmp_path / "certificate.pdf"
    download.value.save_as(pdf_path)

    # The employer scans the QR code on the paper.
    url = _qr_url(pdf_path.read_bytes())
    assert url == f"{live_server.url}/verify/?code={certificate.display_code}"
    page.context.clear_cookies()
    page.goto(url)
    assert page.locator("#verdict-title").inner_text() == "Valid certificate"
    assert page.get_by_label("Verification code").input_value() == certificate.display_code
    expect(page.get_by_text("Lotte Peeters").first).to_be_visible()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # ... and drops the PDF to compare every field.
    page.get_by_role("link", name="Check a PDF file instead").click()
    page.get_by_label("Certificate PDF").set_input_files(str(pdf_path))
    page.get_by_role("button", name="Check the PDF").click()
    page.wait_for_selector("#verdict-title")
    assert page.locator("#verdict-title").inner_text() == "Valid certificate"
    assert page.locator("#verdict-title").get_attribute("data-status") == "valid"
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
