"""The page image of a certificate as we issued it, shown beside a dropped file
that is not one of ours. Drawn by the server from our own stored PDF (never
from an uploaded file), once per stored PDF, and kept in storage."""

import hashlib
import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from certificates.models import Certificate
from certificates.services import certificate_pdf

# Pixels across: sharp on a laptop, a few dozen kilobytes.
IMAGE_WIDTH = 1200


def certificate_page_image(*, certificate: Certificate, language: str) -> str:
    """The name in default storage of page 1 of the certificate's stored PDF in
    `language`, as PNG. Named after the PDF's hash, so a re-rendered PDF gets
    its own image."""
    pdf_name = certificate_pdf(certificate=certificate, language=language)
    with default_storage.open(pdf_name, "rb") as handle:
        data = handle.read()
    digest = hashlib.sha256(data).hexdigest()[:16]
    name = f"certificates/{certificate.public_id}/page-{language}-{digest}.png"
    if default_storage.exists(name):
        return name
    return default_storage.save(name, ContentFile(page_png(data)))


def page_png(pdf: bytes, *, width: int = IMAGE_WIDTH) -> bytes:
    """Page 1 of one of our own PDFs as PNG bytes, `width` pixels across."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        image = page.render(scale=width / page.get_width()).to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
