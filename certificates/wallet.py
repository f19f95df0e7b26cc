"""Add to wallet: a short-lived capability URL for one certificate, in the two
shapes the Learner Credential Wallet (LCW) understands, as read in its source
(digitalcredentials/learner-credential-wallet, app/lib/decode.ts, exchanges.ts,
screens/ExchangeCredentials):

- GET returns the Data Integrity credential as JSON: LCW's in-app QR scanner
  and "Add from URL" fetch an https URL and import the VerifiableCredential.
- POST is a VC-API exchange, opened by the deep link
  `dccrequest://request?request={"credentialRequestOrigin", "protocols": {"vcapi": url}}`:
  `{}` -> a VerifiablePresentationRequest for DIDAuthentication (challenge,
  domain, interact service = the same URL); `{"verifiablePresentation": VP}`
  signed by the wallet's did:key -> `{"verifiablePresentation":
  {"verifiableCredential": [credential]}}` whose credentialSubject.id is the
  wallet's DID. A bare VP (LCW's older `vc_request_url` request) gets the
  bare credential.
"""

import json
import secrets
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core import signing
from django.urls import reverse

from certificates import credentials, keys
from certificates.links import absolute

EXCHANGE_MAX_AGE = 15 * 60
_SALT = "certificates.wallet.exchange"
DID_KEY_PREFIX = "did:key:z6Mk"
PROOF_TYPES = ("Ed25519Signature2020", "DataIntegrityProof")


class DidAuthError(Exception):
    """The wallet's DID Authentication presentation does not hold."""


def exchange_token(public_id) -> str:
    """A signed, expiring token naming the certificate and a fresh challenge."""
    return signing.dumps({"c": str(public_id), "n": secrets.token_urlsafe(16)}, salt=_SALT)


def exchange_read(token: str) -> tuple[str, str]:
    """(certificate public id, challenge); raises signing.SignatureExpired when
    too old, signing.BadSignature when forged."""
    data = signing.loads(token, salt=_SALT, max_age=EXCHANGE_MAX_AGE)
    return data["c"], data["n"]


def exchange_url(token: str) -> str:
    return absolute(reverse("certificates_public:wallet_exchange", args=[token]))


def domain() -> str:
    return urlsplit(settings.SITE_URL).netloc


def deep_link(url: str) -> str:
    """LCW's deep link to a VC-API exchange (the CHAPI-style `request` parameter)."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(settings.SITE_URL))
    request = {"credentialRequestOrigin": origin, "protocols": {"vcapi": url}}
    return "dccrequest://request?" + urlencode(
        {"request": json.dumps(request, separators=(",", ":"))}
    )


def presentation_request(url: str, challenge: str) -> dict:
    """The exchange's first answer: prove control of a DID (did:key)."""
    return {
        "verifiablePresentationRequest": {
            "query": [{"type": "DIDAuthentication", "acceptedMethods": [{"method": "key"}]}],
            "challenge": challenge,
            "domain": domain(),
            "interact": {
                "service": [
                    {"type": "UnmediatedHttpPresentationService2021", "serviceEndpoint": url}
                ]
            },
        }
    }


def _did_key_public(did: str) -> bytes:
    fingerprint = did.removeprefix("did:key:")
    try:
        raw = keys.base58btc_decode(fingerprint[1:])
    except ValueError as error:
        raise DidAuthError("not a did:key") from error
    if not fingerprint.startswith("z") or raw[:2] != b"\xed\x01" or len(raw) != 34:
        raise DidAuthError("not an Ed25519 did:key")
    return raw[2:]


def did_auth_holder(presentation, *, challenge: str) -> str:
    """The DID a wallet proved it controls: a presentation with one
    authentication proof by the did:key `holder`, over our challenge (and
    domain if given), Ed25519Signature2020 or eddsa-rdfc-2022."""
    if not isinstance(presentation, dict) or "VerifiablePresentation" not in (
        presentation.get("type") or []
    ):
        raise DidAuthError("not a verifiable presentation")
    holder = presentation.get("holder")
    if isinstance(holder, dict):
        holder = holder.get("id")
    if not isinstance(holder, str) or not holder.startswith(DID_KEY_PREFIX):
        raise DidAuthError("the holder is not a did:key")
    proofs = presentation.get("proof")
    proof = proofs[0] if isinstance(proofs, list) and len(proofs) == 1 else proofs
    if not isinstance(proof, dict) or proof.get("type") not in PROOF_TYPES:
        raise DidAuthError("no proof of a supported type")
    if proof["type"] == "DataIntegrityProof" and proof.get("cryptosuite") != "eddsa-rdfc-2022":
        raise DidAuthError("unsupported cryptosuite")
    if proof.get("proofPurpose") != "authentication":
        raise DidAuthError("the proof is not for authentication")
    if proof.get("challenge") != challenge:
        raise DidAuthError("wrong challenge")
    if "domain" in proof and proof["domain"] != domain():
        raise DidAuthError("wrong domain")
    fingerprint = holder.removeprefix("did:key:")
    if proof.get("verificationMethod") != f"{holder}#{fingerprint}":
        raise DidAuthError("the proof is not by the holder's key")
    if not credentials.proof_verify(presentation, proof, public_raw=_did_key_public(holder)):
        raise DidAuthError("the signature does not verify")
    return holder
