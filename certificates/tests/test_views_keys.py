import pytest
from django.core.management import call_command

from certificates import credentials, offline, services
from certificates.tests.helpers import issue_after_exam

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(security_course, learner):
    return issue_after_exam(user=learner, course=security_course)


def test_the_did_document_lists_old_and_new_keys_after_rotation(client, certificate):
    old_kid = certificate.signing_key.kid
    new_kid = services.signing_key_rotate().kid
    document = client.get("/.well-known/did.json").json()
    assert document["id"] == "did:web:testserver"
    # The RSA keys of the VC-JWT (the Ed25519 Multikey of the Data Integrity
    # proof is listed after them: test_credentials_data_integrity).
    rsa = [m for m in document["verificationMethod"] if m["type"] == "JsonWebKey"]
    ids = [method["id"] for method in rsa]
    assert ids == [f"did:web:testserver#{old_kid}", f"did:web:testserver#{new_kid}"]
    assert all("d" not in method["publicKeyJwk"] for method in rsa)
    assert document["assertionMethod"][:2] == ids
    assert document["authentication"] == ids


def test_each_key_has_its_own_kid_url_and_the_jwks_lists_them(client, certificate):
    kid = certificate.signing_key.kid
    key = client.get(f"/certificates/keys/{kid}.json").json()
    assert key["kid"] == kid and key["alg"] == "RS256" and "d" not in key
    assert [k["kid"] for k in client.get("/certificates/keys.json").json()["keys"]] == [kid]
    assert client.get("/certificates/keys/unknown.json").status_code == 404


def test_rotate_signing_key_command_adds_a_key(certificate, capsys):
    call_command("rotate_signing_key")
    assert "New signing key" in capsys.readouterr().out


def _status_bit(client, certificate) -> bool:
    token = client.get(f"/certificates/status/{certificate.status_list_id}").content.decode()
    keys = offline.keys_from(client.get("/certificates/keys.json").json())
    claims = offline.check_signature(token, keys)
    assert claims["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    encoded = claims["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")
    return credentials.bitstring_bit(encoded, certificate.status_index)


def test_the_status_list_is_signed_and_shows_a_revocation_at_once(client, certificate, learner):
    assert _status_bit(client, certificate) is False
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Fraud")
    assert _status_bit(client, certificate) is True


def test_the_status_list_has_at_least_131072_entries():
    import base64
    import gzip

    encoded = credentials.bitstring_encode([0, 131_071])
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=="))
    assert len(raw) * 8 >= 131_072
    assert credentials.bitstring_bit(encoded, 131_071) and not credentials.bitstring_bit(encoded, 5)


def _files(tmp_path, client, certificate):
    (tmp_path / "cred.jwt").write_text(certificate.credential_jwt)
    (tmp_path / "did.json").write_bytes(client.get("/.well-known/did.json").content)
    status = client.get(f"/certificates/status/{certificate.status_list_id}").content
    (tmp_path / "status.jwt").write_bytes(status)
    return [
        str(tmp_path / "cred.jwt"),
        "--jwks",
        str(tmp_path / "did.json"),
        "--status-list",
        str(tmp_path / "status.jwt"),
    ]


def test_the_offline_verifier_says_valid(tmp_path, client, certificate, capsys):
    assert offline.main(_files(tmp_path, client, certificate)) == 0
    out = capsys.readouterr().out
    assert "valid: valid" in out and "Lotte Peeters" in out


def test_the_offline_verifier_sees_a_revocation(tmp_path, client, certificate, learner, capsys):
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Fraud")
    assert offline.main(_files(tmp_path, client, certificate)) == 1
    assert "revoked" in capsys.readouterr().out


def test_the_offline_verifier_rejects_a_tampered_credential(tmp_path, client, certificate, capsys):
    from certificates.tests.helpers import tamper_payload

    args = _files(tmp_path, client, certificate)
    (tmp_path / "cred.jwt").write_text(tamper_payload(certificate.credential_jwt, name="Forged"))
    assert offline.main(args) == 1
    assert "bad signature" in capsys.readouterr().out


def test_the_verify_credential_command_says_valid(tmp_path, client, certificate, capsys):
    call_command("verify_credential", *_files(tmp_path, client, certificate))
    assert "valid: valid" in capsys.readouterr().out


def test_the_verify_credential_command_fails_clearly_without_keys(
    tmp_path, client, certificate, capsys
):
    args = _files(tmp_path, client, certificate)
    with pytest.raises(SystemExit) as exited:
        call_command("verify_credential", args[0], "--jwks", str(tmp_path / "nowhere.json"))
    assert exited.value.code == 2
    assert "cannot read the input" in capsys.readouterr().out
