"""The offline verifier trusts keys only from the issuer DID's own DID document,
says which DID it verified, and gives each bad input its own verdict and exit
status (0 valid, 1 not valid, 2 unreadable, 3 revocation not checked)."""

import base64
import json
import subprocess
import sys
import time
import tomllib
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from joserfc import jws
from joserfc.jwk import RSAKey

from certificates import credentials, keys, offline, services
from certificates.tests.helpers import tamper_payload

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
OUR_DID = "did:web:testserver"
ATTACKER_DID = "did:web:attacker.example"


@pytest.fixture(scope="module")
def attacker_key():
    return RSAKey.generate_key(2048, private=True)


@pytest.fixture
def trust(tmp_path, certificate):
    """A trust directory holding the platform's DID document, as exported."""
    directory = tmp_path / "trust"
    directory.mkdir()
    call_command("export_issuer_did", "--output", str(directory))
    return directory


@pytest.fixture
def files(tmp_path, client, certificate, trust):
    (tmp_path / "cred.jwt").write_text(certificate.credential_jwt)
    _write_status(tmp_path, client, certificate)
    return tmp_path


@pytest.fixture(autouse=True)
def _no_bundled_trust(tmp_path, monkeypatch):
    # The repository's bundled directory must not decide a test's outcome.
    empty = tmp_path / "bundled"
    empty.mkdir()
    monkeypatch.setattr(offline, "BUNDLED_TRUST", empty)


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    def refuse(url):
        raise AssertionError(f"the verifier went online without --resolve: {url}")

    monkeypatch.setattr(offline, "fetch_url", refuse)


def _write_status(tmp_path, client, certificate):
    status = client.get(f"/certificates/status/{certificate.status_list_id}").content
    (tmp_path / "status.jwt").write_bytes(status)


def _args(tmp_path, *extra, trust=True):
    argv = [str(tmp_path / "cred.jwt"), "--status-list", str(tmp_path / "status.jwt")]
    if trust:
        argv += ["--trust", str(tmp_path / "trust")]
    return argv + list(extra)


def _claims(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def _sign(claims: dict, key, kid: str, typ: str = "JWT") -> str:
    header = {"alg": "RS256", "typ": typ, "kid": kid}
    return jws.serialize_compact(header, json.dumps(claims).encode(), key, algorithms=["RS256"])


def _did_document(did: str, key, kid: str) -> dict:
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"],
        "id": did,
        "verificationMethod": [
            {
                "id": f"{did}#{kid}",
                "type": "JsonWebKey",
                "controller": did,
                "publicKeyJwk": {**key.as_dict(private=False), "kid": kid},
            }
        ],
        "assertionMethod": [f"{did}#{kid}"],
    }


def _run(argv, capsys) -> tuple[int, str]:
    code = offline.main([str(a) for a in argv])
    return code, capsys.readouterr().out


# --- valid ---------------------------------------------------------------------


def test_a_credential_verifies_against_the_pinned_did_document(files, capsys):
    code, out = _run(_args(files), capsys)
    assert code == 0
    assert f"valid: a valid credential issued by {OUR_DID}" in out
    assert "key from the pinned DID document" in out
    assert "Lotte Peeters" in out and "not revoked" in out


def test_a_did_document_file_naming_the_issuer_is_trusted(files, trust, capsys):
    did_file = next(trust.glob("*.json"))
    code, out = _run(_args(files, "--did-document", did_file, trust=False), capsys)
    assert code == 0
    assert "key from the DID document you gave" in out


def test_the_bundled_directory_is_trusted_by_default(files, trust, monkeypatch, capsys):
    monkeypatch.setattr(offline, "BUNDLED_TRUST", trust)
    assert _run(_args(files, trust=False), capsys)[0] == 0


def test_the_exported_did_document_is_the_one_served(client, certificate, capsys):
    call_command("export_issuer_did")
    assert json.loads(capsys.readouterr().out) == client.get("/.well-known/did.json").json()


def test_typ_jwt_and_vc_jwt_are_both_accepted(files, certificate, capsys):
    key = keys.private_key(certificate.signing_key)
    kid = credentials.key_id(certificate.signing_key)
    for typ in ("JWT", "vc+jwt"):
        token = _sign(_claims(certificate.credential_jwt), key, kid, typ=typ)
        (files / "cred.jwt").write_text(token)
        assert _run(_args(files), capsys)[0] == 0, typ


