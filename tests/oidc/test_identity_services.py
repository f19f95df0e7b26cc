"""itsme and CSAM/FAS sign-in against a real OpenID Connect provider
(tests/oidc/provider.mjs): authorisation code + PKCE, nonce, signature,
issuer and expiry checked; the verified name becomes the legal name."""

from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from audit.models import AuditEntry
from lms.identity_providers import nonce_issue, nonce_redeem
from lms.models import User
from lms.tests.factories import UserFactory
from tests.oidc.conftest import (
    MARIE,
    TEST_CALLBACKS,
    platform_sign_in,
    provider_running,
    replace_query,
    use_provider,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def itsme(settings, oidc_provider, home_page):
    use_provider(settings, oidc_provider.app())
    return oidc_provider


def signed_in_user(client):
    user_id = client.session.get(SESSION_KEY)
    return User.objects.get(pk=user_id) if user_id else None


def test_code_flow_with_pkce_signs_a_new_person_in_with_the_verified_name(client, itsme):
    response, authorize_url = platform_sign_in(client, language="fr")

    sent = parse_qs(urlsplit(authorize_url).query)
    assert sent["response_type"] == ["code"]
    assert sent["code_challenge_method"] == ["S256"]
    assert len(sent["code_challenge"][0]) >= 43
    assert len(sent["nonce"][0]) >= 32
    assert sent["redirect_uri"] == [TEST_CALLBACKS[0]]
    # Back in the language the person started in.
    assert response.status_code == 302
    assert response["Location"] == "/fr/"
    person = signed_in_user(client)
    assert person is not None
    assert (person.first_name, person.last_name) == ("Marie-Claire", "Van den Broeck")
    assert person.legal_name_source == User.LegalNameSource.ITSME
    assert person.legal_name_verified_at is not None
    assert person.identity_verified
    assert person.preferred_language == "fr"
    assert person.email == MARIE["email"]
    assert person.groups.filter(name__icontains="learner").exists()
    assert SocialAccount.objects.get(user=person).provider == "itsme"
    assert AuditEntry.objects.filter(subject_user=person, action="user.identity_verified").exists()


def test_signing_in_again_finds_the_same_account(client, itsme):
    platform_sign_in(client)
    first = signed_in_user(client)
    client.logout()
    response, _url = platform_sign_in(client, language="de")
    assert response.status_code == 302
    assert signed_in_user(client) == first
    assert User.objects.filter(email=MARIE["email"]).count() == 1


def refused(response, caplog, reason: str) -> bool:
    """allauth's sign-in error page, for the reason the log gives."""
    logged = " ".join(r.getMessage() for r in caplog.records if "refused" in r.getMessage())
    return response.status_code == 401 and reason in logged


def test_a_replaced_nonce_is_refused(client, itsme, caplog):
    response, _url = platform_sign_in(
        client, tamper=lambda url: replace_query(url, nonce="chosen-by-an-attacker-" + "x" * 20)
    )
    assert refused(response, caplog, "nonce is missing, unknown or already used")
    assert signed_in_user(client) is None
    assert not User.objects.filter(email=MARIE["email"]).exists()


def test_a_missing_nonce_is_refused(client, itsme, caplog):
    response, _url = platform_sign_in(client, tamper=lambda url: replace_query(url, nonce=None))
    assert refused(response, caplog, "nonce is missing")
    assert signed_in_user(client) is None


def test_a_nonce_counts_once_for_its_own_service():
    request = RequestFactory().get("/")
    request.session = SessionStore()
    nonce = nonce_issue(request, provider_id="itsme")
    other = nonce_issue(request, provider_id="itsme")
    assert not nonce_redeem(request, provider_id="csam", nonce=other)
    assert nonce_redeem(request, provider_id="itsme", nonce=nonce)
    assert not nonce_redeem(request, provider_id="itsme", nonce=nonce)
    assert not nonce_redeem(request, provider_id="itsme", nonce=None)


def test_the_provider_requires_pkce_and_the_platform_sends_it(client, itsme, caplog):
    # Without the challenge the provider answers with an error, not a code.
    response, _url = platform_sign_in(
        client, tamper=lambda url: replace_query(url, code_challenge=None)
    )
    assert refused(response, caplog, "unknown")
    assert signed_in_user(client) is None


@pytest.mark.parametrize(
    ("mode", "issuer_host", "reason"),
    [
        # Its published keys are not the ones that signed the ID token.
        ("foreign-keys", "127.0.0.1", "Invalid id_token"),
        # Its ID tokens expired two hours ago (clock behind when signing).
        ("expired", "127.0.0.1", "Invalid id_token"),
        # It names another issuer than the one configured for the service.
        ("normal", "localhost", "names another issuer than configured"),
    ],
    ids=["bad-signature", "expired-id-token", "wrong-issuer"],
)
def test_tokens_that_do_not_check_out_are_refused(
    client, settings, home_page, caplog, mode, issuer_host, reason
):
    with provider_running(
        redirect_uris=TEST_CALLBACKS, mode=mode, issuer_host=issuer_host
    ) as provider:
        use_provider(settings, provider.app())
        response, _url = platform_sign_in(client)
    assert refused(response, caplog, reason)
    assert signed_in_user(client) is None
    assert not User.objects.filter(email=MARIE["email"]).exists()
    assert not SocialAccount.objects.exists()


def test_the_same_e_mail_does_not_sign_in_to_an_existing_account(client, itsme):
    existing = UserFactory(email=MARIE["email"], first_name="Marie", last_name="Peeters")
    response, _url = platform_sign_in(client)
    # Sent to the sign-up form (which refuses the address), not into the account.
    assert response.status_code == 302
    assert "/accounts/3rdparty/signup/" in response["Location"]
    assert signed_in_user(client) is None
    assert not SocialAccount.objects.filter(user=existing).exists()
    existing.refresh_from_db()
    assert (existing.last_name, existing.legal_name_verified_at) == ("Peeters", None)

    # The sign-up form does not take the existing address either.
    form = client.get(response["Location"])
    assert form.status_code == 200
    client.post(response["Location"], {"email": MARIE["email"], "username": "marie2"})
    assert signed_in_user(client) is None
    assert User.objects.filter(email__iexact=MARIE["email"]).get() == existing
    assert not SocialAccount.objects.exists()


def test_a_signed_in_learner_links_itsme_and_gets_the_verified_name(client, itsme):
    learner = UserFactory(first_name="Marie", last_name="Vandenbroeck", email="mvdb@example.be")
    client.force_login(learner)
    response, _url = platform_sign_in(client, process="connect")
    assert response.status_code == 302
    assert SocialAccount.objects.get(provider="itsme").user == learner
    learner.refresh_from_db()
    assert learner.legal_name == "Marie-Claire Van den Broeck"
    assert learner.identity_verified


def test_an_itsme_account_links_to_one_platform_account_only(client, itsme):
    platform_sign_in(client)
    owner = signed_in_user(client)
    client.logout()
    other = UserFactory(first_name="Eve", last_name="Janssens")
    client.force_login(other)
    platform_sign_in(client, process="connect")
    assert SocialAccount.objects.get(provider="itsme").user == owner
    other.refresh_from_db()
    assert (other.legal_name, other.identity_verified) == ("Eve Janssens", False)


def test_linking_does_not_replace_a_name_already_on_a_certificate(client, itsme, home_page):
    from certificates.tests.conftest import make_catalog, make_course
    from certificates.tests.helpers import issue_after_exam

    learner = UserFactory(first_name="Marie", last_name="Broeck", preferred_language="nl")
    issue_after_exam(user=learner, course=make_course(make_catalog(home_page), "basic"))
    client.force_login(learner)
    response, _url = platform_sign_in(client, process="connect", language="nl")
    assert SocialAccount.objects.get(provider="itsme").user == learner
    learner.refresh_from_db()
    assert (learner.legal_name, learner.identity_verified) == ("Marie Broeck", False)
    page = client.get(response["Location"], follow=True).content.decode()
    assert "itsme heeft bevestigd wie je bent" in page


def test_the_sign_in_page_offers_configured_services_only(client, settings, itsme):
    page = client.get("/de/accounts/login/").content.decode()
    assert "Mit itsme anmelden" in page
    assert 'action="/de/accounts/oidc/itsme/login/' in page
    assert "CSAM" not in page

    use_provider(settings)
    page = client.get("/de/accounts/login/").content.decode()
    assert "itsme" not in page


def test_allauths_own_callback_cannot_skip_the_checks(client, itsme):
    # The localised callback is ours too, not allauth's plain one.
    from django.urls import resolve
    from django.utils import translation

    from lms import identity_providers

    with translation.override("fr"):
        match = resolve("/fr/accounts/oidc/itsme/login/callback/")
    assert match.func is identity_providers.callback


def test_changing_a_verified_name_drops_the_verified_mark(db):
    from lms.services import user_legal_name_set
    from lms.services.identity_services import user_identity_verify

    person = UserFactory(first_name="", last_name="", legal_name_source="")
    assert user_identity_verify(
        user=person, service="csam", given_name="Jan", family_name="Peeters"
    )
    person.refresh_from_db()
    assert (person.legal_name_source, person.identity_verified) == ("csam", True)
    # Saving the same name (My account) keeps it verified ...
    user_legal_name_set(user=person, given_name="Jan", family_name="Peeters", actor=person)
    person.refresh_from_db()
    assert person.identity_verified
    # ... typing another one does not.
    user_legal_name_set(user=person, given_name="Jan", family_name="Peters", actor=person)
    person.refresh_from_db()
    assert (person.legal_name_source, person.legal_name_verified_at) == ("self", None)
    assert not person.identity_verified


def test_a_name_already_on_a_certificate_is_not_replaced(db, home_page):
    from certificates.tests.conftest import make_catalog, make_course
    from certificates.tests.helpers import issue_after_exam
    from lms.services.identity_services import user_identity_verify

    person = UserFactory(first_name="Jan", last_name="Peters")
    issue_after_exam(user=person, course=make_course(make_catalog(home_page), "basic"))
    assert not user_identity_verify(
        user=person, service="itsme", given_name="Jan", family_name="Peeters"
    )
    person.refresh_from_db()
    assert (person.legal_name, person.identity_verified) == ("Jan Peters", False)


def test_a_service_without_a_usable_name_verifies_nothing(db):
    from lms.services.identity_services import user_identity_verify

    person = UserFactory(first_name="", last_name="", legal_name_source="")
    assert not user_identity_verify(user=person, service="itsme", given_name="", family_name="X")
    assert not user_identity_verify(
        user=person, service="itsme", given_name="R2D2", family_name="Droid"
    )
    with pytest.raises(ValueError):
        user_identity_verify(user=person, service="self", given_name="Jan", family_name="Peeters")
    person.refresh_from_db()
    assert not person.identity_verified


def test_the_certificate_and_its_verification_page_say_identity_verified(client, itsme, home_page):
    from certificates.tests.conftest import make_catalog, make_course
    from certificates.tests.helpers import issue_after_exam

    platform_sign_in(client, language="fr")
    person = signed_in_user(client)
    course = make_course(make_catalog(home_page), "basic")
    certificate = issue_after_exam(user=person, course=course)
    verified = certificate.content["identity_verified"]
    assert verified["service"] == "itsme"
    assert verified["text"]["en"].startswith("Identity verified through itsme on ")

    client.logout()
    page = client.get("/fr/verify/", {"code": certificate.display_code}).content.decode()
    assert "Marie-Claire Van den Broeck" in page
    assert 'data-identity-verified="itsme"' in page
    assert "Identité vérifiée avec itsme le " in page
    data = client.get(f"/api/certificates/verify/{certificate.code}").json()
    assert data["certificate"]["identity_verified"]["service"] == "itsme"

    # The PDF prints it under the name, in the certificate's language.
    import io

    from pypdf import PdfReader

    from certificates.pdf import pdf_render

    text = PdfReader(io.BytesIO(pdf_render(certificate, "nl"))).pages[0].extract_text()
    assert "Identiteit gecontroleerd met itsme op " in " ".join(text.split())


def test_a_self_given_name_is_not_called_verified(client, home_page):
    from certificates.tests.conftest import make_catalog, make_course
    from certificates.tests.helpers import issue_after_exam

    person = UserFactory(first_name="Jan", last_name="Peeters")
    certificate = issue_after_exam(
        user=person, course=make_course(make_catalog(home_page), "basic")
    )
    assert "identity_verified" not in certificate.content
    page = client.get("/fr/verify/", {"code": certificate.display_code}).content.decode()
    assert "data-identity-verified" not in page


def test_my_account_says_the_name_is_verified_and_offers_linking(client, itsme):
    learner = UserFactory(first_name="Jan", last_name="Peeters", preferred_language="fr")
    client.force_login(learner)
    page = client.get("/fr/me/").content.decode()
    assert 'href="/fr/accounts/3rdparty/"' in page
    assert "data-identity-verified" not in page

    platform_sign_in(client, process="connect")
    page = client.get("/fr/me/").content.decode()
    assert 'data-identity-verified="itsme"' in page
    assert "Votre nom a été vérifié avec itsme le " in page
