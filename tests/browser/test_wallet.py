"""A holder adds a certificate to a wallet from My certificates: the wallet
page's QR code carries the exchange link a wallet fetches; the Achievement page
the credential names reads well for people. On a phone, axe clean."""

import io
import json

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from certificates.tests.conftest import make_catalog, make_course
from certificates.tests.helpers import issue_after_exam
from lms.tests.factories import UserFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_add_to_wallet_by_qr_code_and_read_the_achievement(page, live_server, home_page, settings):
    settings.SITE_URL = live_server.url
    course = make_course(make_catalog(home_page), "security", validity=24)
    learner = UserFactory(first_name="Lotte", last_name="Peeters", preferred_language="en")
    certificate = issue_after_exam(user=learner, course=course)
    sign_in(page, learner, live_server)

    page.goto("/en/me/certificates/")
    expect(page.get_by_role("heading", name="Add to a digital wallet")).to_be_visible()
    page.get_by_role("link", name="Add with a QR code or link").click()
    page.get_by_role("heading", name="Add to a digital wallet", level=1).wait_for()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    qr = page.get_by_role("img", name="QR code of the link for your wallet")
    image = Image.open(io.BytesIO(qr.screenshot()))
    (code,) = [b.text for b in zxingcpp.read_barcodes(image)]
    assert code == page.locator("#exchange-url").input_value()
    assert code.startswith(f"{live_server.url}/certificates/wallet/")
    assert (
        page.get_by_role("link", name="Open in the wallet app")
        .get_attribute("href")
        .startswith("dccrequest://request?request=")
    )

    # What a wallet does with the scanned link: fetch it, get the credential.
    fetched = page.request.get(code)
    assert fetched.ok
    credential = json.loads(fetched.text())
    assert "VerifiableCredential" in credential["type"]
    assert credential["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"

    achievement_url = credential["credentialSubject"]["achievement"]["id"]
    page.set_extra_http_headers({"Accept-Language": "fr"})
    page.goto(achievement_url)
    expect(
        page.get_by_role("heading", name="Diplôme sécurité : en sécurité en ligne", level=1)
    ).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    assert certificate.public_id
