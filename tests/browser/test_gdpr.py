"""A learner downloads their data (printable summary and JSON), then deletes
their account with the keyboard; the employer's page then says the
certificate was revoked, erased at the holder's request. On a phone, axe clean."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from certificates.tests.conftest import make_catalog, make_course
from certificates.tests.helpers import issue_after_exam
from lms.models import User
from lms.tests.factories import UserFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_download_my_data_then_delete_my_account(page, live_server, home_page, settings, tmp_path):
    settings.SITE_URL = live_server.url
    settings.MEDIA_ROOT = tmp_path / "media"
    course = make_course(make_catalog(home_page), "security", validity=24)
    learner = UserFactory(
        first_name="Lotte", last_name="Peeters", email="lotte@example.be", preferred_language="en"
    )
    certificate = issue_after_exam(user=learner, course=course)

    sign_in(page, learner, live_server)
    page.goto("/en/me/data/")
    page.get_by_role("heading", name="Download my data").wait_for()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    with page.expect_download() as summary:
        page.get_by_role("button", name="Download a readable summary (HTML, printable)").click()
    assert "Peeters" in Path(summary.value.path()).read_text(encoding="utf-8")
    with page.expect_download() as export:
        page.get_by_role("button", name="Download all my data as a file (JSON)").click()
    data = json.loads(Path(export.value.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == "lotte@example.be"
    assert data["certificates"]["certificates"][0]["code"] == certificate.display_code

    page.get_by_role("link", name="Delete my account and my data").click()
    page.get_by_role("heading", name="Delete my account").wait_for()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.get_by_label("Your password").fill("correct-horse-battery")
    page.get_by_label("Your password").press("Tab")
    page.keyboard.press("Space")  # tick "I understand"
    page.get_by_role("button", name="Delete my account for good").click()
    page.get_by_role("heading", name="Your account is deleted").wait_for()
    assert_accessible(page)
    assert not User.objects.get(pk=learner.pk).is_active

    page.goto(f"/en/verify/?code={certificate.display_code}")
    assert page.locator("#verdict-title").inner_text() == "Revoked certificate"
    expect(page.get_by_text("Erased at the holder's request")).to_be_visible()
    assert "Peeters" not in page.content()
    assert_accessible(page)
