"""The Data Integrity form (eddsa-rdfc-2022) of the credential: signed at issue
with the issuer's Ed25519 key, published as a Multikey in the DID document,
checked by Digital Bazaar's verifier (node) as well as by our own code."""

import copy
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from pyld import jsonld

from certificates import credentials, keys, linked_data, services, services_credentials
from certificates.models import Certificate, SigningKey

pytestmark = pytest.mark.django_db

SCRIPT = Path(__file__).resolve().parent / "js" / "verify_di.mjs"


def _node() -> str:
    """node on PATH; in CI (CI or BROWSER_TESTS=required) its absence fails."""
    node = shutil.which("node")
    if node and (Path(settings.BASE_DIR) / "node_modules" / "@digitalbazaar" / "vc").is_dir():
        return node
    if os.environ.get("CI") or os.environ.get("BROWSER_TESTS") == "required":
        pytest.fail("node or node_modules missing: the Data Integrity check must run in CI")
    pytest.skip("node or node_modules/@digitalbazaar/vc missing (not required outside CI)")


def _run_node(tmp_path, credential: dict, did_document: dict, *args: str) -> str:
    path = tmp_path / "input.json"
    path.write_text(json.dumps({"credential": credential, "didDocument": did_document}))
    done = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [_node(), str(SCRIPT), *args, str(path)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


def _node_verify(tmp_path, credential: dict, did_document: dict) -> dict:
    return json.loads(_run_node(tmp_path, credential, did_document))


@pytest.fixture
def did_document(client, certificate):
    return client.get("/.well-known/did.json").json()


def _di_key() -> SigningKey:
    return SigningKey.objects.get(active=True, purpose=SigningKey.Purpose.DATA_INTEGRITY)


def test_the_credential_is_signed_at_issue_with_an_eddsa_rdfc_2022_proof(certificate):
    document = certificate.credential_di
    (proof,) = document["proof"]
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["proofPurpose"] == "assertionMethod"
    assert proof["verificationMethod"] == f"did:web:testserver#{_di_key().kid}"
    assert proof["proofValue"].startswith("z")
    assert proof["created"][-6:] in ("+01:00", "+02:00")
    # The same credential as the VC-JWT's, only the proof added.
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    assert unsecured == credentials.credential_build(certificate)


def test_digital_bazaars_verifier_accepts_the_issued_credential(
    tmp_path, certificate, did_document
):
    result = _node_verify(tmp_path, certificate.credential_di, did_document)
    assert result == {"verified": True, "error": None}


def test_digital_bazaars_verifier_rejects_a_changed_holder_name(
    tmp_path, certificate, did_document
):
    tampered = copy.deepcopy(certificate.credential_di)
    tampered["credentialSubject"]["identifier"][0]["identityHash"] = "Mallory Forger"
    result = _node_verify(tmp_path, tampered, did_document)
    assert result["verified"] is False


def test_digital_bazaars_verifier_rejects_a_credential_signed_with_another_key(
    tmp_path, certificate, did_document
):
    # An attacker's Ed25519 key claiming to be our verification method.
    ours = _di_key()
    kid, public, private = keys.new_ed25519_key()
    forger = SigningKey(
        kid=ours.kid,
        purpose=SigningKey.Purpose.DATA_INTEGRITY,
        public_jwk=public,
        private_jwk_encrypted=keys.encrypt_private_jwk(private, kid=ours.kid),
    )
    unsecured = credentials.credential_build(certificate)
    forged = credentials.credential_di_sign(
        unsecured, signing_key=forger, created=certificate.issued_at
    )
    assert (
        forged["proof"][0]["verificationMethod"]
        == certificate.credential_di["proof"][0]["verificationMethod"]
    )
    assert _node_verify(tmp_path, forged, did_document)["verified"] is False
    assert credentials.credential_di_verify(forged, ours.public_jwk) is False
    # Signed by that key under its own (unpublished) id: unknown to the DID document.
    forger.kid = kid
    forger.private_jwk_encrypted = keys.encrypt_private_jwk(private, kid=kid)
    forged = credentials.credential_di_sign(
        unsecured, signing_key=forger, created=certificate.issued_at
    )
    assert _node_verify(tmp_path, forged, did_document)["verified"] is False


def test_our_own_check_agrees(certificate):
    key = _di_key()
    assert credentials.credential_di_verify(certificate.credential_di, key.public_jwk) is True
    tampered = copy.deepcopy(certificate.credential_di)
    tampered["validFrom"] = "2020-01-01T00:00:00+01:00"
    assert credentials.credential_di_verify(tampered, key.public_jwk) is False


def test_pyld_canonical_form_equals_rdf_canonize_rdfc_1_0(tmp_path, certificate, did_document):
    document = certificate.credential_di
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    proof_config = {"@context": document["@context"], **document["proof"][0]}
    del proof_config["proofValue"]
    for item in (unsecured, proof_config):
        ours = linked_data.canonize(item)
        theirs = _run_node(tmp_path, item, did_document, "--canonize")
        assert ours == theirs
        assert ours.count("\n") > 3


def test_the_document_loader_serves_only_bundled_contexts():
    loaded = linked_data.document_loader("https://www.w3.org/ns/credentials/v2")
    assert loaded["document"]["@context"]
    for url in (
        "https://example.org/context.json",
        "https://w3id.org/security/v2",
        "file:///etc/passwd",
    ):
        with pytest.raises(jsonld.JsonLdError):
            linked_data.document_loader(url)


def test_a_credential_naming_an_unbundled_context_cannot_be_canonicalised(certificate):
    document = {**credentials.credential_build(certificate)}
    document["@context"] = [*document["@context"], "https://evil.example/context.json"]
    with pytest.raises(jsonld.JsonLdError):
        linked_data.canonize(document)


def test_the_did_document_publishes_the_ed25519_key_as_a_multikey(did_document):
    key = _di_key()
    assert "https://w3id.org/security/multikey/v1" in did_document["@context"]
    method = next(m for m in did_document["verificationMethod"] if m["type"] == "Multikey")
    assert method == {
        "id": f"did:web:testserver#{key.kid}",
        "type": "Multikey",
        "controller": "did:web:testserver",
        "publicKeyMultibase": key.kid,
    }
    assert method["publicKeyMultibase"].startswith("z6Mk")
    assert method["id"] in did_document["assertionMethod"]
    assert method["id"] not in did_document["authentication"]
    # The RSA keys of the VC-JWT stay published beside it.
    assert any(m["type"] == "JsonWebKey" for m in did_document["verificationMethod"])


def test_the_private_half_rests_encrypted():
    key = services.signing_key_rotate(purpose=SigningKey.Purpose.DATA_INTEGRITY)
    assert "d" not in key.public_jwk
    private = keys.decrypt_private_jwk(key.private_jwk_encrypted, kid=key.kid)
    assert private["d"] not in key.private_jwk_encrypted
    assert len(keys._b64url_decode(private["d"])) == 32


def test_rotating_keeps_the_old_multikey_published(client, certificate):
    old = _di_key()
    new = services.signing_key_rotate(purpose=SigningKey.Purpose.DATA_INTEGRITY)
    document = client.get("/.well-known/did.json").json()
    multikeys = [m["id"] for m in document["verificationMethod"] if m["type"] == "Multikey"]
    assert multikeys == [f"did:web:testserver#{old.kid}", f"did:web:testserver#{new.kid}"]
    old.refresh_from_db()
    assert old.active is False


def test_base58btc_round_trips_and_keeps_leading_zeros():
    for data in (b"", b"\0", b"\0\0\x01", bytes(range(40))):
        assert keys.base58btc_decode(keys.base58btc(data)) == data
    # The published example of the Multikey specification's alphabet.
    assert keys.base58btc(b"Hello World!") == "2NEpo7TZRRrLZSi2U"


def test_an_older_certificate_is_signed_on_first_request_and_stored_once(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(credential_di=None, subject_id="")
    older = Certificate.objects.get(pk=certificate.pk)
    first = services_credentials.certificate_credential_di(certificate=older)
    stored = Certificate.objects.get(pk=certificate.pk)
    assert stored.credential_di == first
    assert stored.subject_id == first["credentialSubject"]["id"]
    # The VC-JWT signed at issue stays as it was.
    assert stored.credential_jwt == certificate.credential_jwt
    again = services_credentials.certificate_credential_di(
        certificate=Certificate.objects.get(pk=stored.pk)
    )
    assert again == first


def test_a_wallet_signed_by_digital_bazaars_libraries_gets_its_credential(
    tmp_path, client, certificate, did_document
):
    """End to end with the independent implementation on both sides: a did:key
    wallet's eddsa-rdfc-2022 DID Authentication is accepted by the exchange,
    and the credential issued to its DID verifies with Digital Bazaar's verifier."""
    from certificates import wallet

    token = wallet.exchange_token(certificate.public_id)
    url = wallet.exchange_url(token)
    _public_id, challenge = wallet.exchange_read(token)
    done = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [_node(), str(SCRIPT.parent / "did_auth_vp.mjs"), challenge, "testserver"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    signed = json.loads(done.stdout)
    response = client.post(
        url,
        json.dumps({"verifiablePresentation": signed["presentation"]}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    (document,) = response.json()["verifiablePresentation"]["verifiableCredential"]
    assert document["credentialSubject"]["id"] == signed["did"]
    assert _node_verify(tmp_path, document, did_document) == {"verified": True, "error": None}
    # The same presentation signed for another challenge is refused.
    other = wallet.exchange_url(wallet.exchange_token(certificate.public_id))
    refused = client.post(
        other,
        json.dumps({"verifiablePresentation": signed["presentation"]}),
        content_type="application/json",
    )
    assert refused.status_code == 400
