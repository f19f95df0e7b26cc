"""Verdicts: what a code, a signed credential or a PDF says about a certificate.

Every input, however broken, ends in a `Verdict` with its own status; nothing
here raises on bad input.
"""

import base64
import binascii
import hashlib
import json
import uuid
from dataclasses import dataclass

from django.utils import timezone
from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import RSAKey

from certificates import codes, pdf_probe, selectors
from certificates.models import Certificate

VALID = "valid"
EXPIRED = "expired"
REVOKED = "revoked"
# Issued again under a new code after a name correction: revoked in the status
# list, but not "revoked" for people: the page points to the newer one.
REPLACED = "replaced"
WITHDRAWN = "withdrawn"
UNKNOWN = "unknown"
MISTYPED = "mistyped"  # the check symbol does not match: a symbol was mistyped
MALFORMED = "malformed"  # not a code at all (length, symbols)
BAD_SIGNATURE = "bad_signature"  # tampered credential
UNKNOWN_KEY = "unknown_key"  # signed by a key that is not ours
NOT_A_CREDENTIAL = "not_a_credential"
STATUS_LIST = "status_list"  # our signed status list, submitted as if a certificate
# Dropped files.
TOO_LARGE = "too_large"
NOT_PDF = "not_pdf"  # a PNG, a photo, a text file...
UNREADABLE = "unreadable"  # a broken PDF no reader can make sense of
TOO_COMPLEX = "too_complex"  # over the budget: bombs, thousands of pages, nesting
NO_CREDENTIAL = "no_credential"  # a scan, a PDF without the attached credential
# Not a file we issued (its SHA-256 is not on record) though it carries the
# credential of one of our certificates: edited, rebuilt or reprinted.
NOT_ISSUED = "not_issued"
# Signed by us, but for a code its holder has since replaced (a link shared
# further than meant): the file or credential shows nothing of the
# certificate, least of all its new code.
CODE_RENEWED = "code_renewed"

MAX_PDF_BYTES = 5 * 1024 * 1024
LANGUAGES = ("nl", "fr", "de", "en")


@dataclass
class Verdict:
    status: str
    certificate: Certificate | None = None
    signature_checked: bool = False
    # Dropped files: the language of the file (as issued, or as it claims).
    language: str | None = None
    # The file's SHA-256 is one we recorded when handing it out.
    issued_file: bool = False

    @property
    def is_valid(self) -> bool:
        return self.status == VALID


def certificate_status(certificate: Certificate, *, now=None) -> str:
    """valid, expired, revoked, replaced or withdrawn: revocation wins over
    everything (a replaced certificate is revoked for a stated reason)."""
    if certificate.revoked_at is not None:
        return REPLACED if certificate.replaced_by_id is not None else REVOKED
    if certificate.withdrawn_at is not None:
        return WITHDRAWN
    if certificate.expires_at is not None and certificate.expires_at <= (now or timezone.now()):
        return EXPIRED
    return VALID


def verify_code(typed: str) -> Verdict:
    """Check the check symbol first (no lookup for a mistyped code), then look up."""
    code = codes.normalise(typed)
    if code is None:
        return Verdict(MALFORMED)
    if not codes.is_well_formed(code):
        return Verdict(MISTYPED)
    certificate = selectors.certificate_for_code(code=code)
    if certificate is None:
        return Verdict(UNKNOWN)
    return Verdict(certificate_status(certificate), certificate)


def _b64json(part: str) -> dict:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def verify_jwt(token: str) -> Verdict:
    """Check a VC-JWT: our key, an intact signature, a certificate we know, its status."""
    token = (token or "").strip()
    parts = token.split(".")
    if len(parts) != 3:
        return Verdict(NOT_A_CREDENTIAL)
    try:
        header = _b64json(parts[0])
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return Verdict(NOT_A_CREDENTIAL)
    if not isinstance(header, dict) or header.get("alg") != "RS256":
        return Verdict(NOT_A_CREDENTIAL)
    kid = str(header.get("kid", "")).rsplit("#", 1)[-1]
    jwk = next((k for k in selectors.signing_keys_public() if k.get("kid") == kid), None)
    if jwk is None:
        return Verdict(UNKNOWN_KEY)
    try:
        signed = jws.deserialize_compact(token, RSAKey.import_key(jwk), algorithms=["RS256"])
        claims = json.loads(signed.payload)
    except (JoseError, ValueError, UnicodeDecodeError):
        return Verdict(BAD_SIGNATURE)
    if not isinstance(claims, dict):
        return Verdict(NOT_A_CREDENTIAL)
    kinds = claims.get("type") if isinstance(claims.get("type"), list) else [claims.get("type")]
    if "BitstringStatusListCredential" in kinds:
        # Signed by us, but it says which certificates are revoked, not who holds one.
        return Verdict(STATUS_LIST, signature_checked=True)
    credential_id = str(claims.get("jti") or claims.get("id") or "")
    try:
        public_id = uuid.UUID(credential_id.removeprefix("urn:uuid:"))
        certificate = selectors.certificate_for_public_id(public_id=str(public_id))
    except (ValueError, TypeError):
        certificate = None
    if certificate is None:
        return Verdict(UNKNOWN, signature_checked=True)
    printed = _credential_code(claims)
    if printed is not None and printed != certificate.code:
        return Verdict(CODE_RENEWED, signature_checked=True)
    return Verdict(certificate_status(certificate), certificate, signature_checked=True)


def _credential_code(claims: dict) -> str | None:
    """The verification code a credential carries (its evidence names it),
    normalised; None when it carries none (then nothing to compare)."""
    evidence = claims.get("evidence")
    if not isinstance(evidence, list):
        return None
    for item in evidence:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            code = codes.normalise(item["name"])
            if code is not None:
                return code
    return None


def verify_pdf(data: bytes) -> Verdict:
    """Check a dropped file within a fixed budget. Its SHA-256 first: exactly a
    file we issued has the certificate's own status. Any other file is never
    valid: when its attached credential is one of our certificates, the verdict
    says the file is not one we issued and names the certificate; otherwise
    what is wrong with it. Page contents are never read."""
    if len(data) > MAX_PDF_BYTES:
        return Verdict(TOO_LARGE)
    if not data.startswith(b"%PDF-"):
        return Verdict(NOT_PDF)
    issued = selectors.issued_file_for_sha256(sha256=hashlib.sha256(data).hexdigest())
    if issued is not None:
        certificate = issued.certificate
        return Verdict(
            certificate_status(certificate), certificate, language=issued.language, issued_file=True
        )
    found = pdf_probe.probe(data)
    if found.outcome == pdf_probe.TOO_COMPLEX:
        return Verdict(TOO_COMPLEX)
    if found.outcome == pdf_probe.UNREADABLE:
        return Verdict(UNREADABLE)
    if found.outcome == pdf_probe.NONE:
        return Verdict(NO_CREDENTIAL)
    try:
        token = found.credential.decode("ascii")
    except UnicodeDecodeError:
        return Verdict(NOT_A_CREDENTIAL)
    verdict = verify_jwt(token)
    if verdict.certificate is None:
        return verdict
    language = found.language.split("-")[0].lower()
    return Verdict(
        NOT_ISSUED,
        verdict.certificate,
        signature_checked=True,
        language=language if language in LANGUAGES else verdict.certificate.language,
    )
