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
