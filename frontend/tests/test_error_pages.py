"""400, 403, 404 and 500 in the site's look and the request's language, with a
way back, as a visitor sees them in production (DEBUG off)."""

import pytest
from django.test import Client, override_settings

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("frontend.tests.urls_errors"),
]

TITLES = {
    404: {
        "nl": "Pagina niet gevonden",
        "fr": "Page introuvable",
        "de": "Seite nicht gefunden",
        "en": "Page not found",
    },
    403: {
        "nl": "Je kunt deze pagina niet openen",
        "fr": "Vous ne pouvez pas ouvrir cette page",
        "de": "Sie können diese Seite nicht öffnen",
        "en": "You cannot open this page",
    },
    500: {
        "nl": "Er ging bij ons iets mis",
        "fr": "Un problème est survenu de notre côté",
        "de": "Bei uns ist etwas schiefgelaufen",
        "en": "Something went wrong on our side",
    },
    400: {
        "nl": "Het verzoek kon niet begrepen worden",
        "fr": "La demande n’a pas pu être comprise",
        "de": "Die Anfrage konnte nicht verstanden werden",
        "en": "The request could not be understood",
    },
}
LANGUAGES = ["nl", "fr", "de", "en"]


@pytest.fixture
def visitor():
    # A browser whose own language is none of the page's: the address decides.
    return Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="es")


def _page(response) -> str:
    return response.content.decode()


@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_is_in_the_site_design_and_language(visitor, home_page, language):
    response = visitor.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    page = _page(response)
    assert f'<html lang="{language}">' in page
    assert TITLES[404][language] in page
    assert 'class="site-header"' in page and 'class="site-footer"' in page
    assert f'href="/{language}/"' in page


@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_refused_page_is_in_the_site_design_and_language(visitor, home_page, language):
    response = visitor.get(f"/{language}/test-errors/403/")
    assert response.status_code == 403
    page = _page(response)
    assert f'<html lang="{language}">' in page
    assert TITLES[403][language] in page
    assert f'href="/{language}/accounts/login/"' in page


@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_server_error_is_in_the_site_language_without_the_database(
    visitor, home_page, language, settings, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = visitor.get(f"/{language}/test-errors/500/")
    assert response.status_code == 500
    page = _page(response)
    assert f'<html lang="{language}">' in page
    assert TITLES[500][language] in page
    assert f'href="/{language}/"' in page
    assert settings.LEGAL_OPERATOR["email"] in page
    assert "a bug, on purpose" not in page


@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_bad_request_is_in_the_site_language(visitor, home_page, language):
    response = visitor.get(f"/{language}/test-errors/400/")
    assert response.status_code == 400
    page = _page(response)
    assert f'<html lang="{language}">' in page
    assert TITLES[400][language] in page
    assert "on purpose" not in page


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("nl", "Dit formulier is verlopen"),
        ("fr", "Ce formulaire a expiré"),
        ("de", "Dieses Formular ist abgelaufen"),
        ("en", "This form has expired"),
    ],
)
def test_a_form_sent_without_its_token_explains_in_the_site_language(home_page, language, title):
    visitor = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = visitor.post(f"/{language}/accounts/login/", {"login": "x", "password": "y"})
    assert response.status_code == 403
    page = _page(response)
    assert f'<html lang="{language}">' in page
    assert title in page
