"""Open Badges 3.0 credentials (W3C VC data model 2.0), signed as VC-JWT (RS256),
and W3C Bitstring Status Lists. Contexts are referenced by URL, never fetched."""

import base64
import gzip
import json
from datetime import datetime, timedelta
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.urls import reverse
from joserfc import jws

from certificates import keys
from certificates.links import absolute, verify_url
from certificates.models import STATUS_LIST_SIZE, Certificate, SigningKey

CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
DIGCOMP_URL = "https://joint-research-centre.ec.europa.eu/projects-and-activities/education-and-training/digital-transformation-education/digital-competence-framework-citizens-digcomp_en"
JWT_TYPE = "vc+jwt"
# How long a downloaded status list may be relied on. A verifier offline keeps
# one for a working day; a revocation reaches them within a day at worst (online
# verifiers fetch the list fresh: it is never cached, see views/keys.py).
STATUS_LIST_VALIDITY = timedelta(hours=24)


def issuer_did() -> str:
    """did:web of the host of SITE_URL (a port is written %3A, as did:web says)."""
    host = urlsplit(settings.SITE_URL).netloc
    return "did:web:" + quote(host, safe="")


def key_id(signing_key: SigningKey) -> str:
    return f"{issuer_did()}#{signing_key.kid}"


def did_document(public_jwks: list[dict]) -> dict:
    """The issuer's did:web document, listing every key, retired ones included."""
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
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": ids,
        "authentication": ids,
    }


def _iso(moment: datetime) -> str:
    return moment.astimezone().isoformat(timespec="seconds")


def status_list_url(status_list_id: int) -> str:
    return absolute(reverse("certificates_public:status_list", args=[status_list_id]))


def credential_build(certificate: Certificate) -> dict:
    """The OpenBadgeCredential of a certificate (English names: the four
    languages are in the PDF and on the verification page)."""
    content = certificate.content
    if certificate.show_holder_name:
        identity = {
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": False,
            "identityHash": content["holder_name"],
        }
    else:
        # A child's name never leaves the platform in a shareable document.
        identity = {
            "type": "IdentityObject",
            "identityType": "identifier",
            "hashed": False,
            "identityHash": f"urn:uuid:{certificate.public_id}",
        }
    alignments = [
        {
            "type": ["Alignment"],
            "targetType": "CFItem",
            "targetFramework": "DigComp 2.2",
            "targetCode": competence["code"],
            "targetName": f"{competence['code']} {competence['title']['en']}",
            "targetUrl": DIGCOMP_URL,
        }
        for competence in content["competences"]
    ]
    achievement_path = reverse(
        "certificates_public:achievement",
        args=[certificate.course_key, certificate.content_version],
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
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [identity],
            "achievement": {
                "id": absolute(achievement_path),
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": content["course"]["en"],
                "description": f"{content['track']['en']} · DigComp 2.2 {content['level']['en']}",
                "criteria": {"narrative": content["criteria"]["en"]},
                "alignment": alignments,
                "tag": [content["track_code"]],
            },
        },
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
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "sub": f"urn:uuid:{certificate.public_id}",
        "nbf": int(certificate.issued_at.timestamp()),
        "iat": int(certificate.issued_at.timestamp()),
    }
    if certificate.expires_at:
        claims["exp"] = int(certificate.expires_at.timestamp())
    return sign(claims, certificate.signing_key)


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
