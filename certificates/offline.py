"""Check a Digiskills credential (Open Badges 3.0, VC-JWT) offline: joserfc and
the standard library only, no Django; this file may be copied anywhere.

    python -m certificates.offline credential.jwt --status-list status.jwt
    digiskills-verify credential.jwt --did-document did.json --status-list status.jwt
    python manage.py verify_credential credential.jwt --status-list status.jwt

Keys are trusted only from the DID document of the issuer DID that the
credential names, never from a key file handed over with it:

- pinned DID documents: the ones bundled in `trusted_dids/` next to this file,
  or those in `--trust DIR` (written by `manage.py export_issuer_did`);
- `--did-document FILE`: a DID document you pin yourself; its `id` must be the
  credential's issuer. When a pinned or resolved document of that DID exists,
  the key must be in that one too (a forged document naming our DID fails);
- `--resolve` (only when you ask): the did:web document fetched from
  https://<host>/.well-known/did.json, and the status list the credential names.

The status list must be signed by the same issuer DID and carry validFrom and
validUntil; a list past its validUntil is stale.

Exit status: 0 valid; 1 not valid (revoked, expired, forged, issuer not
trusted, not a certificate); 2 the input cannot be read; 3 revocation not
checked (no status list, or a stale one: get a fresh status list).
"""

import sys

if __name__ == "__main__" and not __package__:  # pragma: no cover (run as a file)
    # `python certificates/offline.py` puts certificates/ first on sys.path, where
    # selectors.py and others would shadow the standard library's modules.
    import os

    _here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _here]

import argparse  # noqa: E402 (after the sys.path repair above)
import base64  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
import urllib.parse  # noqa: E402
import urllib.request  # noqa: E402
import zlib  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

from joserfc import jws  # noqa: E402
from joserfc.errors import JoseError  # noqa: E402
from joserfc.jwk import RSAKey  # noqa: E402

BUNDLED_TRUST = Path(__file__).resolve().parent / "trusted_dids"
# OB 3.0 asks for `JWT`; credentials issued before that say `vc+jwt`.
JWT_TYPES = ("JWT", "vc+jwt")
STATUS_LIST_TYPE = "BitstringStatusListCredential"
CLOCK_SKEW = 300  # seconds a clock may be ahead of ours
MAX_LIST_BYTES = 16 * 1024 * 1024  # a decompressed status list (bomb guard)
MAX_DOWNLOAD = 2 * 1024 * 1024

# verdict -> exit status (the last line printed names the verdict)
EXIT_CODES = {
    "valid": 0,
    "revoked": 1,
    "expired": 1,
    "invalid": 1,
    "untrusted": 1,
    "not a certificate": 1,
    "cannot read": 2,
    "stale": 3,
    "unchecked": 3,
}


class Rejected(Exception):
    """A verdict other than valid, with its explanation."""

    def __init__(self, verdict: str, detail: str):
        super().__init__(detail)
        self.verdict = verdict
        self.detail = detail


@dataclass(frozen=True)
class Source:
    """A DID document and where it came from: `pinned` (bundled or --trust),
    `resolved` (--resolve) or `given` (--did-document)."""

    kind: str
    origin: str
    document: dict

    @property
    def did(self) -> str:
        return str(self.document.get("id", ""))

    def describe(self) -> str:
        return {
            "pinned": "pinned DID document",
            "resolved": "DID document resolved from",
            "given": "DID document you gave,",
        }[self.kind] + f" {self.origin}"


# --- reading ------------------------------------------------------------------


def load(source: str) -> bytes:
    """A file, or an http(s) URL the user named."""
    if source.startswith(("https://", "http://")):
        return fetch_url(source)
    with open(source, "rb") as handle:
        return handle.read(MAX_DOWNLOAD + 1)[:MAX_DOWNLOAD]


