"""Check a Digiskills credential without the platform: only joserfc and the
standard library (copy this file anywhere). Used by `manage.py verify_credential`.

    python certificates/offline.py credential.jwt --jwks keys.json --status-list status.jwt

Keys: a JWKS (`/certificates/keys.json`) or the DID document
(`/.well-known/did.json`); status list: the VC-JWT at the credential's
`credentialStatus.statusListCredential` (file or URL). Exit status 0 = valid.
"""

import argparse
import base64
import gzip
import json
import sys
import time
import urllib.request

from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import RSAKey


def load(source: str) -> bytes:
    if source.startswith(("https://", "http://")):
        with urllib.request.urlopen(source, timeout=20) as response:  # noqa: S310 (http(s) only)
            return response.read()
    with open(source, "rb") as handle:
        return handle.read()


def keys_from(document: dict) -> dict[str, dict]:
    """kid -> public JWK, from a JWKS or a DID document."""
    if "keys" in document:
        return {k["kid"]: k for k in document["keys"]}
    found = {}
    for method in document.get("verificationMethod", []):
        jwk = method.get("publicKeyJwk") or {}
        kid = jwk.get("kid") or method["id"].rsplit("#", 1)[-1]
        found[kid] = jwk
    return found


def check_signature(token: str, keys: dict[str, dict]) -> dict:
    """The payload of a compact RS256 JWS signed by one of `keys`; raises ValueError."""
    header_part = token.split(".")[0]
    header = json.loads(base64.urlsafe_b64decode(header_part + "=" * (-len(header_part) % 4)))
    kid = str(header.get("kid", "")).rsplit("#", 1)[-1]
    if header.get("alg") != "RS256" or kid not in keys:
        raise ValueError(f"not signed by a published key (kid {kid!r})")
    try:
        signed = jws.deserialize_compact(token, RSAKey.import_key(keys[kid]), algorithms=["RS256"])
    except JoseError as exc:
        raise ValueError(f"bad signature: {exc}") from exc
    return json.loads(signed.payload)


def bit(encoded_list: str, index: int) -> bool:
    raw = encoded_list[1:] if encoded_list.startswith("u") else encoded_list
    data = gzip.decompress(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    return bool(data[index // 8] & (0x80 >> (index % 8)))


def verify(token: str, keys: dict[str, dict], status_list_token: str | None, now=None) -> list:
    """[(verdict, detail)]; verdict is 'valid', 'expired', 'revoked' or 'invalid'."""
    now = now or time.time()
    try:
        claims = check_signature(token, keys)
    except (ValueError, IndexError, UnicodeDecodeError) as exc:
        return [("invalid", str(exc))]
    lines = [("signature", f"RS256 signature checked, issuer {claims.get('iss')}")]
    subject = claims.get("credentialSubject", {})
    lines.append(("credential", f"{claims.get('name')} · {claims.get('id')}"))
    for identity in subject.get("identifier", []):
        if identity.get("identityType") == "name":
            lines.append(("holder", identity.get("identityHash")))
    if "exp" in claims and claims["exp"] < now:
        return [
            *lines,
            ("expired", f"expired at {time.strftime('%Y-%m-%d', time.gmtime(claims['exp']))}"),
        ]
    status = claims.get("credentialStatus")
    if status:
        if status_list_token is None:
            return [*lines, ("invalid", "a status list is needed to check revocation")]
        try:
            status_claims = check_signature(status_list_token, keys)
        except (ValueError, IndexError, UnicodeDecodeError) as exc:
            return [*lines, ("invalid", f"status list: {exc}")]
        if status_claims.get("id") != status["statusListCredential"]:
            return [*lines, ("invalid", "the status list is not the one the credential names")]
        encoded = status_claims["credentialSubject"]["encodedList"]
        if bit(encoded, int(status["statusListIndex"])):
            return [*lines, ("revoked", "revoked by the issuer (status list)")]
    return [*lines, ("valid", "valid")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("credential", help="file with the VC-JWT")
    parser.add_argument("--jwks", required=True, help="JWKS or DID document: file or URL")
    parser.add_argument("--status-list", help="the status list VC-JWT: file or URL")
    args = parser.parse_args(argv)
    try:
        token = load(args.credential).decode().strip()
        keys = keys_from(json.loads(load(args.jwks)))
        status = load(args.status_list).decode().strip() if args.status_list else None
    except (OSError, ValueError, KeyError) as exc:
        print(f"cannot read the input: {exc}")
        return 2
    results = verify(token, keys, status)
    for name, detail in results:
        print(f"{name}: {detail}")
    return 0 if results[-1][0] == "valid" else 1


if __name__ == "__main__":
    sys.exit(main())
