"""A certificate officer revokes a certificate with the keyboard, in two steps
(reason, then an explicit confirmation); the employer's page then says "revoked
on <date>" without the reason. On a phone, axe clean."""

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from certificates.models import Certificate
from certificates.tests.conftest import make_catalog, make_course
from certificates.tests.helpers import issue_after_exam
from lms.tests.factories import UserFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_revoke_in_two_steps_and_the_public_page_keeps_the_reason(
    page, live_server, home_page, settings, tmp_path
):
    settings.SITE_URL = live_server.url
    settings.MEDIA_ROOT = tmp_path / "media"
    course = make_course(make_catalog(home_page), "security", validity=24)
    learner = UserFactory(first_name="Lotte", last_name="Peeters", preferred_language="en")
    certificate = issue_after_exam(user=learner, course=course)
    officer = UserFactory(is_staff=True)
    officer.user_permissions.add(Permission.objects.get(codename="revoke_certificate"))

    sign_in(page, officer, live_server)
    page.goto(f"/en/certificates/{certificate.public_id}/revoke/")
    expect(page.get_by_text("Lotte Peeters")).to_be_visible()
    expect(page.get_by_text(certificate.display_code)).to_be_visible()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.get_by_label("Reason for revocation").fill("Exam taken by someone else")
    page.get_by_label("Reason for revocation").press("Tab")
    page.keyboard.press("Enter")  # Continue

    page.get_by_role("heading", name="Revoke this certificate?").wait_for()
    assert Certificate.objects.get(pk=certificate.pk).revoked_at is None
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.get_by_role("button", name="Revoke the certificate").click()  # box not ticked
    page.get_by_text("Tick the box to confirm the revocation.").first.wait_for()
    assert Certificate.objects.get(pk=certificate.pk).revoked_at is None
    assert_accessible(page)
    page.get_by_label("I confirm: revoke this certificate.").check()
    page.get_by_role("button", name="Revoke the certificate").click()
    page.get_by_text("The certificate has been revoked.").wait_for()
    assert Certificate.objects.get(pk=certificate.pk).revoked_at is not None

    page.context.clear_cookies()
    page.goto(f"/en/verify/?code={certificate.display_code}")
    assert page.locator("#verdict-title").inner_text() == "Revoked certificate"
    expect(page.get_by_text("Revoked on")).to_be_visible()
    assert "Exam taken by someone else" not in page.content()
    assert_accessible(page)
