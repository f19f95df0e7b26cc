"""Open Badges 3.0 credentials (W3C VC data model 2.0), signed as VC-JWT (RS256)
and with a Data Integrity proof (eddsa-rdfc-2022), and W3C Bitstring Status
Lists. Contexts are referenced by URL and bundled (`linked_data`), never fetched."""

import base64
import gzip
import hashlib
import hmac
import json
import uuid
from datetime import datetime, timedelta
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.urls import reverse
from joserfc import jws

from certificates import keys, linked_data
from certificates.dates import issuer_datetime
from certificates.links import absolute, verify_url
from certificates.models import STATUS_LIST_SIZE, Certificate, SigningKey

CONTEXTS = [linked_data.CREDENTIALS_V2, linked_data.OPEN_BADGES_V3]
DIGCOMP_URL = "https://joint-research-centre.ec.europa.eu/projects-and-activities/education-and-training/digital-transformation-education/digital-competence-framework-citizens-digcomp_en"
# How long a downloaded status list may be relied on. A verifier offline keeps
# one for a working day; a revocation reaches them within a day at worst (online
# verifiers fetch the list fresh: it is never cached, see views/keys.py).
STATUS_LIST_VALIDITY = timedelta(hours=24)
# OB 3.0, VC-JWT proof format: the JOSE header's typ MUST be "JWT".
JWT_TYPE = "JWT"
CRYPTOSUITE = "eddsa-rdfc-2022"


def issuer_did() -> str:
    """did:web of the host of SITE_URL (a port is written %3A, as did:web says)."""
    host = urlsplit(settings.SITE_URL).netloc
    return "did:web:" + quote(host, safe="")


def key_id(signing_key: SigningKey) -> str:
    return f"{issuer_did()}#{signing_key.kid}"


def pairwise_subject_id(holder_id: int) -> str:
    """A `urn:uuid` naming the holder to this issuer only: an HMAC of the issuer
    and the account id under the platform secret, so it cannot be guessed from
    the user id. Stored on each certificate (`subject_id`) once issued."""
    secret = (settings.CERTIFICATES_KEY_SECRET or settings.SECRET_KEY).encode()
    message = f"digiskills pairwise subject v1|{issuer_did()}|{holder_id}".encode()
    raw = bytearray(hmac.new(secret, message, hashlib.sha256).digest()[:16])
    raw[6] = (raw[6] & 0x0F) | 0x80  # RFC 9562 version 8 (custom)
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 9562 variant
    return f"urn:uuid:{uuid.UUID(bytes=bytes(raw))}"


def did_document(public_jwks: list[dict], data_integrity_jwks: list[dict] = ()) -> dict:
    """The issuer's did:web document, listing every key, retired ones included:
    the RSA keys of the VC-JWT as JsonWebKey, the Ed25519 keys of the Data
    Integrity proofs as Multikey."""
    did = issuer_did()
    methods = [
        {
            "id": f"{did}#{jwk['kid']}",
            "type": "JsonWebKey",
            "controller": did,
            "publicKeyJwk": {k: v for k, v in jwk.items() if k in ("kty", "n", "e", "kid", "alg")},
        }
        for jwk in public_jwks
    ]
    ids = [method["id"] for method in methods]
    multikeys = [
        {
            "id": f"{did}#{jwk['kid']}",
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": keys.ed25519_public_multibase(jwk),
        }
        for jwk in data_integrity_jwks
    ]
    contexts = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"]
    if multikeys:
        contexts.append(linked_data.MULTIKEY_V1)
    return {
        "@context": contexts,
        "id": did,
        "verificationMethod": methods + multikeys,
        "assertionMethod": ids + [method["id"] for method in multikeys],
        "authentication": ids,
    }


def _iso(moment: datetime) -> str:
    """ISO 8601 in Brussels time with its offset (+01:00 or +02:00)."""
    return issuer_datetime(moment).isoformat(timespec="seconds")


def status_list_url(status_list_id: int) -> str:
    return absolute(reverse("certificates_public:status_list", args=[status_list_id]))


