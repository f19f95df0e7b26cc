import pytest

from courses.content.home import HOME

pytestmark = pytest.mark.django_db


def test_the_root_address_follows_the_browser_language(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-BE,de;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/de/"


def test_choosing_a_language_leads_to_the_translated_page_and_is_remembered(client, home_page):
    page = client.get("/nl/").content.decode()
    assert 'value="fr"' in page
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/fr/"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/"
    assert client.cookies["django_language"].value == "fr"
    # Later, the bare address opens in the remembered language.
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="nl")["Location"] == "/fr/"
    assert HOME["fr"]["title"] in client.get("/fr/").content.decode()


def test_the_switcher_on_a_page_links_each_language_to_its_translation(client, home_page):
    html = client.get("/de/").content.decode()
    for code in ("nl", "fr", "en"):
        assert f'<input type="hidden" name="next" value="/{code}/">' in html
    assert 'aria-current="true" lang="de"' in html


def test_the_switcher_outside_wagtail_keeps_the_page(client, home_page):
    html = client.get("/nl/design-system/").content.decode()
    assert '<input type="hidden" name="next" value="/fr/design-system/">' in html


def test_interface_strings_are_translated(client, home_page):
    assert "Naar de inhoud" in client.get("/nl/").content.decode()
    assert "Aller au contenu" in client.get("/fr/").content.decode()
    assert "Zum Inhalt springen" in client.get("/de/").content.decode()
