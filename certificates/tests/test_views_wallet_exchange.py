"""Add to wallet through a link or QR code: the capability URL answers a GET
with the credential and runs the VC-API exchange the Learner Credential Wallet
speaks (shapes from its app/lib/exchanges.ts and present.ts): DID
Authentication with an Ed25519Signature2020 presentation by a did:key."""

import copy
import json
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.core import signing
from django.urls import reverse

from audit.models import AuditEntry
from certificates import credentials, keys, services, wallet
from certificates.models import Certificate
from certificates.tests.ob3 import credential_errors
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class Wallet:
    """A did:key wallet signing DID Authentication presentations as LCW does
    (@digitalcredentials/vc signPresentation with Ed25519Signature2020)."""

    def __init__(self):
        self.key = Ed25519PrivateKey.generate()
        public = self.key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.fingerprint = keys.multikey(public)
        self.did = f"did:key:{self.fingerprint}"

    def presentation(self, *, challenge, domain="testserver", purpose="authentication"):
        vp = {
            "@context": [
                "https://www.w3.org/2018/credentials/v1",
                "https://w3id.org/security/suites/ed25519-2020/v1",
            ],
            "type": ["VerifiablePresentation"],
            "holder": self.did,
        }
        proof = {
            "type": "Ed25519Signature2020",
            "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "verificationMethod": f"{self.did}#{self.fingerprint}",
            "proofPurpose": purpose,
            "challenge": challenge,
            "domain": domain,
        }
        to_sign = credentials._di_hash({"@context": vp["@context"], **proof}) + (
            credentials._di_hash(vp)
        )
        proof["proofValue"] = "z" + keys.base58btc(self.key.sign(to_sign))
        return {**vp, "proof": proof}


def _exchange(certificate) -> tuple[str, str]:
    token = wallet.exchange_token(certificate.public_id)
    return wallet.exchange_url(token), wallet.exchange_read(token)[1]


def _post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_holder_gets_a_qr_code_and_a_deep_link(client, learner, certificate):
    client.force_login(learner)
    response = client.get(reverse("certificates:wallet_page", args=[certificate.public_id]))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    page = response.content.decode()
    assert "<svg" in page and 'role="img"' in page
    link = response.context["deep_link"]
    assert link.startswith("dccrequest://request?")
    request = json.loads(parse_qs(urlsplit(link).query)["request"][0])
    assert request["credentialRequestOrigin"] == "http://testserver"
    assert request["protocols"]["vcapi"] == response.context["exchange_url"]
    assert response.context["exchange_url"].startswith("http://testserver/certificates/wallet/")


def test_nobody_else_gets_the_holders_wallet_page(client, certificate):
    client.force_login(UserFactory())
    url = reverse("certificates:wallet_page", args=[certificate.public_id])
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_a_wallet_fetching_the_link_gets_the_credential(client, certificate):
    url, _challenge = _exchange(certificate)
    response = client.get(url)
    assert response.status_code == 200
    document = response.json()
    assert "VerifiableCredential" in document["type"]
    assert document == Certificate.objects.get(pk=certificate.pk).credential_di


def test_the_exchange_asks_for_did_authentication_first(client, certificate):
    url, challenge = _exchange(certificate)
    response = _post(client, url, {})
    assert response.status_code == 200
    request = response.json()["verifiablePresentationRequest"]
    assert request["query"][0]["type"] == "DIDAuthentication"
    assert request["challenge"] == challenge
    assert request["domain"] == "testserver"
    assert request["interact"]["service"][0]["serviceEndpoint"] == url


def test_the_exchange_issues_the_credential_to_the_wallets_did(client, certificate):
    url, challenge = _exchange(certificate)
    holder = Wallet()
    response = _post(
        client, url, {"verifiablePresentation": holder.presentation(challenge=challenge)}
    )
    assert response.status_code == 200
    (document,) = response.json()["verifiablePresentation"]["verifiableCredential"]
    assert document["credentialSubject"]["id"] == holder.did
    assert document["id"] == f"urn:uuid:{certificate.public_id}"
    assert credential_errors(document) == []
    key = services._signing_key("data_integrity")
    assert credentials.credential_di_verify(document, key.public_jwk) is True
    assert AuditEntry.objects.filter(action="certificates.wallet_exchange").count() == 1
    # The frozen credential keeps the pairwise subject.
    assert (
        Certificate.objects.get(pk=certificate.pk).credential_di["credentialSubject"]["id"]
        == certificate.subject_id
    )


