"""Every login path is allauth's (issue 19): the Wagtail admin's, the Django
admin's and Wagtail's page-privacy login are throttled per account and per
client, and ask for the second factor, like allauth's own sign-in page."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
THROTTLED = "Too many failed login attempts"
# (path, where a successful sign-in goes when no `next` is given)
LOGIN_PATHS = [
    ("/cms/login/", "/cms/"),
    ("/django-admin/login/", "/django-admin/"),
    ("/en/_util/login/", "/"),
]


@pytest.fixture(autouse=True)
def _clean_cache():
    # Each path is tested on its own: no counts left from another test.
    cache.clear()
    yield
    cache.clear()


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("path,home", LOGIN_PATHS)
def test_opening_a_login_path_leads_to_allauths_sign_in_with_next(client, path, home):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")
    assert client.get(f"{path}?next=/en/learning/")["Location"].endswith(
        "?next=%2Fen%2Flearning%2F"
    )


@pytest.mark.parametrize("path,home", LOGIN_PATHS)
def test_the_right_password_on_a_login_path_signs_in(client, path, home):
    person = UserFactory(is_staff=True, is_superuser=True)

    response = client.post(path, {"username": person.username, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == home
    assert signed_in(client)


@pytest.mark.parametrize("path,home", LOGIN_PATHS)
def test_twenty_guesses_for_one_account_are_throttled_then_even_the_right_password(
    client, path, home
):
    person = UserFactory(is_staff=True, is_superuser=True)
    statuses, throttled_at = [], None

    for guess in range(20):
        response = client.post(path, {"username": person.username, "password": f"guess{guess}"})
        statuses.append(response.status_code)
        if throttled_at is None and THROTTLED in response.content.decode():
            throttled_at = guess
    right = client.post(path, {"username": person.username, "password": PASSWORD})

    assert all(400 <= s < 500 or s == 200 for s in statuses), statuses
    assert throttled_at is not None and throttled_at <= 5  # 5 failures per account
    assert right.status_code < 500 and THROTTLED in right.content.decode()
    assert not signed_in(client)


@pytest.mark.parametrize("path,home", LOGIN_PATHS)
def test_twenty_guesses_over_many_accounts_from_one_client_are_throttled(client, path, home):
    people = [UserFactory() for _ in range(20)]
    throttled = []

    for person in people:
        response = client.post(path, {"username": person.username, "password": "wrong-guess"})
        assert response.status_code < 500
        throttled.append(THROTTLED in response.content.decode())
    last = people[-1]
    right = client.post(path, {"username": last.username, "password": PASSWORD})

    assert throttled.index(True) <= 10  # 10 failures a minute per client
    assert not signed_in(client)
    assert right.status_code < 500


@pytest.mark.parametrize("path,home", LOGIN_PATHS)
def test_a_login_path_asks_for_the_second_factor(client, path, home):
    person = UserFactory(is_staff=True)
    TOTP.activate(person, generate_totp_secret())

    response = client.post(path, {"username": person.username, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert not signed_in(client)


def test_a_login_path_refuses_other_methods(client):
    assert client.put("/cms/login/").status_code == 405


def test_wagtails_own_password_reset_is_closed_allauths_is_the_one(client):
    # (A 404 under /cms/ is sent to the language's address, which is not found either.)
    assert client.get("/cms/password_reset/", follow=True).status_code == 404
    posted = client.post("/cms/password_reset/", {"email": "someone@example.org"}, follow=True)
    assert posted.status_code == 404
    assert not mail.outbox
    assert client.get("/en/accounts/password/reset/").status_code == 200
