import pytest
from django.core.management import call_command

from certificates import credentials, offline, services

pytestmark = pytest.mark.django_db


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
    trusted = [offline.Source("pinned", "test", client.get("/.well-known/did.json").json())]
    claims, _kid, _source = offline.check_jws(token, trusted)
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


def test_the_status_list_is_valid_for_a_day_and_no_cache_keeps_it_longer(client, certificate):
    from datetime import datetime

    from certificates.views.keys import STATUS_LIST_MAX_AGE

    response = client.get(f"/certificates/status/{certificate.status_list_id}")
    trusted = [offline.Source("pinned", "test", client.get("/.well-known/did.json").json())]
    claims, _kid, _source = offline.check_jws(response.content.decode(), trusted)
    valid_from = datetime.fromisoformat(claims["validFrom"])
    valid_until = datetime.fromisoformat(claims["validUntil"])
    assert valid_until - valid_from == credentials.STATUS_LIST_VALIDITY
    assert claims["exp"] == int(valid_until.timestamp())
    assert claims["nbf"] == claims["iat"] == int(valid_from.timestamp())
    assert claims["iss"] == claims["issuer"] == "did:web:testserver"
    assert response["Cache-Control"] == f"public, max-age={STATUS_LIST_MAX_AGE}"
    assert credentials.STATUS_LIST_VALIDITY.total_seconds() / 10 > STATUS_LIST_MAX_AGE


def test_the_export_command_writes_a_file_named_after_the_did(tmp_path, certificate, capsys):
    import json

    call_command("export_issuer_did", "--output", str(tmp_path))
    document = json.loads((tmp_path / "did_web_testserver.json").read_text())
    assert document["id"] == "did:web:testserver"
    call_command("export_issuer_did", "--output", str(tmp_path / "mine.json"))
    assert json.loads((tmp_path / "mine.json").read_text()) == document