def fetch_url(url: str) -> bytes:
    if not url.startswith(("https://", "http://")):
        raise ValueError(f"not an http(s) address: {url}")
    request = urllib.request.Request(url, headers={"Accept": "application/json, */*"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 (http(s) only)
        return response.read(MAX_DOWNLOAD)


def load_document(path: str) -> dict:
    document = json.loads(load(path))
    if not isinstance(document, dict) or not str(document.get("id", "")).startswith("did:"):
        raise ValueError(f"{path} is not a DID document (no DID as its id)")
    return document


def pinned_sources(directory: Path) -> list[Source]:
    """Every DID document (*.json) in a trust directory."""
    if not directory.is_dir():
        raise OSError(f"no such trust directory: {directory}")
    return [
        Source("pinned", str(path), load_document(str(path)))
        for path in sorted(directory.glob("*.json"))
    ]


def did_web_url(did: str) -> str:
    """Where did:web puts a DID document: did:web:host%3A8000:path -> https://host:8000/path/did.json."""
    if not did.startswith("did:web:"):
        raise ValueError(f"only did:web can be resolved, not {did}")
    host, *path = did.removeprefix("did:web:").split(":")
    host = urllib.parse.unquote(host)
    if not host or "/" in host or "@" in host:
        raise ValueError(f"not a did:web host: {did}")
    if path:
        return f"https://{host}/" + "/".join(urllib.parse.unquote(p) for p in path) + "/did.json"
    return f"https://{host}/.well-known/did.json"


def resolve(did: str) -> Source:
    url = did_web_url(did)
    document = json.loads(fetch_url(url))
    if not isinstance(document, dict) or document.get("id") != did:
        raise ValueError(f"{url} is not the DID document of {did}")
    return Source("resolved", url, document)


# --- JWT and DID documents ----------------------------------------------------


def b64json(part: str):
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def unverified(token: str) -> tuple[dict, dict]:
    """Header and claims of a compact JWS, before any check (to know whom to ask)."""
    parts = token.split(".")
    if len(parts) != 3:
        raise Rejected("invalid", "not a signed credential (a VC-JWT has three parts)")
    try:
        header, claims = b64json(parts[0]), b64json(parts[1])
    except (ValueError, UnicodeDecodeError) as exc:
        raise Rejected("invalid", "not a signed credential (unreadable JWT)") from exc
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise Rejected("invalid", "not a signed credential (unreadable JWT)")
    return header, claims


def issuer_of(claims: dict) -> str:
    """The issuer DID: `iss` and the credential's `issuer` (id) must agree."""
    issuer = claims.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    iss = claims.get("iss")
    if not isinstance(iss, str) or not iss.startswith("did:"):
        raise Rejected("invalid", "the credential names no issuer DID (iss)")
    if issuer_id != iss:
        raise Rejected("invalid", f"iss ({iss}) and issuer ({issuer_id}) differ")
    return iss


def absolute(reference: str, did: str) -> str:
    return did + reference if reference.startswith("#") else reference


def assertion_keys(document: dict) -> dict[str, dict]:
    """Method id -> public RSA JWK of the methods listed under assertionMethod.
    Other methods (Multikey, Ed25519, ...) are skipped: they do not sign VC-JWTs."""
    did = str(document.get("id", ""))
    methods = {}
    for method in document.get("verificationMethod") or []:
        if isinstance(method, dict) and isinstance(method.get("id"), str):
            methods[absolute(method["id"], did)] = method
    found = {}
    for entry in document.get("assertionMethod") or []:
        if isinstance(entry, dict):  # embedded
            method = entry
            method_id = absolute(str(entry.get("id", "")), did)
        elif isinstance(entry, str):
            method_id = absolute(entry, did)
            method = methods.get(method_id)
        else:
            continue
        if not method or method.get("controller", did) != did:
            continue
        jwk = method.get("publicKeyJwk")
        if not isinstance(jwk, dict) or jwk.get("kty") != "RSA":
            continue
        found[method_id] = {k: jwk[k] for k in ("kty", "n", "e") if k in jwk}
    return found


def trusted_key(did: str, kid: str, sources: list[Source]) -> tuple[dict, Source]:
    """The public key `kid` of `did`, only from a DID document of that DID."""
    for source in sources:
        if source.kind == "given" and source.did != did:
            raise Rejected(
                "untrusted",
                f"{source.origin} is the DID document of {source.did}, but the credential "
                f"names {did}: issuer not trusted",
            )
    own = [s for s in sources if s.did == did]
    anchors = [s for s in own if s.kind in ("pinned", "resolved")] or own
    if not anchors:
        known = ", ".join(sorted({s.did for s in sources})) or "none"
        raise Rejected(
            "untrusted",
            f"issuer not trusted: no pinned DID document of {did} (trusted: {known}); "
            "pin one with --did-document or --trust, or use --resolve",
        )
    for source in anchors:
        key = assertion_keys(source.document).get(kid)
        if key:
            return key, source
    if any(kid in assertion_keys(s.document) for s in own if s not in anchors):
        raise Rejected(
            "untrusted",
            f"the key {kid} is in a DID document you gave, but not in the "
            f"{anchors[0].describe()}: a forged DID document, or the issuer rotated its keys "
            "(pin its current DID document or use --resolve)",
        )
    raise Rejected(
        "invalid",
        f"not signed by a key of {did}: {kid} is not an assertion key of its DID document",
    )


def check_jws(token: str, sources: list[Source]) -> tuple[dict, str, Source]:
    """Claims, issuer DID and DID document of a VC-JWT signed by a key of the
    issuer DID it names."""
    header, claims = unverified(token)
    if header.get("alg") != "RS256":
        raise Rejected("invalid", f"signed with {header.get('alg')!r}, not RS256")
    if header.get("typ") not in JWT_TYPES:
        raise Rejected("invalid", f"typ {header.get('typ')!r} is not a VC-JWT ({JWT_TYPES})")
    did = issuer_of(claims)
    kid = absolute(str(header.get("kid", "")), did)
    if kid.split("#", 1)[0] != did or "#" not in kid:
        raise Rejected("invalid", f"the key {kid!r} is not a key of the issuer {did}")
    key, source = trusted_key(did, kid, sources)
    try:
        signed = jws.deserialize_compact(token, RSAKey.import_key(key), algorithms=["RS256"])
        claims = json.loads(signed.payload)
    except (JoseError, ValueError, UnicodeDecodeError, KeyError, TypeError) as exc:
        raise Rejected("invalid", f"bad signature: not what {did} signed ({exc})") from exc
    if not isinstance(claims, dict):
        raise Rejected("invalid", "the signed payload is not a credential")
    return claims, kid, source


def timestamp(value) -> float | None:
    """Seconds since the epoch of an ISO 8601 date-time (with offset) or a NumericDate."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise Rejected("invalid", f"not a date-time: {value!r}") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")


def types(claims: dict) -> list:
    value = claims.get("type")
    return value if isinstance(value, list) else [value]


def bit(encoded_list: str, index: int) -> bool:
    """One bit of a Bitstring Status List (bit 0 is the left-most of byte 0)."""
    raw = encoded_list[1:] if encoded_list.startswith("u") else encoded_list
    try:
        packed = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
        data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(packed, MAX_LIST_BYTES)
    except (ValueError, zlib.error) as exc:
        raise Rejected("invalid", "the status list's bitstring is unreadable") from exc
    if not 0 <= index < len(data) * 8:
        raise Rejected("invalid", f"status index {index} is outside the status list")
    return bool(data[index // 8] & (0x80 >> (index % 8)))


# --- verdicts -----------------------------------------------------------------


def check_status(
    entry: dict, status_token: str | None, *, did: str, sources: list[Source], now: float
) -> str:
    """A line saying the credential is not revoked, or raises the verdict."""
    if not isinstance(entry, dict):
        raise Rejected("invalid", "the credential's status entry is unreadable")
    url = entry.get("statusListCredential")
    if status_token is None:
        raise Rejected(
            "unchecked",
            f"revocation not checked: get the status list {url} (--status-list, or --resolve)",
        )
    claims, _kid, _source = check_jws(status_token, sources)
    if claims.get("iss") != did:
        raise Rejected(
            "invalid", f"the status list is signed by {claims.get('iss')}, not by the issuer {did}"
        )
    if STATUS_LIST_TYPE not in types(claims):
        raise Rejected("invalid", "the file given as status list is not a status list")
    if claims.get("id") != url:
        raise Rejected(
            "invalid", f"the status list is {claims.get('id')}, the credential names {url}"
        )
    subject = claims.get("credentialSubject")
    subject = subject if isinstance(subject, dict) else {}
    if subject.get("statusPurpose") != entry.get("statusPurpose", "revocation"):
        raise Rejected("invalid", "the status list has another purpose than the credential's entry")
    valid_from = timestamp(claims.get("validFrom"))
    valid_until = timestamp(claims.get("validUntil"))
    if valid_from is None or valid_until is None:
        raise Rejected(
            "stale",
            f"stale: the status list carries no validFrom/validUntil; get a fresh status list "
            f"from {url}",
        )
    if valid_from > now + CLOCK_SKEW:
        raise Rejected("invalid", f"the status list is dated in the future ({iso(valid_from)})")
    expiry = min(valid_until, timestamp(claims.get("exp")) or valid_until)
    if expiry <= now:
        raise Rejected(
            "stale",
            f"stale: the status list was valid until {iso(expiry)}; get a fresh status list "
            f"from {url}",
        )
    try:
        index = int(entry.get("statusListIndex"))
    except (TypeError, ValueError) as exc:
        raise Rejected("invalid", "the credential's status index is not a number") from exc
    if bit(str(subject.get("encodedList", "")), index):
        raise Rejected("revoked", f"revoked by {did} (status list of {iso(valid_from)})")
    return f"not revoked (status list of {iso(valid_from)}, valid until {iso(expiry)})"


def verify(
    token: str, sources: list[Source], status_list_token: str | None, now: float | None = None
) -> list[tuple[str, str]]:
    """[(line, detail)], the last one the verdict: a key of EXIT_CODES."""
    now = time.time() if now is None else now
    lines: list[tuple[str, str]] = []
    try:
        claims, kid, source = check_jws(token.strip(), sources)
        did = claims["iss"]
        lines.append(("signature", f"RS256 signature checked with {kid}"))
        lines.append(("issuer", f"{did} (key from the {source.describe()})"))
        if STATUS_LIST_TYPE in types(claims):
            raise Rejected("not a certificate", "this is a status list, not a certificate")
        if "VerifiableCredential" not in types(claims):
            raise Rejected("not a certificate", "this is not a verifiable credential")
        subject = claims.get("credentialSubject")
        if not isinstance(subject, dict):
            raise Rejected("invalid", "the credential has no subject (credentialSubject)")
        if "id" in subject and "sub" in claims and subject["id"] != claims["sub"]:
            raise Rejected("invalid", "sub and credentialSubject.id differ")
        lines.append(("credential", f"{claims.get('name')} · {claims.get('id')}"))
        identities = subject.get("identifier")
        for identity in identities if isinstance(identities, list) else []:
            if isinstance(identity, dict) and identity.get("identityType") == "name":
                lines.append(("holder", str(identity.get("identityHash"))))
        starts = timestamp(claims.get("nbf")) or timestamp(claims.get("validFrom"))
        if starts is not None and starts > now + CLOCK_SKEW:
            raise Rejected("invalid", f"not valid before {iso(starts)}")
        ends = [t for t in (timestamp(claims.get("exp")), timestamp(claims.get("validUntil"))) if t]
        if ends and min(ends) <= now:
            raise Rejected("expired", f"expired on {iso(min(ends))}")
        entries = claims.get("credentialStatus") or []
        for entry in entries if isinstance(entries, list) else [entries]:
            checked = check_status(entry, status_list_token, did=did, sources=sources, now=now)
            lines.append(("status", checked))
        lines.append(("valid", f"a valid credential issued by {did}"))
    except Rejected as rejected:
        lines.append((rejected.verdict, rejected.detail))
    return lines


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digiskills-verify",
        description=__doc__.split("\n\n")[0].replace("\n", " "),
        epilog=__doc__.split("\n\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)
    return parser


def add_arguments(parser) -> None:
    parser.add_argument("credential", help="file with the VC-JWT")
    parser.add_argument(
        "--status-list", help="the status list VC-JWT the credential names: file or URL"
    )
    parser.add_argument(
        "--did-document",
        action="append",
        default=[],
        metavar="FILE",
        help="a DID document you pin: its id must be the credential's issuer",
    )
    parser.add_argument(
        "--trust",
        action="append",
        default=[],
        metavar="DIR",
        help=f"a directory of pinned DID documents (default: {BUNDLED_TRUST})",
    )
    parser.add_argument(
        "--resolve",
        action="store_true",
        help="fetch the issuer's did:web document (and the status list) over HTTPS",
    )


def main(argv: list[str] | None = None, *, pinned: tuple[Source, ...] = ()) -> int:
    """Run the verifier; `pinned` adds DID documents the caller vouches for
    (the platform's own, from `manage.py verify_credential`)."""
    args = parser().parse_args(argv)
    try:
        token = load(args.credential).decode().strip()
        sources = list(pinned)
        for directory in args.trust or ([] if pinned else [str(BUNDLED_TRUST)]):
            if directory == str(BUNDLED_TRUST) and not BUNDLED_TRUST.is_dir():
                continue
            sources += pinned_sources(Path(directory))
        sources += [Source("given", path, load_document(path)) for path in args.did_document]
        status = load(args.status_list).decode().strip() if args.status_list else None
        if args.resolve:
            status = _go_online(token, sources, status)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        print(f"cannot read: {exc}")
        return EXIT_CODES["cannot read"]
    results = verify(token, sources, status)
    for name, detail in results:
        print(f"{name}: {detail}")
    return EXIT_CODES[results[-1][0]]


def _go_online(token: str, sources: list[Source], status: str | None) -> str | None:
    """--resolve: the issuer's did:web document, and the status list it names
    (https only) when none was given."""
    try:
        _header, claims = unverified(token)
        did = issuer_of(claims)
    except Rejected:
        return status  # verify() says what is wrong with it
    sources.append(resolve(did))
    entry = claims.get("credentialStatus")
    url = entry.get("statusListCredential") if isinstance(entry, dict) else None
    if status is None and isinstance(url, str) and url.startswith("https://"):
        status = fetch_url(url).decode().strip()
    return status


if __name__ == "__main__":
    sys.exit(main())
