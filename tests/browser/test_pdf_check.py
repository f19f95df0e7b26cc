"""An employer drops a PDF with another name painted over the holder's: the page
says it is not a file Digiskills issued and shows, side by side, the dropped
file (drawn by the employer's own browser) and the certificate as issued (the
page image the server drew from its own PDF). On a phone, axe clean; without
JavaScript, the image and the fields still show."""

import pytest
from playwright.sync_api import expect

from certificates import services
from certificates.tests.conftest import make_catalog, make_course
from certificates.tests.helpers import issued_pdf
from certificates.tests.test_verification_pdf import painted
from lms.tests.factories import UserFactory, exam_attempt_record
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def forged(home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    course = make_course(make_catalog(home_page), "security", validity=24)
    learner = UserFactory(first_name="Lotte", last_name="Peeters", preferred_language="en")
    exam_attempt_record(user=learner, course=course)
    certificate = services.certificate_issue(user=learner, course=course)
    path = tmp_path / "certificate.pdf"
    path.write_bytes(painted(certificate, "en"))
    return certificate, path


def _drop(page, path) -> None:
    page.goto("/en/verify/pdf/")
    page.get_by_label("Certificate PDF").set_input_files(str(path))
    page.get_by_role("button", name="Check the PDF").click()
    page.wait_for_selector("#verdict-title")


def test_a_painted_pdf_is_shown_beside_the_certificate_as_issued(page, forged):
    certificate, path = forged
    _drop(page, path)
    title = page.locator("#verdict-title")
    assert title.get_attribute("data-status") == "not_issued"
    assert title.inner_text() == "This is not a file Digiskills issued"
    # The focus moves to the verdict, for keyboard and screen reader users.
    assert page.evaluate("document.activeElement.id") == "verdict-title"
    # The dropped file, shown by the browser from memory (an object URL) ...
    frame = page.locator("iframe[data-uploaded-frame]")
    frame.wait_for()
    assert frame.get_attribute("src").startswith("blob:")
    assert frame.get_attribute("title") == "The file you uploaded, shown by your browser"
    # ... beside the page image the server drew from its own PDF, loaded.
    image = page.locator("img[data-as-issued-image]")
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => document.querySelector('img[data-as-issued-image]').naturalWidth > 0"
    )
    assert "Awarded to: Lotte Peeters" in image.get_attribute("alt")
    fields = page.locator("[data-as-issued-fields]")
    assert "Lotte Peeters" in fields.inner_text()
    assert page.get_by_text("Jan Janssens").count() == 0
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_the_file_as_issued_is_valid_and_needs_no_comparison(page, forged, tmp_path):
    certificate, _path = forged
    original = tmp_path / "original.pdf"
    original.write_bytes(issued_pdf(certificate, "en"))
    _drop(page, original)
    assert page.locator("#verdict-title").get_attribute("data-status") == "valid"
    assert page.locator("iframe[data-uploaded-frame]").count() == 0
    assert_accessible(page)


def test_without_javascript_the_certificate_as_issued_still_shows(browser, live_server, forged):
    _certificate, path = forged
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    try:
        _drop(page, path)
        assert page.locator("#verdict-title").get_attribute("data-status") == "not_issued"
        assert page.locator("iframe[data-uploaded-frame]").count() == 0
        expect(page.locator("img[data-as-issued-image]")).to_be_visible()
        assert "Lotte Peeters" in page.locator("[data-as-issued-fields]").inner_text()
    finally:
        context.close()
