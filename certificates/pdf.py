"""The printable certificate: one A4 landscape page drawn on a reportlab canvas
into memory (pretix's way), real text in the learner's language (searchable,
read aloud by screen readers), a QR code deep-linking to the verification page
and the signed credential embedded as a file attachment.

`pdf_fields` is also what the PDF check compares an uploaded PDF against.
"""

import io
from dataclasses import dataclass

import segno
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from certificates.links import verify_url
from certificates.models import Certificate

ATTACHMENT_NAME = "credential.jwt"
# Bitstream Vera ships with reportlab and covers the Latin letters of the names
# we meet (é, ü, ß, ç, ł, ş, ğ ...); embedded as a subset with a ToUnicode map.
pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
pdfmetrics.registerFont(TTFont("VeraBd", "VeraBd.ttf"))
INK = HexColor("#1b1f24")
MUTED = HexColor("#4a5560")
ACCENT = HexColor("#0b5cad")


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    values: tuple[str, ...]


def _date(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


def pdf_fields(certificate: Certificate, language: str) -> list[Field]:
    """Every field printed on the certificate, in `language`, in print order."""
    c = certificate
    with translation.override(language):
        validity = _date(c.expires_at) if c.expires_at else _("Does not expire")
        competences = tuple(
            f"{item['code']} {item['title'].get(language) or item['title']['en']}"
            for item in c.content["competences"]
        )
        return [
            Field("holder", _("Awarded to"), (c.content["holder_name"],)),
            Field("course", _("For completing the course"), (c.text("course", language),)),
            Field("track", _("Track"), (c.text("track", language),)),
            Field("competences", _("DigComp 2.2 competences"), competences or ("—",)),
            Field("level", _("DigComp proficiency level"), (c.text("level", language),)),
            Field("issued", _("Date of issue"), (_date(c.issued_at),)),
            Field("valid_until", _("Valid until"), (validity,)),
            Field("issuer", _("Issued by"), (c.content["issuer"],)),
            Field("code", _("Verification code"), (c.display_code,)),
        ]


def qr_for(url: str) -> segno.QRCode:
    # A fixed mask skips segno's evaluation of all eight masks (most of the
    # time a QR code takes); mask 0 is as readable as any other.
    return segno.make_qr(url, error="m", mask=0, boost_error=False)


def _draw_qr(canvas: Canvas, qr: segno.QRCode, *, x: float, y: float, size: float) -> None:
    """Dark modules as one path of rectangles, one per horizontal run, written in
    module units (integers) under a scaling transform: formatting thousands of
    float coordinates was most of the rendering time."""
    matrix = qr.matrix
    count = len(matrix)
    operators = []
    for row_number, row in enumerate(matrix):
        bottom = count - 1 - row_number
        start = None
        for column, dark in enumerate([*row, 0]):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                operators.append(f"{start} {bottom} {column - start} 1 re")
                start = None
    module = size / count
    canvas.saveState()
    canvas.transform(module, 0, 0, module, x, y)
    canvas.addLiteral("\n".join(operators) + "\nf")
    canvas.restoreState()


def _attach(canvas: Canvas, *, name: str, data: bytes, description: str) -> None:
    """Embed a file (PDF 1.7 EmbeddedFiles name tree; reportlab has no API for it)."""
    document = canvas._doc
    stream = PDFStream(
        PDFDictionary(
            {"Type": PDFName("EmbeddedFile"), "Params": PDFDictionary({"Size": len(data)})}
        ),
        content=data,
    )
    spec = PDFDictionary(
        {
            "Type": PDFName("Filespec"),
            "F": PDFString(name),
            "UF": PDFString(name),
            "Desc": PDFString(description),
            "AFRelationship": PDFName("Data"),
            "EF": PDFDictionary({"F": document.Reference(stream)}),
        }
    )
    spec_ref = document.Reference(spec)
    document.Catalog.Names = PDFDictionary(
        {"EmbeddedFiles": PDFDictionary({"Names": PDFArray([PDFString(name), spec_ref])})}
    )
    document.Catalog.AF = PDFArray([spec_ref])


def pdf_render(certificate: Certificate, language: str) -> bytes:
    """The certificate as PDF bytes in `language`."""
    buffer = io.BytesIO()
    width, height = landscape(A4)
    canvas = Canvas(buffer, pagesize=(width, height), lang=language, invariant=1)
    fields = pdf_fields(certificate, language)
    url = verify_url(certificate.code)
    with translation.override(language):
        heading = _("Certificate")
        canvas.setTitle(f"{heading} · {certificate.text('course', language)}")
        canvas.setAuthor(certificate.content["issuer"])
        canvas.setSubject(f"{certificate.display_code} · {language}")
        canvas.setCreator("Digiskills")
        scan = _("Scan or visit to check this certificate:")
        attached = _("The signed credential (Open Badges 3.0, VC-JWT) is attached to this file.")

    canvas.setFillColor(ACCENT)
    canvas.rect(0, height - 14, width, 14, stroke=0, fill=1)
    margin = 56
    canvas.setFillColor(INK)
    canvas.setFont("VeraBd", 30)
    canvas.drawString(margin, height - 78, heading)
    y = height - 118
    for field in fields:
        canvas.setFillColor(MUTED)
        canvas.setFont("Vera", 9)
        canvas.drawString(margin, y, field.label)
        y -= 16
        canvas.setFillColor(INK)
        big = field.key in ("holder", "course")
        canvas.setFont("VeraBd" if big else "Vera", 17 if big else 11)
        for value in field.values:
            canvas.drawString(margin, y, value)
            y -= 22 if big else 14
        y -= 6
    qr_size = 150
    qr_x, qr_y = width - margin - qr_size, 96
    canvas.setFillColor(INK)
    _draw_qr(canvas, qr_for(url), x=qr_x, y=qr_y, size=qr_size)
    canvas.setFont("Vera", 8)
    canvas.setFillColor(MUTED)
    canvas.drawString(qr_x - 120, qr_y - 18, scan)
    canvas.drawString(qr_x - 120, qr_y - 30, url)
    canvas.drawString(margin, 40, attached)
    _attach(
        canvas,
        name=ATTACHMENT_NAME,
        data=certificate.credential_jwt.encode(),
        description="OpenBadgeCredential (VC-JWT, RS256)",
    )
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
