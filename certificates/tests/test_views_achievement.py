"""The Achievement page a credential names: a valid OB 3.0 Achievement in the
language asked, as JSON-LD for machines and a page for people."""

import pytest

from certificates.tests.ob3 import achievement_errors, jwt_parts

pytestmark = pytest.mark.django_db


def _url(certificate) -> str:
    return jwt_parts(certificate.credential_jwt)[1]["credentialSubject"]["achievement"]["id"]


def _json(client, url, **headers):
    response = client.get(url, HTTP_ACCEPT="application/ld+json", **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    return response.json()


def test_the_url_the_credential_names_serves_the_achievement(client, certificate):
    url = _url(certificate)
    assert url == (
        f"http://testserver/certificates/achievements/{certificate.course_key}"
        f"/v{certificate.content_version}"
    )
    document = _json(client, url)
    assert document["id"] == url
    assert document["type"] == ["Achievement"]


def test_the_achievement_is_valid_against_the_1edtech_schema(client, certificate):
    document = _json(client, _url(certificate) + "?lang=de")
    assert achievement_errors(document) == []
    assert document["@context"][0] == "https://www.w3.org/ns/credentials/v2"


def test_the_schema_check_of_the_achievement_can_fail(client, certificate):
    document = _json(client, _url(certificate))
    document["name"] = {"en": document["name"]}
    document["alignment"] = [{"targetCode": "4.1", "targetFramework": "DigComp 2.2"}]
    errors = achievement_errors(document)
    assert any(error.startswith("name") for error in errors)
    assert any(error.startswith("alignment/0") for error in errors)


@pytest.mark.parametrize(
    ("query", "headers", "language", "name"),
    [
        ("?lang=fr", {}, "fr", "Diplôme sécurité : en sécurité en ligne"),
        ("", {"HTTP_ACCEPT_LANGUAGE": "de-BE,de;q=0.9"}, "de", "Sicherheitsdiplom: sicher online"),
        ("?lang=nl", {"HTTP_ACCEPT_LANGUAGE": "fr"}, "nl", "Veiligheidsdiploma: veilig online"),
        ("?lang=xx", {}, "en", "Security diploma: safe online"),
    ],
)
def test_the_achievement_speaks_the_language_asked(
    client, certificate, query, headers, language, name
):
    document = _json(client, _url(certificate) + query, **headers)
    assert document["name"] == name
    assert document["inLanguage"] == language
    # Strings, never dicts of languages.
    assert isinstance(document["description"], str)
    assert isinstance(document["criteria"]["narrative"], str)
    assert all(isinstance(a["targetName"], str) for a in document["alignment"])
    # The id stays the URL the credential names, whatever the query string.
    assert document["id"] == _url(certificate)


def test_the_alignments_are_the_digcomp_competences(client, certificate):
    document = _json(client, _url(certificate))
    assert [a["targetCode"] for a in document["alignment"]] == ["4.1", "4.2"]
    for alignment in document["alignment"]:
        assert alignment["type"] == ["Alignment"]
        assert alignment["targetFramework"] == "DigComp 2.2"
        assert alignment["targetUrl"].startswith("https://")


def test_plain_json_is_served_too(client, certificate):
    response = client.get(_url(certificate), HTTP_ACCEPT="application/json")
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Accept" in response["Vary"] and "Accept-Language" in response["Vary"]


def test_people_get_a_page_in_their_language(client, certificate):
    response = client.get(_url(certificate), HTTP_ACCEPT="text/html,*/*", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert response["Content-Language"] == "fr"
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert "<h1" in page and "Diplôme sécurité : en sécurité en ligne" in page
    assert "4.1" in page


def test_an_unknown_achievement_is_404(client, certificate):
    url = f"/certificates/achievements/{certificate.course_key}/v{certificate.content_version + 1}"
    # (LocaleMiddleware first redirects an unknown language-free path to /en/.)
    assert client.get(url, HTTP_ACCEPT="application/json", follow=True).status_code == 404
    assert client.get(url, follow=True).status_code == 404
    assert client.get("/certificates/achievements/not-a-uuid/v1", follow=True).status_code == 404