def test_another_typ_is_not_a_vc_jwt(files, certificate, capsys):
    key = keys.private_key(certificate.signing_key)
    token = _sign(
        _claims(certificate.credential_jwt),
        key,
        credentials.key_id(certificate.signing_key),
        "at+jwt",
    )
    (files / "cred.jwt").write_text(token)
    code, out = _run(_args(files), capsys)
    assert code == 1 and "invalid: typ 'at+jwt'" in out


def test_methods_that_are_not_rsa_jwks_are_skipped(files, trust, capsys):
    did_file = next(trust.glob("*.json"))
    document = json.loads(did_file.read_text())
    multikey = {
        "id": f"{OUR_DID}#ed25519",
        "type": "Multikey",
        "controller": OUR_DID,
        "publicKeyMultibase": "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
    }
    document["verificationMethod"].insert(0, multikey)
    document["assertionMethod"].insert(0, multikey["id"])
    document["assertionMethod"].append({"id": "#embedded", "type": "Multikey"})
    did_file.write_text(json.dumps(document))
    assert _run(_args(files), capsys)[0] == 0


def test_a_credential_verifies_after_the_key_rotated(files, tmp_path, capsys):
    services.signing_key_rotate()
    trust = tmp_path / "trust"
    call_command("export_issuer_did", "--output", str(trust))
    assert _run(_args(files), capsys)[0] == 0


# --- forgeries -----------------------------------------------------------------


def test_our_issuer_signed_with_an_attackers_key_is_rejected(
    files, certificate, attacker_key, capsys
):
    forged = _sign(_claims(certificate.credential_jwt), attacker_key, f"{OUR_DID}#attacker")
    (files / "cred.jwt").write_text(forged)
    code, out = _run(_args(files), capsys)
    assert code == 1
    assert "invalid: not signed by a key of did:web:testserver" in out
    assert "valid: a valid" not in out


def test_our_issuer_with_the_attackers_own_did_document_is_rejected(
    files, certificate, attacker_key, capsys
):
    forged = _sign(_claims(certificate.credential_jwt), attacker_key, f"{OUR_DID}#attacker")
    (files / "cred.jwt").write_text(forged)
    # The attacker's document says it is ours: our pinned one disagrees.
    fake = files / "fake-did.json"
    fake.write_text(json.dumps(_did_document(OUR_DID, attacker_key, "attacker")))
    code, out = _run(_args(files, "--did-document", fake), capsys)
    assert code == 1
    assert "untrusted: the key did:web:testserver#attacker is in a DID document you gave" in out


def test_a_did_document_of_another_did_is_never_trusted_for_ours(
    files, certificate, attacker_key, capsys
):
    forged = _sign(_claims(certificate.credential_jwt), attacker_key, f"{OUR_DID}#attacker")
    (files / "cred.jwt").write_text(forged)
    theirs = files / "their-did.json"
    theirs.write_text(json.dumps(_did_document(ATTACKER_DID, attacker_key, "attacker")))
    code, out = _run(_args(files, "--did-document", theirs, trust=False), capsys)
    assert code == 1
    assert f"is the DID document of {ATTACKER_DID}, but the credential names {OUR_DID}" in out


def test_a_key_file_is_not_accepted_at_all(files, attacker_key, capsys):
    jwks = files / "keys.json"
    jwks.write_text(json.dumps({"keys": [attacker_key.as_dict(private=False)]}))
    with pytest.raises(SystemExit) as exited:
        offline.main(_args(files, "--jwks", str(jwks)))
    assert exited.value.code == 2


def test_the_attackers_own_credential_is_not_trusted_against_our_did(
    files, certificate, attacker_key, capsys
):
    claims = _claims(certificate.credential_jwt)
    claims["iss"] = ATTACKER_DID
    claims["issuer"] = {**claims["issuer"], "id": ATTACKER_DID}
    token = _sign(claims, attacker_key, f"{ATTACKER_DID}#attacker")
    (files / "cred.jwt").write_text(token)
    code, out = _run(_args(files), capsys)
    assert code == 1
    assert f"untrusted: issuer not trusted: no pinned DID document of {ATTACKER_DID}" in out
    assert "Digiskills" not in out  # the name it claims is never printed as verified


