"""Privacy notice, terms, legal notice and cookie statement in four languages;
sign-up needs the terms and privacy notice accepted and records the versions;
a new version is offered after sign-in without blocking anything."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from lms.legal import DOCUMENTS, PRIVACY, SESSION_PENDING_KEY, TERMS
from lms.models import LegalAcceptance, User
from lms.selectors import legal_documents_to_accept
from lms.services import legal_accept
from lms.tests.factories import LegalAcceptanceFactory, UserFactory, signup_data

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def _accept_all(user: User) -> None:
    legal_accept(user=user, documents=(TERMS, PRIVACY))


@pytest.mark.parametrize(
    ("language", "authority", "title"),
    [
        ("nl", "Gegevensbeschermingsautoriteit", "Privacyverklaring"),
        ("fr", "Autorité de protection des données", "Politique de confidentialité"),
        ("de", "Datenschutzbehörde", "Datenschutzerklärung"),
        ("en", "Data Protection Authority", "Privacy notice"),
    ],
)
def test_the_privacy_notice_is_in_the_language_of_the_address(
    client, home_page, settings, language, authority, title
):
    page = client.get(f"/{language}/privacy/").content.decode()
    assert f'<html lang="{language}">' in page
    assert f'<h1 id="legal-title">{title}</h1>' in page
    assert authority in page
    assert settings.LEGAL_OPERATOR["dpo_email"] in page
    assert PRIVACY.version in page


@pytest.mark.parametrize(
    "language, warned, erased",
    [
        ("nl", "Na 24 maanden", "4 maanden later"),
        ("fr", "Après 24 mois", "4 mois plus tard"),
        ("de", "Nach 24 Monaten", "4 Monate später"),
        ("en", "After 24 months", "4 months later"),
    ],
)
def test_the_privacy_notice_quotes_the_retention_schedule_applied(
    client, home_page, settings, language, warned, erased
):
    settings.GDPR_INACTIVE_WARN_MONTHS = 24
    settings.GDPR_INACTIVE_ERASE_MONTHS = 4
    page = client.get(f"/{language}/privacy/").content.decode()
    assert warned in page and erased in page


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
@pytest.mark.parametrize("slug", sorted(DOCUMENTS))
def test_every_legal_document_exists_in_every_language(client, home_page, language, slug):
    response = client.get(f"/{language}/{slug}/")
    assert response.status_code == 200
    assert f"lms/legal/{slug}.{language}.html" in [t.name for t in response.templates]


def test_the_footer_links_the_four_documents(client, home_page):
    page = client.get("/fr/").content.decode()
    for slug in DOCUMENTS:
        assert f'href="/fr/{slug}/"' in page


def test_the_privacy_notice_names_only_strictly_necessary_cookies(client, home_page):
    page = client.get("/en/cookies/").content.decode()
    for name in ("sessionid", "csrftoken", "django_language"):
        assert f"<code>{name}</code>" in page
    assert "analytics" in page  # "we use no analytics ... cookies"


def test_sign_up_offers_the_consent_unchecked_with_both_documents_linked(client, home_page):
    page = client.get("/nl/accounts/signup/").content.decode()
    assert 'name="accept_terms"' in page
    checkbox = page[
        page.index('name="accept_terms"') - 200 : page.index('name="accept_terms"') + 200
    ]
    assert "checked" not in checkbox
    assert 'href="/nl/terms/"' in page and 'href="/nl/privacy/"' in page


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("nl", "Aanvaard de gebruiksvoorwaarden en de privacyverklaring om verder te gaan."),
        ("fr", "Acceptez les conditions d’utilisation et la politique de confidentialité"),
        ("de", "Nehmen Sie die Nutzungsbedingungen und die Datenschutzerklärung an"),
        ("en", "Accept the terms of use and the privacy notice to go on."),
    ],
)
def test_sign_up_without_accepting_is_refused_in_the_page_language(
    client, home_page, language, message
):
    response = client.post(f"/{language}/accounts/signup/", signup_data(accept_terms=""))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(username="lena").exists()
    assert not LegalAcceptance.objects.exists()


def test_sign_up_records_the_versions_accepted(client, home_page):
    response = client.post("/en/accounts/signup/", signup_data())
    assert response.status_code == 302
    user = User.objects.get(username="lena")
    accepted = set(LegalAcceptance.objects.filter(user=user).values_list("document", "version"))
    assert accepted == {("terms", TERMS.version), ("privacy", PRIVACY.version)}
    assert AuditEntry.objects.filter(subject_user=user, action="legal.accepted").count() == 2
    # Nothing left to accept: straight to the page they were on, no notice.
    assert response["Location"] == "/en/"
    assert client.session[SESSION_PENDING_KEY] is False


def test_accepting_twice_records_each_version_once():
    user = UserFactory()
    legal_accept(user=user, documents=(TERMS,))
    legal_accept(user=user, documents=(TERMS,))
    assert LegalAcceptance.objects.filter(user=user).count() == 1
    assert AuditEntry.objects.filter(subject_user=user, action="legal.accepted").count() == 1


def test_an_older_version_still_has_to_be_accepted():
    user = UserFactory()
    LegalAcceptanceFactory(user=user, document="terms", version="2020-01-01")
    LegalAcceptanceFactory(user=user, document="privacy")
    assert legal_documents_to_accept(user=user) == [TERMS]


def test_children_in_a_class_are_never_asked():
    child = UserFactory(account_type=User.AccountType.YOUNG, email="")
    assert legal_documents_to_accept(user=child) == []


def test_after_a_new_version_sign_in_leads_to_the_gentle_page(client, home_page):
    user = UserFactory(username="oldtimer")
    LegalAcceptanceFactory(user=user, document="terms", version="2020-01-01")
    LegalAcceptanceFactory(user=user, document="privacy")
    response = client.post("/nl/accounts/login/", {"login": "oldtimer", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/nl/me/accept/?next=%2Fnl%2F"
    page = client.get(response["Location"]).content.decode()
    assert 'href="/nl/terms/"' in page
    assert 'href="/nl/privacy/"' not in page.split('id="legal-to-accept"')[1].split("</ul>")[0]
    # Not a wall: other pages open, with a note that links to the page.
    other = client.get("/nl/privacy/")
    assert other.status_code == 200
    assert 'id="legal-pending"' in other.content.decode()


def test_accepting_the_new_version_records_it_and_returns(client, home_page):
    user = UserFactory(username="oldtimer")
    LegalAcceptanceFactory(user=user, document="terms", version="2020-01-01")
    LegalAcceptanceFactory(user=user, document="privacy")
    client.post("/en/accounts/login/", {"login": "oldtimer", "password": PASSWORD})
    refused = client.post(reverse("lms:legal_accept"), {"next": "/en/learning/"})
    assert refused.status_code == 400
    assert legal_documents_to_accept(user=user) == [TERMS]
    response = client.post(
        reverse("lms:legal_accept"), {"next": "/en/learning/", "accept_terms": "on"}
    )
    assert response["Location"] == "/en/learning/"
    assert legal_documents_to_accept(user=user) == []
    assert 'id="legal-pending"' not in client.get("/en/privacy/").content.decode()


def test_the_acceptance_page_does_not_follow_a_foreign_next(client, home_page):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("lms:legal_accept"), {"next": "https://evil.example/", "accept_terms": "on"}
    )
    assert response["Location"] == reverse("lms:dashboard")


def test_the_acceptance_page_needs_a_signed_in_person(client, home_page):
    response = client.get("/en/me/accept/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_someone_up_to_date_is_sent_on(client, home_page):
    user = UserFactory()
    _accept_all(user)
    client.force_login(user)
    assert client.get("/en/me/accept/?next=/en/learning/")["Location"] == "/en/learning/"