def test_a_bare_presentation_gets_the_bare_credential(client, certificate):
    url, challenge = _exchange(certificate)
    holder = Wallet()
    response = _post(client, url, holder.presentation(challenge=challenge))
    assert response.status_code == 200
    assert response.json()["credentialSubject"]["id"] == holder.did


def test_a_replayed_presentation_gets_nothing(client, certificate):
    url, challenge = _exchange(certificate)
    body = {"verifiablePresentation": Wallet().presentation(challenge=challenge)}
    assert _post(client, url, body).status_code == 200
    assert _post(client, url, body).status_code == 410


@pytest.mark.parametrize(
    "spoil",
    [
        "challenge",
        "domain",
        "purpose",
        "signature",
        "holder",
        "method",
        "not_a_presentation",
    ],
)
def test_a_presentation_that_does_not_hold_is_refused(client, certificate, spoil):
    url, challenge = _exchange(certificate)
    holder = Wallet()
    vp = holder.presentation(challenge=challenge)
    if spoil == "challenge":
        vp = holder.presentation(challenge="another")
    elif spoil == "domain":
        vp = holder.presentation(challenge=challenge, domain="evil.example")
    elif spoil == "purpose":
        vp = holder.presentation(challenge=challenge, purpose="assertionMethod")
    elif spoil == "signature":
        vp = copy.deepcopy(vp)
        vp["holder"] = Wallet().did  # signed by one wallet, claims another
        vp["proof"]["verificationMethod"] = f"{vp['holder']}#{vp['holder'][8:]}"
    elif spoil == "holder":
        vp["holder"] = "did:web:evil.example"
    elif spoil == "method":
        vp["proof"]["verificationMethod"] = f"{Wallet().did}#key"
    elif spoil == "not_a_presentation":
        vp["type"] = ["VerifiableCredential"]
    response = _post(client, url, {"verifiablePresentation": vp})
    assert response.status_code == 400
    assert "DID Authentication failed" in response.json()["error"]
    assert not AuditEntry.objects.filter(action="certificates.wallet_exchange").exists()


def test_a_forged_or_expired_link_is_refused(client, certificate, settings):
    url, _challenge = _exchange(certificate)
    assert client.get(url[:-3] + "abc").status_code == 403
    assert client.get("/certificates/wallet/nonsense").status_code == 403
    assert _post(client, "/certificates/wallet/nonsense", {}).status_code == 403
    token = url.rsplit("/", 1)[1]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(wallet, "EXCHANGE_MAX_AGE", -1)
        assert client.get(f"/certificates/wallet/{token}").status_code == 410


def test_a_revoked_certificate_is_not_handed_out(client, certificate, learner):
    url, _challenge = _exchange(certificate)
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Fraud")
    assert client.get(url).status_code == 410


def test_bad_bodies_are_refused(client, certificate):
    url, _challenge = _exchange(certificate)
    assert client.post(url, b"not json", content_type="application/json").status_code == 400
    assert _post(client, url, ["a list"]).status_code == 400
    big = {"verifiablePresentation": {"x": "a" * (70 * 1024)}}
    assert _post(client, url, big).status_code == 413


def test_the_token_is_signed():
    token = wallet.exchange_token("00000000-0000-0000-0000-000000000000")
    with pytest.raises(signing.BadSignature):
        wallet.exchange_read(token + "x")


def test_the_wallet_page_speaks_the_holders_language(client, learner, certificate):
    client.force_login(learner)
    url = "/nl" + reverse("certificates:wallet_page", args=[certificate.public_id])[3:]
    page = client.get(url).content.decode()
    assert "Openen in de wallet-app" in page
    assert "De code werkt 15 minuten." in page
