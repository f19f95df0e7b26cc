"""Reading the PDFs the project draws as a person would: their text, and the
QR codes on their pages rasterised as a printer would."""

import io

import pypdfium2
import zxingcpp
from pypdf import PdfReader


def pdf_text(data: bytes, *, first_page_only: bool = False) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return "\n".join(page.extract_text() for page in (pages[:1] if first_page_only else pages))


def qr_texts(data: bytes, *, dpi: int = 150, all_pages: bool = False) -> list[str]:
    """Every QR code on the first page (or on every page), at `dpi`."""
    document = pypdfium2.PdfDocument(data)
    try:
        pages = list(document) if all_pages else [document[0]]
        found = []
        for page in pages:
            image = page.render(scale=dpi / 72).to_pil()
            found += [
                b.text
                for b in zxingcpp.read_barcodes(image)
                if b.format == zxingcpp.BarcodeFormat.QRCode
            ]
        return found
    finally:
        document.close()
