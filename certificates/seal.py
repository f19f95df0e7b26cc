"""The seal of the certificate PDFs: a PAdES baseline signature (subfilter
ETSI.CAdES.detached) by the issuer's document key, added as an incremental
update (so the PDF/A-3 file underneath stays intact), as a certification
signature that allows no change. A PDF reader and `pdfsig` then report
"signed by <issuer>, not modified since".

The document keys' certificates are published at /.well-known/pdf-seal.pem
and /certificates/keys/seal/<kid>.pem.
"""

import asyncio
import io
from concurrent.futures import ThreadPoolExecutor
from functools import cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from django.conf import settings
from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from certificates import keys
from certificates.models import SigningKey

SEAL_FIELD = "DigiskillsSeal"
# Room for the CMS signature (about 3 KB with its certificate): reserved up
# front, so that pyHanko does not sign twice to measure it.
SIGNATURE_BYTES = 8192


class _Signer(signers.SimpleSigner):
    """pyHanko's signer, holding the parsed private key: pyHanko parses it from
    DER for each signature, and cryptography's RSA key check then costs a
    quarter of a second, forty times the signature itself."""

    def __init__(self, *, private_key: RSAPrivateKey, **kwargs):
        super().__init__(**kwargs)
        self._private_key = private_key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        if mechanism != "rsassa_pkcs1v15":  # pragma: no cover (we never ask for another)
            return super().sign_raw(data, digest_algorithm)
        return self._private_key.sign(
            data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm)
        )


@cache
def _signer(kid: str, encrypted: str, certificate_pem: str) -> _Signer:
    # Decrypting and parsing the key costs milliseconds; keys never change.
    der = keys.private_key_from_jwk(keys.decrypt_private_jwk(encrypted, kid=kid))
    certificate = next(iter(load_certs_from_pemder_data(certificate_pem.encode())))
    return _Signer(
        private_key=serialization.load_der_private_key(der, password=None),
        signing_cert=certificate,
        signing_key=load_private_key_from_pemder_data(der, passphrase=None),
        cert_registry=SimpleCertificateStore.from_certs([certificate]),
    )


class _SealWriter(IncrementalPdfFileWriter):
    """Appends the seal and nothing else: pyHanko would otherwise rewrite the
    document information and the XMP metadata (producer, dates) in the update,
    and the two would no longer say the same thing (a PDF/A requirement)."""

    def _update_meta(self):
        pass


def _invisible_field(writer: IncrementalPdfFileWriter) -> None:
    """The seal's field: an invisible widget (zero-size, printable) with an
    empty appearance stream, since PDF/A wants an appearance on every widget."""
    fields.append_signature_field(writer, fields.SigFieldSpec(sig_field_name=SEAL_FIELD))
    appearance = writer.add_object(
        generic.StreamObject(
            {
                generic.pdf_name("/Type"): generic.pdf_name("/XObject"),
                generic.pdf_name("/Subtype"): generic.pdf_name("/Form"),
                generic.pdf_name("/BBox"): generic.ArrayObject([generic.NumberObject(0)] * 4),
            },
            stream_data=b"",
        )
    )
    for reference in writer.root["/AcroForm"]["/Fields"]:
        field = reference.get_object()
        if field.get("/T") == SEAL_FIELD:
            field["/AP"] = generic.DictionaryObject({generic.pdf_name("/N"): appearance})
            writer.mark_update(reference)


def pdf_seal(data: bytes, *, key: SigningKey, reason: str, location: str = "") -> bytes:
    """`data` (a PDF) with the seal of `key` (a document key) appended."""
    if key.purpose != SigningKey.Purpose.DOCUMENT or not key.certificate_pem:
        raise ValueError("a PDF is sealed with a document key and its certificate")
    writer = _SealWriter(io.BytesIO(data))
    _invisible_field(writer)
    meta = signers.PdfSignatureMetadata(
        field_name=SEAL_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=settings.CERTIFICATES_ISSUER_NAME,
        reason=reason,
        location=location or None,
        # The file is final as issued: any later change breaks the certification.
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
    )
    out = io.BytesIO()
    pdf_signer = signers.PdfSigner(
        meta, signer=_signer(key.kid, key.private_jwk_encrypted, key.certificate_pem)
    )
    _run(pdf_signer.async_sign_pdf(writer, bytes_reserved=SIGNATURE_BYTES, output=out))
    return out.getvalue()


def _run(coroutine):
    """Run pyHanko's coroutine to its end from synchronous code. pyHanko's own
    sync wrapper calls asyncio.run(), which fails in a thread that already runs
    an event loop (an async caller, Playwright's sync API in the browser
    tests): there it runs on a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
