"""A staff member is made to add a passkey before the Wagtail admin opens
(issue 19), with Chromium's virtual authenticator standing in for the phone or
security key; then signs in again with the passkey alone."""

from urllib.parse import urlparse

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def on_admin_home(url: str) -> bool:
    return urlparse(url).path == "/cms/"


@pytest.fixture
def editor(settings):
    settings.MFA_REQUIRED = True
    user = UserFactory(username="mfa-editor", preferred_language="en")
    role_grant(user=user, role=Role.EDITOR, granted_by=None)
    return user


def virtual_authenticator(page) -> None:
    """A platform authenticator (like a laptop's fingerprint reader) that holds
    passkeys and always verifies its user."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )


def test_staff_must_add_a_passkey_before_the_admin_opens(page, editor):
    virtual_authenticator(page)

    page.goto("/cms/login/")
    page.fill("input[name=login]", editor.username)
    page.fill("input[name=password]", "correct-horse-battery")
    page.press("input[name=password]", "Enter")

    # Stopped on the way to /cms/, with the reason.
    page.wait_for_url("**/accounts/2fa/?next=%2Fcms%2F")
    expect(page.get_by_text("your account needs a second factor")).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.goto("/cms/")
    page.wait_for_url("**/accounts/2fa/**")

    # allauth asks for the password again before a factor is added.
    page.goto("/en/accounts/2fa/webauthn/add/")
    page.wait_for_url("**/accounts/reauthenticate/**")
    assert_accessible(page)
    page.fill("input[name=password]", "correct-horse-battery")
    page.press("input[name=password]", "Enter")
    page.wait_for_url("**/2fa/webauthn/add/")
    assert_accessible(page)
    page.fill("input[name=name]", "Laptop")
    passwordless = page.locator("input[name=passwordless]")
    if passwordless.count():
        passwordless.check()
    with page.expect_navigation():
        page.click("#mfa_webauthn_add")
    assert Authenticator.objects.filter(user=editor, type="webauthn").count() == 1
    # The first factor comes with recovery codes to keep.
    page.wait_for_url("**/2fa/recovery-codes/")
    assert_accessible(page)
    # The authenticator-app page (its QR code) is as accessible.
    page.goto("/en/accounts/2fa/totp/activate/")
    page.wait_for_url("**/2fa/totp/activate/")
    assert_accessible(page)

    page.goto("/cms/")
    page.wait_for_url(on_admin_home)
    assert "Dashboard" in page.title()

    # Next time: password, then the passkey as second factor.
    page.context.clear_cookies()
    page.goto("/cms/login/")
    assert_accessible(page)
    page.fill("input[name=login]", editor.username)
    page.fill("input[name=password]", "correct-horse-battery")
    page.press("input[name=password]", "Enter")
    page.wait_for_url("**/2fa/authenticate/")
    assert_accessible(page)
    page.click("#mfa_webauthn_authenticate")
    page.wait_for_url(on_admin_home)
    assert "Dashboard" in page.title()

    # Or the passkey alone ("Sign in with a passkey").
    page.context.clear_cookies()
    page.goto("/en/accounts/login/?next=/cms/")
    page.click("#passkey_login")
    page.wait_for_url(on_admin_home)
    assert "Dashboard" in page.title()
