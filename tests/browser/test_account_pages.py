"""A learner on a 360 px phone: My account reads what others did in words and
links the pages people look for; My certificates copies the share link, makes
the PDF again and gives a new verification code. Axe clean, no sideways
scrolling."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from audit.models import AuditEntry
from certificates.models import Certificate
from certificates.tests.conftest import make_catalog, make_course
from certificates.tests.helpers import issue_after_exam
from lms.tests.factories import UserFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_my_account_reads_in_words_and_fits_a_phone(page, live_server, home_page, language):
    learner = UserFactory(
        first_name="Lotte", last_name="Peeters", preferred_language=language, email="l@example.be"
    )
    helper = UserFactory(display_name="Ilse Vandenberghe-Maertens")
    for action in ("certificates.issue", "payments.order_paid", "partners.outcome_record"):
        AuditEntry.objects.create(
            action=action, actor=helper, subject_user=learner, target_type="lms.user"
        )
    sign_in(page, learner, live_server)

    page.goto(f"/{language}/me/")
    journal = page.locator("#others-journal")
    assert journal.locator("li").count() == 3
    text = journal.inner_text()
    assert "certificates.issue" not in text and "payments." not in text and "partners." not in text
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # The links people look for, reached by keyboard.
    links = page.locator("#account-links a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    for name in ("account_change_password", "account_email", "lms:my_data", "lms:account_delete"):
        with_language = reverse(name).replace("/en/", f"/{language}/", 1)
        assert with_language in hrefs or reverse(name) in hrefs, name
    page.locator("#account-links a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/password/change/**")
    assert_no_horizontal_scroll(page)


def test_copy_the_link_make_the_pdf_again_and_get_a_new_code(
    page, live_server, home_page, settings, tmp_path
):
    settings.SITE_URL = live_server.url
    settings.MEDIA_ROOT = tmp_path / "media"
    course = make_course(make_catalog(home_page), "security", validity=24)
    learner = UserFactory(first_name="Lotte", last_name="Peeters", preferred_language="en")
    certificate = issue_after_exam(user=learner, course=course)
    old_code = certificate.display_code
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    sign_in(page, learner, live_server)

    page.goto("/en/me/certificates/")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    share = page.get_by_label("Share link").input_value()
    assert share == f"{live_server.url}/verify/?code={old_code}"
    page.get_by_role("button", name="Copy link").click()
    page.get_by_role("status").filter(has_text="Link copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == share

    page.get_by_role("button", name="Make the PDF again").click()
    page.get_by_text("Your PDF has been made again.").wait_for()
    assert set(Certificate.objects.get(pk=certificate.pk).pdf_files) == {"en"}

    page.get_by_role("button", name="Replace the code").click()
    page.get_by_text("Your certificate has a new verification code").wait_for()
    new_code = Certificate.objects.get(pk=certificate.pk).display_code
    assert new_code != old_code
    assert page.get_by_label("Share link").input_value().endswith(f"?code={new_code}")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # The employer with the old link learns nothing; the new link verifies.
    page.context.clear_cookies()
    page.goto(share)
    assert page.locator("#verdict-title").get_attribute("data-status") == "unknown"
    page.goto(f"/verify/?code={new_code}")
    assert page.locator("#verdict-title").get_attribute("data-status") == "valid"


def test_without_javascript_the_share_link_stays_and_no_dead_button_shows(
    browser, live_server, home_page, settings
):
    settings.SITE_URL = live_server.url
    course = make_course(make_catalog(home_page), "security")
    learner = UserFactory(first_name="Lotte", last_name="Peeters", preferred_language="en")
    issue_after_exam(user=learner, course=course)
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=live_server.url, java_script_enabled=False
    )
    try:
        tab = context.new_page()
        sign_in(tab, learner, live_server)
        tab.goto("/en/me/certificates/")
        expect(tab.get_by_label("Share link")).to_be_visible()
        expect(tab.get_by_role("button", name="Copy link")).not_to_be_visible()
        expect(tab.get_by_role("button", name="Replace the code")).to_be_visible()
    finally:
        context.close()
