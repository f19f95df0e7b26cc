"""The ways in without an e-mail address are linked where people look for a
way in: the home page and the sign-in page, for visitors only."""

import pytest
from django.urls import reverse
from django.utils import translation

from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WORDS = {
    "nl": "Log in met je klas",
    "fr": "Connecte-toi avec ta classe",
    "de": "Melde dich mit deiner Klasse an",
    "en": "Sign in with your class",
}


def links(language: str) -> tuple[str, str]:
    with translation.override(language):
        return reverse("lms:class_login"), reverse("lms:card_signin")


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_the_home_page_links_the_class_and_card_sign_in(client, home_page, language):
    page = client.get(f"/{language}/").content.decode()

    class_login, card_signin = links(language)
    assert f'href="{class_login}"' in page
    assert f'href="{card_signin}"' in page
    assert WORDS[language] in page


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_the_sign_in_page_links_the_class_and_card_sign_in(client, language):
    with translation.override(language):
        page = client.get(reverse("account_login")).content.decode()

    class_login, card_signin = links(language)
    assert f'href="{class_login}"' in page and f'href="{card_signin}"' in page
    assert WORDS[language] in page


def test_a_signed_in_person_is_not_offered_other_ways_in(client, home_page):
    client.force_login(UserFactory())

    page = client.get("/en/").content.decode()

    class_login, _card = links("en")
    assert f'href="{class_login}"' not in page
    assert WORDS["en"] not in page
