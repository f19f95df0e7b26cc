"""Signing in, up and out keeps the language of the address, whatever the
browser asks for; with no language in the address, the account's is used."""

import pytest
from django.test import RequestFactory

from lms.adapters import AccountAdapter
from lms.legal import PRIVACY, TERMS
from lms.models import User
from lms.services import legal_accept
from lms.tests.factories import UserFactory, signup_data

pytestmark = pytest.mark.django_db

FRENCH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "fr-BE,fr;q=0.9"}


@pytest.fixture
def person(db):
    user = UserFactory(username="jonas", preferred_language="nl")
    legal_accept(user=user, documents=(TERMS, PRIVACY))
    return user


def test_signing_in_on_german_pages_with_a_french_browser_stays_german(client, home_page, person):
    response = client.post(
        "/de/accounts/login/",
        {"login": "jonas", "password": "correct-horse-battery"},
        **FRENCH_BROWSER,
    )
    assert response.status_code == 302
    assert response["Location"] == "/de/"
    page = client.get(response["Location"], **FRENCH_BROWSER)
    assert '<html lang="de">' in page.content.decode()


def test_signing_in_keeps_the_page_asked_for(client, home_page, person):
    response = client.post(
        "/de/accounts/login/?next=/de/learning/",
        {"login": "jonas", "password": "correct-horse-battery"},
        **FRENCH_BROWSER,
    )
    assert response["Location"] == "/de/learning/"


def test_signing_up_on_german_pages_with_a_french_browser_stays_german(client, home_page):
    response = client.post(
        "/de/accounts/signup/",
        signup_data(),
        **FRENCH_BROWSER,
    )
    assert response.status_code == 302
    assert response["Location"] == "/de/"
    assert User.objects.get(username="lena").preferred_language == "de"


def test_signing_out_on_german_pages_with_a_french_browser_stays_german(client, home_page, person):
    client.force_login(person)
    response = client.post("/de/accounts/logout/", **FRENCH_BROWSER)
    assert response.status_code == 302
    assert response["Location"] == "/de/"
    assert "_auth_user_id" not in client.session


def test_with_no_language_in_the_address_the_account_language_is_used(person):
    # For example the return from an identity provider at a fixed address.
    request = RequestFactory().get("/accounts/oidc/itsme/login/callback/", **FRENCH_BROWSER)
    request.user = person
    request.session = {}
    assert AccountAdapter(request).get_login_redirect_url(request) == "/nl/"


def test_with_no_language_anywhere_the_active_one_is_used(person):
    from django.utils import translation

    person.preferred_language = "xx"
    request = RequestFactory().get("/accounts/oidc/itsme/login/callback/")
    request.user = person
    request.session = {}
    with translation.override("fr"):
        assert AccountAdapter(request).get_login_redirect_url(request) == "/fr/"
