"""A person signs in through a local OpenID Connect provider as they would with
itsme, starting from the German site: back on the German site, signed in, with
the name itsme confirmed; their certificate's verification page then says
"identity verified". The pages we add are axe clean on a phone."""

import re

import pytest
from playwright.sync_api import expect

from lms.models import User
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.oidc.conftest import MARIE, provider_running, use_provider

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_sign_in_with_itsme_in_german_and_the_certificate_says_identity_verified(
    page, live_server, home_page, settings, tmp_path
):
    from certificates.tests.conftest import make_catalog, make_course
    from certificates.tests.helpers import issue_after_exam

    settings.MEDIA_ROOT = tmp_path / "media"
    course = make_course(make_catalog(home_page), "basic")
    callback = f"{live_server.url}/accounts/oidc/itsme/login/callback/"
    # The provider's development pages import a web font: no network here.
    page.route(re.compile(r"https://fonts\.googleapis\.com/.*"), lambda route: route.abort())

    with provider_running(redirect_uris=[callback]) as provider:
        use_provider(settings, provider.app())
        page.goto("/de/accounts/login/")
        assert_no_horizontal_scroll(page)
        assert_accessible(page)
        page.get_by_role("heading", name="Oder melden Sie sich mit Ihrer belgischen").wait_for()
        page.get_by_role("button", name="Mit itsme anmelden").click()

        # At the identity service (oidc-provider's development sign-in).
        page.wait_for_url(re.compile(rf"^{re.escape(provider.base_url)}/interaction/"))
        page.locator("input[name=login]").fill("marie")
        page.locator("input[name=password]").fill("any")
        page.locator("button[type=submit]").click()
        page.get_by_role("button", name="Continue").click()

        page.wait_for_url(f"{live_server.url}/de/")
    assert page.locator("html").get_attribute("lang") == "de"
    person = User.objects.get(email=MARIE["email"])
    assert person.legal_name == "Marie-Claire Van den Broeck"
    assert person.identity_verified
    assert person.preferred_language == "de"

    certificate = issue_after_exam(user=person, course=course)
    page.goto(f"/de/verify/?code={certificate.display_code}")
    line = page.locator("[data-identity-verified=itsme]")
    assert re.fullmatch(r"Identität am .+ mit itsme überprüft", line.inner_text().strip())
    expect(page.get_by_text("Marie-Claire Van den Broeck").first).to_be_visible()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
