"""The PAdES seal of the certificate PDFs, checked by an independent tool
(poppler's `pdfsig`), and the document keys that make it."""

import asyncio
import io
import shutil
import subprocess

import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.core.management import call_command
from django.test import override_settings
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from certificates import keys, selectors, services
from certificates.models import IssuedFile, SigningKey
from certificates.pdf import pdf_draw, pdf_render
from certificates.seal import SEAL_FIELD, pdf_seal

pytestmark = pytest.mark.django_db
PDFSIG = shutil.which("pdfsig")
CERTUTIL = shutil.which("certutil")
needs_pdfsig = pytest.mark.skipif(PDFSIG is None, reason="pdfsig (poppler-utils) not installed")


@pytest.fixture
def sealed(certificate) -> bytes:
    return pdf_render(certificate, "nl")


def pdfsig(data: bytes, tmp_path) -> str:
    """What pdfsig says about the signatures of `data`. With NSS's certutil at
    hand, the issuer's seal certificate is trusted in a fresh NSS database;
    otherwise only the signature itself is checked (-nocert): pdfsig cannot
    trust our self-signed issuer by itself. Never online (-no-ocsp)."""
    path = tmp_path / "file.pdf"
    path.write_bytes(data)
    command = [PDFSIG, "-no-ocsp"]
    if CERTUTIL:
        nssdir = tmp_path / "nss"
        if not nssdir.exists():
            nssdir.mkdir()
            pem = tmp_path / "seal.pem"
            pem.write_text(selectors.document_certificates()[-1][1])
            subprocess.run(  # noqa: S603 (a known tool, our own arguments)
                [CERTUTIL, "-N", "-d", f"sql:{nssdir}", "--empty-password"], check=True
            )
            subprocess.run(  # noqa: S603 (a known tool, our own arguments)
                [CERTUTIL, "-A", "-d", f"sql:{nssdir}", "-n", "seal", "-t", "CP,CP,CP", "-i", pem],
                check=True,
            )
        command += ["-nssdir", f"sql:{nssdir}"]
    else:
        command.append("-nocert")
    result = subprocess.run(  # noqa: S603 (a known tool, our own arguments)
        [*command, str(path)], capture_output=True, text=True, timeout=60
    )
    return result.stdout + result.stderr


