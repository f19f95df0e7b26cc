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
