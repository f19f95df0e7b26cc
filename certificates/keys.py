"""Signing keys: RS256 key pairs whose private halves rest encrypted in the database.

The encryption key is derived (HKDF-SHA256) from CERTIFICATES_KEY_SECRET, or from
DJANGO_SECRET_KEY when that is not set; the key id is bound as associated data
so that an encrypted key cannot be swapped onto another row.
"""

import base64
import json
import os
from functools import cache

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from joserfc.jwk import KeySet, RSAKey

from certificates.models import SigningKey

RSA_BITS = 3072
_INFO = b"digiskills certificates signing key encryption v1"


def _wrapping_key() -> bytes:
    secret = (settings.CERTIFICATES_KEY_SECRET or settings.SECRET_KEY).encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(secret)


def encrypt_private_jwk(private_jwk: dict, *, kid: str) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(_wrapping_key()).encrypt(nonce, json.dumps(private_jwk).encode(), kid.encode())
    return base64.b64encode(nonce + sealed).decode()


def decrypt_private_jwk(encrypted: str, *, kid: str) -> dict:
    raw = base64.b64decode(encrypted)
    opened = AESGCM(_wrapping_key()).decrypt(raw[:12], raw[12:], kid.encode())
    return json.loads(opened)


def new_key_pair() -> tuple[str, dict, dict]:
    """(kid, public JWK, private JWK) of a fresh RSA key; kid is its RFC 7638 thumbprint."""
    key = RSAKey.generate_key(RSA_BITS, private=True)
    kid = key.thumbprint()
    public = {**key.as_dict(private=False), "kid": kid, "alg": "RS256", "use": "sig"}
    private = {**key.as_dict(private=True), "kid": kid}
    return kid, public, private


@cache
def _private_key(kid: str, encrypted: str) -> RSAKey:
    # Decrypting and parsing an RSA key costs milliseconds; keys never change.
    return RSAKey.import_key(decrypt_private_jwk(encrypted, kid=kid))


def private_key(signing_key: SigningKey) -> RSAKey:
    return _private_key(signing_key.kid, signing_key.private_jwk_encrypted)


def public_key_set(jwks: list[dict]) -> KeySet:
    return KeySet.import_key_set({"keys": jwks})


# Ed25519 keys of the Data Integrity form (eddsa-rdfc-2022). The kid is the key's
# Multikey encoding (z6Mk...), the fragment of its verification method.
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
# Multicodec prefix of an Ed25519 public key (varint of 0xed).
_ED25519_PUB = b"\xed\x01"


def base58btc(data: bytes) -> str:
    """Bitcoin's base58 alphabet, leading zero bytes kept as '1'."""
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, rest = divmod(number, 58)
        encoded = _BASE58[rest] + encoded
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + encoded


def base58btc_decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + _BASE58.index(char)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def multikey(public_raw: bytes) -> str:
    """The publicKeyMultibase of an Ed25519 public key: base58btc ('z') of the
    multicodec prefix 0xed01 and the 32 key bytes."""
    return "z" + base58btc(_ED25519_PUB + public_raw)


def new_ed25519_key() -> tuple[str, dict, dict]:
    """(kid, public JWK, private JWK) of a fresh Ed25519 key; kid is its Multikey."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )

    key = Ed25519PrivateKey.generate()
    public_raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    private_raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    kid = multikey(public_raw)
    public = {"kty": "OKP", "crv": "Ed25519", "x": _b64url(public_raw), "kid": kid}
    private = {**public, "d": _b64url(private_raw)}
    return kid, public, private


@cache
def _ed25519_private_key(kid: str, encrypted: str):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    raw = _b64url_decode(decrypt_private_jwk(encrypted, kid=kid)["d"])
    return Ed25519PrivateKey.from_private_bytes(raw)


def ed25519_sign(signing_key: SigningKey, data: bytes) -> bytes:
    return _ed25519_private_key(signing_key.kid, signing_key.private_jwk_encrypted).sign(data)


def ed25519_public_multibase(public_jwk: dict) -> str:
    return multikey(_b64url_decode(public_jwk["x"]))