def test_an_issuer_name_that_disagrees_with_iss_is_rejected(files, certificate, capsys):
    key = keys.private_key(certificate.signing_key)
    claims = _claims(certificate.credential_jwt)
    claims["issuer"] = {**claims["issuer"], "id": ATTACKER_DID}
    (files / "cred.jwt").write_text(_sign(claims, key, credentials.key_id(certificate.signing_key)))
    code, out = _run(_args(files), capsys)
    assert code == 1 and "iss (did:web:testserver) and issuer (did:web:attacker.example)" in out


def test_a_key_id_of_another_did_is_rejected(files, certificate, attacker_key, capsys):
    forged = _sign(_claims(certificate.credential_jwt), attacker_key, f"{ATTACKER_DID}#k")
    (files / "cred.jwt").write_text(forged)
    code, out = _run(_args(files), capsys)
    assert code == 1 and "is not a key of the issuer did:web:testserver" in out


def test_a_tampered_credential_has_a_bad_signature(files, certificate, capsys):
    (files / "cred.jwt").write_text(tamper_payload(certificate.credential_jwt, name="Forged"))
    code, out = _run(_args(files), capsys)
    assert code == 1 and "invalid: bad signature" in out


def test_without_any_trusted_did_document_nothing_verifies(files, capsys):
    code, out = _run(_args(files, trust=False), capsys)
    assert code == 1 and "untrusted: issuer not trusted" in out


def test_garbage_is_not_a_credential(files, capsys):
    (files / "cred.jwt").write_text("hello")
    code, out = _run(_args(files), capsys)
    assert code == 1 and "not a signed credential" in out


def test_an_unreadable_input_exits_2(files, capsys):
    code, out = _run([files / "missing.jwt", "--trust", files / "trust"], capsys)
    assert code == 2 and out.startswith("cannot read")
    code, out = _run(_args(files, "--did-document", files / "status.jwt", trust=False), capsys)
    assert code == 2


# --- status lists -------------------------------------------------------------


def test_a_revoked_credential_is_revoked(files, client, certificate, learner, capsys):
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Fraud")
    _write_status(files, client, certificate)
    code, out = _run(_args(files), capsys)
    assert code == 1 and "revoked: revoked by did:web:testserver" in out


def test_a_stale_status_list_says_get_a_fresh_one(files, certificate, capsys):
    old = credentials.status_list_credential(
        status_list_id=certificate.status_list_id,
        revoked=[],
        signing_key=certificate.signing_key,
        now=timezone.now() - credentials.STATUS_LIST_VALIDITY - timedelta(minutes=1),
    )
    (files / "status.jwt").write_text(old)
    code, out = _run(_args(files), capsys)
    assert code == 3
    assert "stale: the status list was valid until" in out and "get a fresh status list" in out


def test_the_status_list_turns_stale_at_its_valid_until(files, certificate):
    token = certificate.credential_jwt
    status = (files / "status.jwt").read_text()
    sources = offline.pinned_sources(files / "trust")
    until = offline.timestamp(_claims(status)["validUntil"])
    assert offline.verify(token, sources, status, now=until - 1)[-1][0] == "valid"
    assert offline.verify(token, sources, status, now=until)[-1][0] == "stale"


def test_a_status_list_without_valid_until_is_stale(files, certificate, capsys):
    claims = _claims((files / "status.jwt").read_text())
    for claim in ("validUntil", "exp"):
        claims.pop(claim)
    (files / "status.jwt").write_text(credentials.sign(claims, certificate.signing_key))
    code, out = _run(_args(files), capsys)
    assert code == 3 and "carries no validFrom/validUntil" in out


def test_without_a_status_list_revocation_is_not_checked(files, capsys):
    code, out = _run([files / "cred.jwt", "--trust", files / "trust"], capsys)
    assert code == 3
    assert "unchecked: revocation not checked: get the status list http://testserver/" in out


def test_a_status_list_signed_by_another_key_does_not_unrevoke(
    files, client, certificate, learner, attacker_key, capsys
):
    services.certificate_revoke(certificate=certificate, actor=learner, reason="Fraud")
    clean = _claims(
        client.get(f"/certificates/status/{certificate.status_list_id}").content.decode()
    )
    clean["credentialSubject"]["encodedList"] = credentials.bitstring_encode([])
    (files / "status.jwt").write_text(_sign(clean, attacker_key, f"{OUR_DID}#attacker"))
    code, out = _run(_args(files), capsys)
    assert code == 1 and "not signed by a key of did:web:testserver" in out