def achievement_build(*, content: dict, course_key, version: int, language: str) -> dict:
    """The OB 3.0 Achievement of a course version in one language (frozen texts
    of a certificate of it); its id is the URL of its public page."""
    alignments = [
        {
            "type": ["Alignment"],
            "targetFramework": "DigComp 2.2",
            "targetCode": competence["code"],
            "targetName": f"{competence['code']} "
            + (competence["title"].get(language) or competence["title"]["en"]),
            "targetUrl": DIGCOMP_URL,
        }
        for competence in content["competences"]
    ]

    def text(field: str) -> str:
        return content[field].get(language) or content[field]["en"]

    return {
        "id": achievement_url(course_key, version),
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": text("course"),
        "description": f"{text('track')} · DigComp 2.2 {text('level')}",
        "criteria": {"narrative": text("criteria")},
        "alignment": alignments,
        "tag": [content["track_code"]],
        "inLanguage": language,
    }


def achievement_url(course_key, version: int) -> str:
    return absolute(reverse("certificates_public:achievement", args=[course_key, version]))


def credential_build(certificate: Certificate) -> dict:
    """The OpenBadgeCredential of a certificate (English names: the four
    languages are in the PDF and on the verification page). The subject is
    the holder's pairwise id (`subject_id`) when the certificate has one."""
    content = certificate.content
    if certificate.holder_name:
        identity = {
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": False,
            "identityHash": content["holder_name"],
        }
    else:
        # Erased: the person's name never leaves the platform again.
        identity = {
            "type": "IdentityObject",
            "identityType": "identifier",
            "hashed": False,
            "identityHash": f"urn:uuid:{certificate.public_id}",
        }
    subject = {"type": ["AchievementSubject"]}
    if certificate.subject_id:
        subject["id"] = certificate.subject_id
    subject["identifier"] = [identity]
    subject["achievement"] = achievement_build(
        content=content,
        course_key=certificate.course_key,
        version=certificate.content_version,
        language="en",
    )
    verify_link = verify_url(certificate.code)
    credential = {
        "@context": CONTEXTS,
        "id": f"urn:uuid:{certificate.public_id}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": content["course"]["en"],
        "issuer": {
            "id": issuer_did(),
            "type": ["Profile"],
            "name": content["issuer"],
            "url": settings.SITE_URL,
        },
        "validFrom": _iso(certificate.issued_at),
        "credentialSubject": subject,
        "credentialStatus": {
            "id": f"{status_list_url(certificate.status_list_id)}#{certificate.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(certificate.status_index),
            "statusListCredential": status_list_url(certificate.status_list_id),
        },
        "evidence": [{"id": verify_link, "type": ["Evidence"], "name": certificate.display_code}],
    }
    if certificate.expires_at:
        credential["validUntil"] = _iso(certificate.expires_at)
    return credential


def sign(payload: dict, signing_key: SigningKey) -> str:
    """A compact JWS (VC-JOSE: the credential is the payload) with the JWT claims
    OB 3.0 asks of a VC-JWT."""
    header = {"alg": "RS256", "typ": JWT_TYPE, "kid": key_id(signing_key)}
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    return jws.serialize_compact(header, body, keys.private_key(signing_key), algorithms=["RS256"])


def credential_sign(credential: dict, *, certificate: Certificate) -> str:
    """The VC-JWT as OB 3.0 asks: `iss` the issuer, `jti` the credential id,
    `sub` the subject's id (the credential id only for certificates issued
    before subjects had one), nbf/iat the issue date, exp the end of validity."""
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "sub": credential["credentialSubject"].get("id") or credential["id"],
        "nbf": int(certificate.issued_at.timestamp()),
        "iat": int(certificate.issued_at.timestamp()),
    }
    if certificate.expires_at:
        claims["exp"] = int(certificate.expires_at.timestamp())
    return sign(claims, certificate.signing_key)


def _di_hash(document: dict) -> bytes:
    return hashlib.sha256(linked_data.canonize(document).encode()).digest()


