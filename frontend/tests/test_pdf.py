"""The one helper every PDF of the project is drawn with (frontend.pdf), and
the project's PDFs drawn with it."""

import io
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from frontend import pdf
from frontend.tests.pdf_reading import qr_texts

ROOT = Path(__file__).resolve().parents[2]


def _render(draw, **meta) -> bytes:
    meta = pdf.Metadata(**{"title": "A title", "language": "fr", **meta})
    return pdf.render(draw, pagesize=A4, meta=meta)


@pytest.mark.parametrize("quiet", [0, 4])
def test_a_drawn_qr_code_reads_back_at_150_dpi(quiet):
    def draw(canvas):
        pdf.qr_draw(
            canvas,
            "https://example.be/x?code=ABCD-1234",
            x=100,
            y=400,
            size=110,
            quiet=quiet,
        )
        canvas.showPage()

    assert qr_texts(_render(draw)) == ["https://example.be/x?code=ABCD-1234"]


def test_the_creation_date_is_now_in_brussels_time_with_its_offset():
    def draw(canvas):
        canvas.drawString(72, 72, "x")
        canvas.showPage()

    info = PdfReader(io.BytesIO(_render(draw))).metadata
    match = re.fullmatch(r"D:(\d{14})([+-]\d\d)'(\d\d)'", info["/CreationDate"])
    assert match, info["/CreationDate"]
    moment = datetime.strptime(match[1], "%Y%m%d%H%M%S")
    now = timezone.localtime(timezone.now())
    assert abs(moment - now.replace(tzinfo=None)) < timedelta(minutes=2)
    assert int(match[2]) == now.utcoffset().total_seconds() // 3600
    assert not info["/CreationDate"].startswith("D:2000")


def test_a_given_creation_date_is_written_with_the_brussels_offset():
    summer = datetime(2026, 7, 1, 10, 30, tzinfo=timezone.get_fixed_timezone(0))

    def draw(canvas):
        canvas.showPage()

    info = PdfReader(io.BytesIO(_render(draw, created=summer))).metadata
    assert info["/CreationDate"] == "D:20260701123000+02'00'"
    assert pdf.pdf_date(summer) == "D:20260701123000+02'00'"
    assert pdf.xmp_date(summer) == "2026-07-01T12:30:00+02:00"


def test_the_document_properties_and_language_are_set():
    def draw(canvas):
        canvas.showPage()

    reader = PdfReader(io.BytesIO(_render(draw, subject="S", author="A")))
    assert reader.metadata.title == "A title"
    assert reader.metadata.author == "A" and reader.metadata.subject == "S"
    assert reader.trailer["/Root"]["/Lang"] == "fr"


def test_text_is_embedded_vera_never_helvetica():
    def draw(canvas):
        canvas.drawString(72, 700, "Łukasz Yılmaz")  # the initial font, never set
        canvas.setFont(pdf.FONT_BOLD, 12)
        canvas.drawString(72, 680, "Ğenç")
        canvas.showPage()

    data = _render(draw)
    assert b"Helvetica" not in data
    assert "Łukasz Yılmaz" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_text_wrap_keeps_within_the_width():
    lines = pdf.text_wrap("one two three four five six seven", pdf.FONT, 12, 60)
    assert len(lines) > 1
    assert " ".join(lines) == "one two three four five six seven"
    assert all(
        pdf.pdfmetrics.stringWidth(line, pdf.FONT, 12) <= 60 or " " not in line for line in lines
    )


def test_font_size_fit_shrinks_to_the_minimum_at_most():
    assert pdf.font_size_fit("short", pdf.FONT, 16, 500, minimum=10) == 16
    assert pdf.font_size_fit("a very long name " * 5, pdf.FONT, 16, 50, minimum=10) == 10


def test_no_pdf_code_outside_frontend_registers_fonts_or_makes_qr_codes():
    """One helper for every PDF the project draws: nobody else sets up fonts,
    QR codes or canvases."""
    offenders = []
    for path in ROOT.glob("*/**/*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if (
            relative.startswith((".venv/", "node_modules/", "frontend/pdf.py"))
            or "/tests/" in relative
        ):
            continue
        text = path.read_text(encoding="utf-8")
        for needle in (r"registerFont", r"segno\.make", r"(?<!\w)Canvas\(", r"Helvetica"):
            if re.search(needle, text):
                offenders.append(f"{relative}: {needle}")
    assert offenders == []
