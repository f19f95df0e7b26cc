"""Sign-up does not tell whether an e-mail address already has an account: a
taken address and a free one get the same answer; the owner of the taken one
is told by e-mail (allauth's enumeration prevention, with mandatory e-mail
verification as in production)."""

import pytest
from django.core import mail
from django.core.cache import cache

from lms.models import User
from lms.tests.factories import UserFactory, signup_data

pytestmark = pytest.mark.django_db

SIGNUP = "/en/accounts/signup/"


@pytest.fixture(autouse=True)
def production_verification(settings):
    # allauth sends one verification e-mail per address every few minutes
    # (counted in the shared cache): start each test clean.
    cache.clear()
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    settings.ACCOUNT_PREVENT_ENUMERATION = True


def _sign_up(client, *, email: str, username: str):
    data = signup_data(given_name="Marc", family_name="Dupont", email=email, username=username)
    return client.post(SIGNUP, data, follow=True)


def _visible(response, email: str) -> str:
    # The page without what differs per request (CSRF token, CSP nonce) and
    # the address the person typed.
    import re

    text = response.content.decode().replace(email, "<address>")
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    return re.sub(r'nonce="[^"]+"', "", text)


def test_a_taken_and_a_free_address_get_the_same_answer(client, home_page):
    UserFactory(email="taken@example.be", username="someone")
    taken = _sign_up(client, email="taken@example.be", username="marc1")
    client.logout()
    free = _sign_up(client, email="free@example.be", username="marc2")

    assert taken.status_code == free.status_code == 200
    assert [url for url, _ in taken.redirect_chain] == [url for url, _ in free.redirect_chain]
    assert _visible(taken, "taken@example.be") == _visible(free, "free@example.be")
    assert "already" not in taken.content.decode().lower()
    # No second account for the taken address; the free one waits for its e-mail.
    assert User.objects.filter(email__iexact="taken@example.be").count() == 1
    assert not User.objects.filter(username="marc1").exists()
    assert User.objects.filter(username="marc2").exists()


def test_the_owner_of_a_taken_address_is_told_by_e_mail(client, home_page):
    UserFactory(email="taken@example.be", username="someone")
    _sign_up(client, email="taken@example.be", username="marc1")
    assert [m.to for m in mail.outbox] == [["taken@example.be"]]
    assert "already" in (mail.outbox[0].subject + mail.outbox[0].body).lower()