def test_a_status_list_of_another_issuer_is_rejected(files, certificate, attacker_key, capsys):
    claims = _claims((files / "status.jwt").read_text())
    claims["iss"] = claims["issuer"] = ATTACKER_DID
    (files / "status.jwt").write_text(_sign(claims, attacker_key, f"{ATTACKER_DID}#a"))
    theirs = files / "trust" / "attacker.json"
    theirs.write_text(json.dumps(_did_document(ATTACKER_DID, attacker_key, "a")))
    code, out = _run(_args(files), capsys)
    assert code == 1
    assert f"the status list is signed by {ATTACKER_DID}, not by the issuer {OUR_DID}" in out


def test_another_status_list_than_the_one_named_is_rejected(files, certificate, capsys):
    other = credentials.status_list_credential(
        status_list_id=certificate.status_list_id + 1,
        revoked=[],
        signing_key=certificate.signing_key,
        now=timezone.now(),
    )
    (files / "status.jwt").write_text(other)
    code, out = _run(_args(files), capsys)
    assert code == 1 and "the credential names http://testserver/certificates/status/" in out


def test_a_status_list_given_as_the_credential_is_not_a_certificate(files, capsys):
    (files / "cred.jwt").write_text((files / "status.jwt").read_text())
    code, out = _run(_args(files), capsys)
    assert code == 1
    assert "not a certificate: this is a status list, not a certificate" in out
    assert "valid: " not in out.replace("invalid: ", "")


def test_a_status_index_outside_the_list_is_invalid():
    with pytest.raises(offline.Rejected) as rejected:
        offline.bit(credentials.bitstring_encode([]), 10**9)
    assert rejected.value.verdict == "invalid"


# --- expiry ------------------------------------------------------------------------


def test_an_expired_credential_is_expired(files, certificate):
    sources = offline.pinned_sources(files / "trust")
    status = (files / "status.jwt").read_text()
    later = certificate.expires_at.timestamp() + 1
    last = offline.verify(certificate.credential_jwt, sources, status, now=later)[-1]
    assert last[0] == "expired" and offline.EXIT_CODES["expired"] == 1


def test_a_credential_not_yet_valid_is_invalid(files, certificate):
    sources = offline.pinned_sources(files / "trust")
    status = (files / "status.jwt").read_text()
    before = certificate.issued_at.timestamp() - 3600
    last = offline.verify(certificate.credential_jwt, sources, status, now=before)[-1]
    assert last[0] == "invalid" and "not valid before" in last[1]


# --- --resolve -------------------------------------------------------------------


def test_resolve_fetches_the_did_web_document_only_when_asked(
    files, client, certificate, monkeypatch, capsys
):
    fetched = []

    def fetch(url):
        fetched.append(url)
        return client.get("/.well-known/did.json").content

    monkeypatch.setattr(offline, "fetch_url", fetch)
    code, out = _run(_args(files, "--resolve", trust=False), capsys)
    assert code == 0
    assert fetched == ["https://testserver/.well-known/did.json"]
    assert "DID document resolved from https://testserver/.well-known/did.json" in out


def test_a_resolved_document_of_another_did_is_refused(files, monkeypatch, capsys, attacker_key):
    monkeypatch.setattr(
        offline,
        "fetch_url",
        lambda url: json.dumps(_did_document(ATTACKER_DID, attacker_key, "a")).encode(),
    )
    code, out = _run(_args(files, "--resolve", trust=False), capsys)
    assert code == 2 and "is not the DID document of did:web:testserver" in out


@pytest.mark.parametrize(
    ("did", "url"),
    [
        ("did:web:example.be", "https://example.be/.well-known/did.json"),
        ("did:web:example.be%3A8443", "https://example.be:8443/.well-known/did.json"),
        ("did:web:example.be:issuers:42", "https://example.be/issuers/42/did.json"),
    ],
)
def test_did_web_addresses(did, url):
    assert offline.did_web_url(did) == url


def test_only_did_web_is_resolved():
    with pytest.raises(ValueError):
        offline.did_web_url("did:key:z6Mk")


# --- how it runs -------------------------------------------------------------------


def _python(*args, cwd=ROOT):
    return subprocess.run(  # noqa: S603 (our interpreter, our arguments)
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )


def test_it_runs_as_a_module_from_a_checkout_without_django(files):
    script = (
        "import runpy, sys; sys.modules['django'] = None; "  # any Django import fails
        f"sys.argv = ['offline'] + {[str(a) for a in _args(files)]!r}; "
        "runpy.run_module('certificates.offline', run_name='__main__', alter_sys=True)"
    )
    result = _python("-c", script)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"valid: a valid credential issued by {OUR_DID}" in result.stdout


def test_it_runs_as_a_file_without_shadowing_the_standard_library(files):
    result = _python("certificates/offline.py", *_args(files))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid: a valid credential" in result.stdout


def test_python_m_and_its_exit_status(files):
    (files / "status.jwt").write_text("")
    result = _python("-m", "certificates.offline", *_args(files))
    assert result.returncode == 1 and "not a signed credential" in result.stdout


def test_the_console_script_is_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["digiskills-verify"] == "certificates.offline:main"


# --- manage.py verify_credential ------------------------------------------------


def test_the_command_trusts_the_platforms_own_did_document(files, capsys):
    call_command("verify_credential", files / "cred.jwt", "--status-list", files / "status.jwt")
    out = capsys.readouterr().out
    assert "key from the pinned DID document of this platform" in out
    assert f"valid: a valid credential issued by {OUR_DID}" in out


def test_the_command_exits_1_for_a_forgery(files, certificate, attacker_key, capsys):
    forged = _sign(_claims(certificate.credential_jwt), attacker_key, f"{OUR_DID}#attacker")
    (files / "cred.jwt").write_text(forged)
    with pytest.raises(SystemExit) as exited:
        call_command("verify_credential", files / "cred.jwt", "--status-list", files / "status.jwt")
    assert exited.value.code == 1


def test_the_command_exits_2_for_a_missing_file(files, capsys):
    with pytest.raises(SystemExit) as exited:
        call_command("verify_credential", files / "nowhere.jwt")
    assert exited.value.code == 2
    assert "cannot read" in capsys.readouterr().out


def test_exit_codes_are_distinct_for_valid_not_valid_unreadable_and_stale():
    codes = offline.EXIT_CODES
    assert codes["valid"] == 0
    assert {codes[v] for v in ("revoked", "expired", "invalid", "untrusted")} == {1}
    assert codes["not a certificate"] == 1
    assert codes["cannot read"] == 2 and codes["stale"] == codes["unchecked"] == 3
    documented = " ".join(offline.__doc__.split())
    assert "0 valid; 1 not valid" in documented and "3 revocation not checked" in documented


def test_now_is_the_clock_by_default(files, certificate):
    sources = offline.pinned_sources(files / "trust")
    status = (files / "status.jwt").read_text()
    assert offline.verify(certificate.credential_jwt, sources, status)[-1][0] == "valid"
    assert time.time() < offline.timestamp(_claims(status)["validUntil"])


def _b64(data) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


@pytest.mark.parametrize(
    "change",
    [
        {"credentialSubject": ["not", "an", "object"]},
        {"credentialStatus": "not an object"},
        {"credentialStatus": {"statusListIndex": "x", "statusListCredential": 3}},
        {"issuer": ["a", "list"]},
        {"exp": "tomorrow"},
        {"type": None},
    ],
)
def test_odd_but_signed_claims_get_a_verdict_never_a_crash(files, certificate, change):
    claims = {**_claims(certificate.credential_jwt), **change}
    key = keys.private_key(certificate.signing_key)
    token = _sign(claims, key, credentials.key_id(certificate.signing_key))
    sources = offline.pinned_sources(files / "trust")
    verdict = offline.verify(token, sources, (files / "status.jwt").read_text())[-1][0]
    assert verdict in offline.EXIT_CODES and verdict != "valid"


_OURS = _b64({"iss": OUR_DID, "issuer": OUR_DID})


@pytest.mark.parametrize(
    "token",
    [
        "a.b.c",
        f"{_b64([1])}.{_b64({})}.sig",
        f"{_b64({'alg': 'none'})}.{_b64({'iss': OUR_DID, 'issuer': OUR_DID})}.",
        f"{_b64({'alg': 'RS256', 'typ': 'JWT'})}.{_b64([])}.sig",
        _b64({"alg": "RS256", "typ": "JWT", "kid": "#x"}) + "." + _OURS + ".sig",
    ],
)
def test_broken_tokens_get_a_verdict_never_a_crash(files, token):
    sources = offline.pinned_sources(files / "trust")
    assert offline.verify(token, sources, None)[-1][0] in ("invalid", "untrusted")