def paint_over_incrementally(data: bytes, text: str) -> bytes:
    """A forger's edit that keeps the signed bytes: an incremental update that
    paints a white box and another name over the holder's."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(842, 595))
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(50, 440, 400, 30, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawString(56, 452, text)
    canvas.showPage()
    canvas.save()
    writer = PdfWriter(io.BytesIO(data), incremental=True)
    writer.pages[0].merge_page(PdfReader(io.BytesIO(buffer.getvalue())).pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@needs_pdfsig
def test_pdfsig_reports_the_seal_valid_on_an_issued_pdf(sealed, tmp_path):
    report = pdfsig(sealed, tmp_path)
    assert f"Signature Field Name: {SEAL_FIELD}" in report
    assert "Signature Type: ETSI.CAdES.detached" in report
    assert "Signing Hash Algorithm: SHA-256" in report
    assert "Signer full Distinguished Name: CN=Digiskills,O=Digiskills,C=BE" in report
    assert "Signature Validation: Signature is Valid." in report
    assert "Total document signed" in report
    if CERTUTIL:
        assert "Certificate Validation: Certificate is Trusted." in report


@needs_pdfsig
def test_a_pdf_is_sealed_from_a_thread_that_already_runs_an_event_loop(certificate, tmp_path):
    # pyHanko's sync API calls asyncio.run(): it failed under an async caller
    # and under Playwright's sync API in the browser tests.
    drawn, key = pdf_draw(certificate, "en"), services.document_key()

    async def seal_inside_a_loop() -> bytes:
        return pdf_seal(drawn, key=key, reason="test")

    report = pdfsig(asyncio.run(seal_inside_a_loop()), tmp_path)
    assert "Signature Validation: Signature is Valid." in report
    assert "Total document signed" in report


@needs_pdfsig
def test_pdfsig_reports_a_painted_incremental_update_as_not_covered(sealed, tmp_path):
    edited = paint_over_incrementally(sealed, "Someone Else")
    assert edited.startswith(sealed)  # the signed bytes are untouched
    assert "Someone Else" in PdfReader(io.BytesIO(edited)).pages[0].extract_text()
    report = pdfsig(edited, tmp_path)
    assert "Total document signed" not in report
    assert "Not total document signed" in report


@needs_pdfsig
def test_pdfsig_reports_a_flipped_byte_as_a_broken_seal(sealed, tmp_path):
    # A byte of the page content stream, inside the signed range.
    position = sealed.index(b"stream", sealed.index(b"/Contents")) + 40
    flipped = bytearray(sealed)
    flipped[position] ^= 0x01
    report = pdfsig(bytes(flipped), tmp_path)
    assert "Signature Validation: Signature is Valid." not in report
    assert "Digest Mismatch" in report


@needs_pdfsig
def test_pdfsig_finds_no_seal_on_a_rewritten_file(sealed, tmp_path):
    from certificates.tests.helpers import paint_over

    report = pdfsig(paint_over(sealed, {"Lotte Peeters": "Someone Else"}), tmp_path)
    assert "Signature is Valid" not in report


def test_the_stored_pdf_is_sealed_and_its_hash_is_of_the_sealed_bytes(certificate):
    import hashlib

    from django.core.files.storage import default_storage

    name = services.certificate_pdf(certificate=certificate, language="fr")
    with default_storage.open(name, "rb") as stored:
        data = stored.read()
    reader = PdfReader(io.BytesIO(data))
    signature = reader.trailer["/Root"]["/AcroForm"]["/Fields"][0].get_object()
    assert signature["/T"] == SEAL_FIELD
    assert signature["/V"]["/SubFilter"] == "/ETSI.CAdES.detached"
    assert IssuedFile.objects.filter(sha256=hashlib.sha256(data).hexdigest()).exists()


def test_the_seal_names_the_issuer_a_reason_and_a_location(sealed, certificate):
    value = PdfReader(io.BytesIO(sealed)).trailer["/Root"]["/AcroForm"]["/Fields"][0]["/V"]
    assert value["/Name"] == "Digiskills"
    assert certificate.display_code in value["/Reason"]
    assert value["/Location"] == "http://testserver"


def test_the_seal_is_an_incremental_update_of_the_pdf_a_file(certificate):
    drawn = pdf_draw(certificate, "en")
    sealed = pdf_seal(drawn, key=services.document_key(), reason="test")
    assert sealed.startswith(drawn[: drawn.rindex(b"%%EOF")])


def test_only_a_document_key_seals(certificate):
    with pytest.raises(ValueError, match="document key"):
        pdf_seal(pdf_draw(certificate, "en"), key=certificate.signing_key, reason="test")


# --- The document key -------------------------------------------------------


@pytest.mark.real_keys
@override_settings(CERTIFICATES_ISSUER_NAME="Digital Skills Agency")
def test_a_new_document_key_carries_a_document_signing_certificate():
    kid, public, private, pem = keys.new_document_key()
    certificate = x509.load_pem_x509_certificate(pem.encode())
    subject = certificate.subject
    assert subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Digital Skills Agency"
    assert subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == (
        "Digital Skills Agency"
    )
    assert subject.get_attributes_for_oid(NameOID.COUNTRY_NAME)[0].value == "BE"
    assert certificate.issuer == subject
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical and usage.value.digital_signature and usage.value.content_commitment
    assert not usage.value.key_cert_sign
    eku = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert [oid.dotted_string for oid in eku] == ["1.3.6.1.5.5.7.3.36"]
    assert ExtendedKeyUsageOID.SERVER_AUTH not in eku
    assert certificate.public_key().key_size == 3072
    assert public["kid"] == kid and "d" not in public and private["d"]
    assert public["n"] == private["n"]


def test_the_document_key_is_made_on_first_use_and_kept(certificate):
    assert not SigningKey.objects.filter(purpose=SigningKey.Purpose.DOCUMENT).exists()
    key = services.document_key()
    assert key.certificate_pem.startswith("-----BEGIN CERTIFICATE-----")
    assert services.document_key() == key
    assert certificate.signing_key.purpose == SigningKey.Purpose.CREDENTIAL


def test_rotating_the_document_key_keeps_the_credential_key(certificate):
    old = services.document_key()
    new = services.signing_key_rotate(purpose=SigningKey.Purpose.DOCUMENT)
    old.refresh_from_db()
    assert not old.active and old.retired_at and new.active and new.certificate_pem
    assert services.document_key() == new
    assert selectors.signing_key_active() == certificate.signing_key


def test_the_rotate_command_takes_a_purpose(certificate, capsys):
    old = services.document_key()
    call_command("rotate_signing_key", "--purpose", "document")
    assert "New signing key (document)" in capsys.readouterr().out
    assert services.document_key() != old
    assert SigningKey.objects.filter(purpose="credential", active=True).count() == 1


def test_the_seal_certificates_are_published_old_and_new(client, certificate):
    old = services.document_key()
    new = services.signing_key_rotate(purpose=SigningKey.Purpose.DOCUMENT)
    response = client.get("/.well-known/pdf-seal.pem")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]
    bundle = response.content.decode()
    assert bundle == old.certificate_pem + new.certificate_pem
    assert len(x509.load_pem_x509_certificates(response.content)) == 2
    assert "PRIVATE" not in bundle


def test_each_seal_certificate_has_its_kid_url(client, certificate):
    key = services.document_key()
    response = client.get(f"/certificates/keys/seal/{key.kid}.pem")
    assert response.status_code == 200
    assert response.content.decode() == key.certificate_pem
    assert "max-age=3600" in response["Cache-Control"]
    # A credential key has no seal certificate; unknown kids are not found.
    assert (
        client.get(f"/certificates/keys/seal/{certificate.signing_key.kid}.pem").status_code == 404
    )
    assert client.get("/certificates/keys/seal/unknown.pem").status_code == 404


def test_the_seal_certificates_refuse_anything_but_get(client, certificate):
    services.document_key()
    assert client.post("/.well-known/pdf-seal.pem").status_code == 405


def test_the_pdf_is_sealed_by_the_published_certificate(client, sealed):
    from asn1crypto import cms

    value = PdfReader(io.BytesIO(sealed)).trailer["/Root"]["/AcroForm"]["/Fields"][0]["/V"]
    signed = cms.ContentInfo.load(bytes(value["/Contents"]))["content"]
    embedded = signed["certificates"][0].chosen.dump()
    published = x509.load_pem_x509_certificates(client.get("/.well-known/pdf-seal.pem").content)
    assert embedded in [c.public_bytes(encoding=_der()) for c in published]


def _der():
    from cryptography.hazmat.primitives.serialization import Encoding

    return Encoding.DER
