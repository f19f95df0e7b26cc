"""New passwords (issue 19): at least 12 characters, not a common one, and
Django's validator messages in the person's language."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

TOO_SHORT = {
    "nl": "Dit wachtwoord is te kort. Het moet minstens 12 tekens bevatten.",
    "fr": "Ce mot de passe est trop court. Il doit contenir au minimum 12 caractères.",
    "de": "Dieses Passwort ist zu kurz. Es muss mindestens 12 Zeichen enthalten.",
    "en": "This password is too short. It must contain at least 12 characters.",
}


def messages_for(password: str, language: str, user=None) -> list[str]:
    with translation.override(language):
        try:
            validate_password(password, user)
        except ValidationError as error:
            return error.messages
    return []


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_eleven_characters_are_refused_in_the_persons_language(language):
    assert messages_for("Xq7!vR2#mLp", language) == [TOO_SHORT[language]]


def test_twelve_uncommon_characters_are_accepted():
    assert messages_for("Xq7!vR2#mLp9", "nl") == []


def test_the_issues_eight_character_example_is_refused():
    assert TOO_SHORT["en"] in messages_for("Summer2026", "en")


@pytest.mark.parametrize(
    "language,common",
    [("nl", "te algemeen"), ("fr", "trop courant"), ("de", "zu üblich"), ("en", "too common")],
)
def test_a_common_password_of_twelve_characters_is_refused_without_network(language, common):
    # On Django's bundled list of 20,000 leaked passwords (read from disk).
    found = messages_for("qwertyuiop123", language)

    assert any(common in message for message in found), found


@pytest.mark.django_db
def test_dutch_sign_up_shows_the_length_rule_in_dutch(client):
    with translation.override("nl"):
        url = reverse("account_signup")
    response = client.post(
        url,
        {
            "email": "an.peeters@example.be",
            "username": "anpeeters",
            "first_name": "An",
            "last_name": "Peeters",
            "password1": "Zomer2026!",
            "password2": "Zomer2026!",
        },
    )

    assert response.status_code == 200
    assert TOO_SHORT["nl"] in response.content.decode()
