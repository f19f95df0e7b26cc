"""Signing keys: RS256 key pairs whose private halves rest encrypted in the database.

The encryption key is derived (HKDF-SHA256) from CERTIFICATES_KEY_SECRET, or from
DJANGO_SECRET_KEY when that is not set; the key id is bound as associated data
so that an encrypted key cannot be swapped onto another row.
"""

import base64
import json
import os
from functools import cache

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from joserfc.jwk import RSAKey

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


# id-kp-documentSigning (RFC 9336): the key signs documents, nothing else.
DOCUMENT_SIGNING_EKU = "1.3.6.1.5.5.7.3.36"
DOCUMENT_CERTIFICATE_YEARS = 10


def document_certificate(private_key, *, name: str, serial: int | None = None) -> str:
    """A self-signed X.509 certificate (PEM) naming the issuing entity as
    subject and issuer, for digitalSignature and nonRepudiation (the seal of
    the PDFs), with the document-signing extended key usage."""
    import datetime

    from cryptography import x509
    from cryptography.x509.oid import NameOID, ObjectIdentifier

    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "BE"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    public = private_key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public)
        .serial_number(serial or x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=365 * DOCUMENT_CERTIFICATE_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # nonRepudiation
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ObjectIdentifier(DOCUMENT_SIGNING_EKU)]), critical=False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(private_key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM).decode()


def new_document_key() -> tuple[str, dict, dict, str]:
    """(kid, public JWK, private JWK, certificate PEM) of a fresh RSA key that
    seals the PDFs (PAdES); its certificate names CERTIFICATES_ISSUER_NAME."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    private_key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    pem = document_certificate(private_key, name=settings.CERTIFICATES_ISSUER_NAME)
    key = RSAKey.import_key(
        private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    kid = key.thumbprint()
    der = x509_der(pem)
    public = {
        **key.as_dict(private=False),
        "kid": kid,
        "alg": "RS256",
        "use": "sig",
        "x5c": [base64.b64encode(der).decode()],
    }
    private = {**key.as_dict(private=True), "kid": kid}
    return kid, public, private, pem


def x509_der(pem: str) -> bytes:
    from cryptography import x509

    return x509.load_pem_x509_certificate(pem.encode()).public_bytes(serialization.Encoding.DER)


def private_key_from_jwk(private_jwk: dict) -> bytes:
    """The private key of a JWK as PKCS#8 DER (what pyHanko loads)."""
    key = RSAKey.import_key(private_jwk)
    return key.private_key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
