"""The seal of the certificate PDFs: a PAdES baseline signature (subfilter
ETSI.CAdES.detached) by the issuer's document key, added as an incremental
update (so the PDF/A-3 file underneath stays intact), as a certification
signature that allows no change. A PDF reader and `pdfsig` then report
"signed by <issuer>, not modified since".

The document keys' certificates are published at /.well-known/pdf-seal.pem
and /certificates/keys/seal/<kid>.pem.
"""

import io
from functools import cache

from django.conf import settings
from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from certificates import keys
from certificates.models import SigningKey

SEAL_FIELD = "DigiskillsSeal"


@cache
def _signer(kid: str, encrypted: str, certificate_pem: str) -> signers.SimpleSigner:
    # Decrypting and parsing the key costs milliseconds; keys never change.
    private = keys.private_key_from_jwk(keys.decrypt_private_jwk(encrypted, kid=kid))
    certificate = next(iter(load_certs_from_pemder_data(certificate_pem.encode())))
    return signers.SimpleSigner(
        signing_cert=certificate,
        signing_key=load_private_key_from_pemder_data(private, passphrase=None),
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
    signers.sign_pdf(
        writer,
        meta,
        signer=_signer(key.kid, key.private_jwk_encrypted, key.certificate_pem),
        output=out,
    )
    return out.getvalue()
