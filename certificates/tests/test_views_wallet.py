"""Add to wallet: the holder downloads the Data Integrity credential as the lone
VerifiableCredential JSON the Learner Credential Wallet imports (its
app/lib/decode.ts `credentialsFromJson`: a JSON object whose `type` includes
"VerifiableCredential", with an `id`)."""

import json
import re

import pytest
from django.urls import reverse

from certificates.models import Certificate
from certificates.tests.ob3 import credential_errors
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _url(certificate) -> str:
    return reverse("certificates:wallet", args=[certificate.public_id])


def test_the_holder_downloads_the_credential_for_a_wallet(client, learner, certificate):
    client.force_login(learner)
    response = client.get(_url(certificate))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert response["Content-Disposition"] == (
        f'attachment; filename="credential-{certificate.display_code}.json"'
    )
    text = response.content.decode().strip()
    # What LCW's import expects: one JSON object, a VerifiableCredential with an id.
    assert re.fullmatch(r"\{.*\}", text, re.S)
    document = json.loads(text)
    assert "VerifiableCredential" in document["type"]
    assert document["id"] == f"urn:uuid:{certificate.public_id}"
    assert document["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"
    assert document == certificate.credential_di
    assert credential_errors(document) == []


def test_the_download_of_an_older_certificate_is_signed_once(client, learner, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(credential_di=None)
    client.force_login(learner)
    first = json.loads(client.get(_url(certificate)).content)
    second = json.loads(client.get(_url(certificate)).content)
    # (PostgreSQL's jsonb keeps no key order: the same document, maybe reordered.)
    assert first == second
    assert first == Certificate.objects.get(pk=certificate.pk).credential_di


def test_nobody_else_downloads_it(client, certificate):
    client.force_login(UserFactory())
    assert client.get(_url(certificate)).status_code == 404


def test_a_visitor_is_sent_to_sign_in(client, certificate):
    response = client.get(_url(certificate))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_my_certificates_offers_the_wallet_download_with_its_help(client, learner, certificate):
    client.force_login(learner)
    page = client.get("/en/me/certificates/").content.decode()
    assert _url(certificate) in page
    assert "Download for a wallet" in page
    assert f'aria-describedby="wallet-help-{certificate.public_id}"' in page
    assert "Learner Credential Wallet" in page


def test_the_wallet_help_is_translated(client, learner, certificate):
    client.force_login(learner)
    page = client.get("/nl/me/certificates/").content.decode()
    assert "Downloaden voor een wallet" in page
    assert "importeer het in een wallet-app" in page
