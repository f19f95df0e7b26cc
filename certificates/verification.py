"""Verdicts: what a code, a signed credential or a PDF says about a certificate.

Every input, however broken, ends in a `Verdict` with its own status; nothing
here raises on bad input.
"""

import base64
import binascii
import io
import json
from dataclasses import dataclass, field

from django.utils import timezone
from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import RSAKey

from certificates import codes, selectors
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
NOT_PDF = "not_pdf"
NO_CREDENTIAL = "no_credential"  # a PDF without the attached credential
EDITED = "edited"  # the PDF's text differs from the record

MAX_PDF_BYTES = 5 * 1024 * 1024


@dataclass
class FieldCheck:
    key: str
    label: str
    on_pdf: tuple[str, ...]
    on_record: tuple[str, ...]

    @property
    def matches(self) -> bool:
        return self.on_pdf == self.on_record


@dataclass
class Verdict:
    status: str
    certificate: Certificate | None = None
    signature_checked: bool = False
    fields: list[FieldCheck] = field(default_factory=list)
    unexpected_text: list[str] = field(default_factory=list)

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
    public_id = credential_id.removeprefix("urn:uuid:")
    try:
        certificate = selectors.certificate_for_public_id(public_id=public_id)
    except (ValueError, TypeError):
        certificate = None
    if certificate is None:
        return Verdict(UNKNOWN, signature_checked=True)
    return Verdict(certificate_status(certificate), certificate, signature_checked=True)


def _pdf_lines(reader) -> list[str]:
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _compare(certificate: Certificate, lines: list[str]) -> tuple[list[FieldCheck], list[str]]:
    from certificates.pdf import pdf_fields

    # The language is the one whose labels and values the PDF carries most of.
    best = None
    present = set(lines)
    for language in ("nl", "fr", "de", "en"):
        expected = pdf_fields(certificate, language)
        hits = sum(f.label in present for f in expected) + sum(
            value in present for f in expected for value in f.values
        )
        if best is None or hits > best[0]:
            best = (hits, expected)
    expected = best[1]
    labels = {f.label: f for f in expected}
    found: dict[str, list[str]] = {}
    current = None
    unexpected: list[str] = []
    for line in lines:
        if line in labels:
            current = labels[line].key
            found.setdefault(current, [])
        elif current is not None and len(found[current]) < len(
            next(f for f in expected if f.key == current).values
        ):
            found[current].append(line)
        else:
            current = None
            unexpected.append(line)
    checks = [
        FieldCheck(f.key, f.label, tuple(found.get(f.key, ())), tuple(f.values)) for f in expected
    ]
    return checks, unexpected


def _fixed_lines(certificate: Certificate) -> set[str]:
    from django.utils import translation
    from django.utils.translation import gettext as _

    from certificates.links import verify_url

    lines = {verify_url(certificate.code)}
    for language in ("nl", "fr", "de", "en"):
        with translation.override(language):
            lines |= {
                _("Certificate"),
                _("Scan or visit to check this certificate:"),
                _("The signed credential (Open Badges 3.0, VC-JWT) is attached to this file."),
            }
    return lines


def verify_pdf(data: bytes) -> Verdict:
    """Check a dropped PDF: the attached credential, then every printed field
    against the record, so that an edited PDF cannot pass."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.startswith(b"%PDF-") or len(data) > MAX_PDF_BYTES:
        return Verdict(NOT_PDF)
    try:
        reader = PdfReader(io.BytesIO(data))
        attachments = reader.attachments
        attached = attachments.get("credential.jwt") or []
        lines = _pdf_lines(reader)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return Verdict(NOT_PDF)
    if not attached:
        return Verdict(NO_CREDENTIAL)
    try:
        token = attached[0].decode("ascii")
    except UnicodeDecodeError:
        return Verdict(NOT_A_CREDENTIAL)
    verdict = verify_jwt(token)
    if verdict.certificate is None:
        return verdict
    fixed = _fixed_lines(verdict.certificate)
    checks, unexpected = _compare(verdict.certificate, [ln for ln in lines if ln not in fixed])
    verdict.fields = checks
    verdict.unexpected_text = unexpected
    if verdict.status == VALID and (unexpected or not all(c.matches for c in checks)):
        verdict.status = EDITED
    return verdict