def credential_di_sign(credential: dict, *, signing_key: SigningKey, created: datetime) -> dict:
    """The credential with an embedded DataIntegrityProof, cryptosuite
    eddsa-rdfc-2022 (W3C Data Integrity EdDSA Cryptosuites v1.0, §3.3): the
    proof options and the document are each canonicalised (RDFC-1.0) and
    hashed (SHA-256); the Ed25519 signature of options hash + document hash
    is the proofValue, base58btc multibase. `proof` is a list, as the OB 3.0
    schema asks."""
    unsecured = {key: value for key, value in credential.items() if key != "proof"}
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": _iso(created),
        "verificationMethod": key_id(signing_key),
        "proofPurpose": "assertionMethod",
    }
    to_sign = _di_hash({"@context": unsecured["@context"], **options}) + _di_hash(unsecured)
    signature = keys.ed25519_sign(signing_key, to_sign)
    proof = {**options, "proofValue": "z" + keys.base58btc(signature)}
    return {**unsecured, "proof": [proof]}


def credential_di_verify(document: dict, public_jwk: dict) -> bool:
    """Our own check of an eddsa-rdfc-2022 proof with one public key (the test
    suite also checks with Digital Bazaar's verifier)."""
    proofs = document.get("proof") or []
    proof = proofs[0] if isinstance(proofs, list) and len(proofs) == 1 else proofs
    if not isinstance(proof, dict) or proof.get("cryptosuite") != CRYPTOSUITE:
        return False
    raw = base64.urlsafe_b64decode(public_jwk["x"] + "=" * (-len(public_jwk["x"]) % 4))
    return proof_verify(document, proof, public_raw=raw)


def proof_verify(document: dict, proof: dict, *, public_raw: bytes) -> bool:
    """Check one Ed25519 proof over RDFC-1.0 canonical forms (eddsa-rdfc-2022,
    and Ed25519Signature2020, which hashes the same way): the proof options
    take the document's @context; the signature covers options hash +
    document hash. Contexts outside the bundle make it fail, never fetch."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from pyld.jsonld import JsonLdError

    value = str(proof.get("proofValue", ""))
    if not value.startswith("z"):
        return False
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    unsecured = {key: v for key, v in document.items() if key != "proof"}
    try:
        to_check = _di_hash({"@context": unsecured.get("@context"), **options}) + _di_hash(
            unsecured
        )
        Ed25519PublicKey.from_public_bytes(public_raw).verify(
            keys.base58btc_decode(value[1:]), to_check
        )
    except (InvalidSignature, JsonLdError, ValueError, TypeError):
        return False
    return True


def bitstring_encode(indexes: list[int], size: int = STATUS_LIST_SIZE) -> str:
    """Set the bits at `indexes` (bit 0 is the left-most bit of byte 0), gzip,
    base64url without padding, with the multibase `u` prefix."""
    bits = bytearray(size // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    packed = gzip.compress(bytes(bits), compresslevel=9, mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).rstrip(b"=").decode()


def bitstring_bit(encoded: str, index: int) -> bool:
    """Read one bit of an encoded list (the offline verifier has its own copy)."""
    raw = encoded[1:] if encoded.startswith("u") else encoded
    data = gzip.decompress(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    return bool(data[index // 8] & (0x80 >> (index % 8)))


def status_list_credential(
    *, status_list_id: int, revoked: list[int], signing_key: SigningKey, now: datetime
) -> str:
    """The signed BitstringStatusListCredential of one list, as a VC-JWT, valid
    for STATUS_LIST_VALIDITY from `now` (a verifier holding an older one must
    fetch it again)."""
    url = status_list_url(status_list_id)
    valid_until = now + STATUS_LIST_VALIDITY
    credential = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(),
        "validFrom": _iso(now),
        "validUntil": _iso(valid_until),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": bitstring_encode(revoked),
        },
    }
    claims = {
        **credential,
        "iss": issuer_did(),
        "jti": url,
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
        "exp": int(valid_until.timestamp()),
    }
    return sign(claims, signing_key)
