"""Someone with a French browser signs up on the German pages: the terms and
privacy notice are linked and must be accepted, the versions are recorded, and
they land on a German page. The legal pages, My account and the error pages
pass axe on a 360 px phone."""

import pytest
from playwright.sync_api import expect

from lms.legal import PRIVACY, TERMS
from lms.models import LegalAcceptance, User
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # The project's addresses plus pages that fail on purpose (500, 403, 400).
    pytest.mark.urls("frontend.tests.urls_errors"),
]


@pytest.fixture
def french_page(browser, live_server):
    """A phone whose browser asks for French."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=live_server.url, locale="fr-BE"
    )
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    tab.goto("about:blank")
    context.close()


def test_signing_up_in_german_with_a_french_browser(french_page, home_page):
    page = french_page
    page.goto("/de/accounts/signup/")
    assert page.locator("html").get_attribute("lang") == "de"
    consent = page.get_by_label(
        "Ich nehme die Nutzungsbedingungen und die Datenschutzerklärung an."
    )
    assert not consent.is_checked()
    expect(page.locator('a[href="/de/privacy/"]').first).to_be_visible()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    page.locator("#id_given_name").fill("Lena")
    page.locator("#id_family_name").fill("Schmitz")
    page.locator("#id_email").fill("lena@example.be")
    page.locator("#id_username").fill("lena")
    page.locator("#id_password1").fill("a-long-and-unusual-passphrase")
    page.locator("#id_password2").fill("a-long-and-unusual-passphrase")
    consent.check()
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/de/")
    assert page.locator("html").get_attribute("lang") == "de"

    user = User.objects.get(username="lena")
    assert user.preferred_language == "de"
    assert set(LegalAcceptance.objects.filter(user=user).values_list("document", "version")) == {
        ("terms", TERMS.version),
        ("privacy", PRIVACY.version),
    }

    # My account links to everything about the account, readable on a phone.
    page.goto("/de/me/")
    links = page.locator("#account-links")
    expect(links.get_by_role("link", name="Passwort ändern")).to_be_visible()
    assert links.get_by_role("link", name="Bestätigung in zwei Schritten").count() == 1
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # Signing out (in the menu, on a phone) keeps German too.
    page.locator(".site-menu__toggle").click()
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_url("**/de/")


def test_the_legal_and_error_pages_are_accessible_on_a_phone(page, home_page):
    for path in ("/de/privacy/", "/fr/terms/", "/nl/legal-notice/", "/en/cookies/"):
        assert page.goto(path).status == 200
        assert_no_horizontal_scroll(page)
        assert_accessible(page)
    errors = [
        ("/nl/no-such-page/", 404),
        ("/fr/test-errors/403/", 403),
        ("/de/test-errors/500/", 500),
    ]
    for path, status in errors:
        assert page.goto(path).status == status
        assert page.locator("html").get_attribute("lang") == path[1:3]
        assert_no_horizontal_scroll(page)
        assert_accessible(page)
