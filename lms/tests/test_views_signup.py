"""Sign-up asks for the legal name (given and family name, as on the identity
card) and refuses a missing or malformed one, creating nothing."""

import html

import pytest

from lms.models import User

pytestmark = pytest.mark.django_db

SIGNUP = "/en/accounts/signup/"


def _form(**changes) -> dict:
    data = {
        "given_name": "Marc",
        "family_name": "Dupont",
        "display_name": "",
        "email": "marc@example.be",
        "username": "marc",
        "password1": "a-long-and-unusual-passphrase",
        "password2": "a-long-and-unusual-passphrase",
        "accept_terms": "on",
    }
    data.update(changes)
    return data


def test_the_sign_up_page_asks_for_the_name_as_on_the_identity_card(client, home_page):
    page = client.get(SIGNUP).content.decode()
    assert "Given name(s), as on your identity card" in page
    assert "Family name, as on your identity card" in page
    assert page.index('name="given_name"') < page.index('name="username"')


def test_a_person_signs_up_with_their_legal_name(client, home_page):
    response = client.post(SIGNUP, _form(given_name="  Marc  Antoine ", family_name="Dupont"))
    assert response.status_code == 302
    user = User.objects.get(username="marc")
    assert (user.first_name, user.last_name) == ("Marc Antoine", "Dupont")
    assert user.legal_name == "Marc Antoine Dupont"
    assert user.legal_name_source == User.LegalNameSource.SELF
    # Greeted by the first given name unless they chose another.
    assert user.display_name == "Marc"


def test_the_greeting_name_is_the_one_chosen(client, home_page):
    client.post(SIGNUP, _form(display_name="Marco"))
    assert User.objects.get(username="marc").display_name == "Marco"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"given_name": ""}, "This field is required."),
        ({"family_name": ""}, "This field is required."),
        ({"given_name": "    "}, "Give the name as on your identity card."),
        ({"family_name": "\u00a0 "}, "Give the name as on your identity card."),
        ({"given_name": "Mar\x07c"}, "invisible or control character"),
        ({"family_name": "Du\u200bpont"}, "invisible or control character"),
        ({"family_name": "Dupont\u202e"}, "invisible or control character"),
        ({"given_name": "Marc3"}, "A name cannot contain digits."),
        ({"family_name": "<script>"}, "A name holds letters, spaces"),
    ],
)
def test_a_missing_or_malformed_name_is_refused_and_no_account_made(
    client, home_page, changes, message
):
    data = _form(**changes)
    if not data["given_name"]:
        del data["given_name"]
    response = client.post(SIGNUP, data)
    assert response.status_code == 200
    assert message in html.unescape(response.content.decode())
    assert not User.objects.filter(username="marc").exists()
    assert not User.objects.filter(email="marc@example.be").exists()


def test_the_refusal_is_in_the_language_of_the_page(client, home_page):
    response = client.post("/fr/accounts/signup/", _form(given_name="   "))
    page = html.unescape(response.content.decode())
    assert "Indiquez le nom comme sur votre carte d'identité." in page
    assert not User.objects.filter(username="marc").exists()
