"""Helpers to forge bad input for the verification tests."""

import io
import json

from joserfc import jws
from joserfc.jwk import RSAKey
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas


def b64(data: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def tamper_payload(token: str, **changes) -> str:
    """The same signature over a payload with some claims changed."""
    import base64

    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims.update(changes)
    return ".".join([header, b64(json.dumps(claims).encode()), signature])


def sign_with_foreign_key(token: str, *, kid: str | None = None) -> str:
    """The same claims, re-signed with a key that is not ours."""
    import base64

    header, payload, _signature = token.split(".")
    header_data = json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))
    if kid is not None:
        header_data["kid"] = kid
    key = RSAKey.generate_key(2048, private=True)
    claims = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    return jws.serialize_compact(header_data, claims, key, algorithms=["RS256"])


def pdf_without_credential(text: str = "Certificate") -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def issue_after_exam(*, user, course, **kwargs):
    """Issue a course's certificate the way the platform does: only after the
    learner passed the course's server-graded final exam (recorded here)."""
    from certificates import services
    from lms.tests.factories import exam_attempt_record

    exam_attempt_record(user=user, course=course)
    return services.certificate_issue(user=user, course=course, **kwargs)


def issued_pdf(certificate, language: str, *, rerender: bool = False) -> bytes:
    """The bytes of a PDF as the platform hands it out (stored, hash recorded)."""
    from django.core.files.storage import default_storage

    from certificates import services

    name = services.certificate_pdf(certificate=certificate, language=language, rerender=rerender)
    with default_storage.open(name, "rb") as handle:
        return handle.read()


def _text_box(data: bytes, text: str) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) in PDF points of `text` on page 1."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        page = document[0]
        textpage = page.get_textpage()
        searcher = textpage.search(text, match_case=True)
        found = searcher.get_next()
        assert found is not None, f"{text!r} is not on the page"
        index, count = found
        boxes = [textpage.get_charbox(i) for i in range(index, index + count)]
    finally:
        document.close()
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def paint_over(data: bytes, replacements: dict[str, str], *, incremental: bool = False) -> bytes:
    """What a forger does with a PDF editor: a white box over each printed text
    of `replacements` and another text painted on it, the attached credential
    kept. Either the page rewritten (pypdf merge) or an incremental update that
    leaves the original bytes in place and appends the change."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(842, 595))
    for old, new in replacements.items():
        left, bottom, right, top = _text_box(data, old)
        height = top - bottom
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(left - 2, bottom - 3, max(right - left, 200) + 40, height + 6, stroke=0, fill=1)
        canvas.setFillColorRGB(0.1, 0.12, 0.14)
        canvas.setFont("Helvetica-Bold" if height > 10 else "Helvetica", max(height * 1.35, 8))
        canvas.drawString(left, bottom, new)
    canvas.showPage()
    canvas.save()
    overlay = PdfReader(io.BytesIO(buffer.getvalue())).pages[0]
    if incremental:
        writer = PdfWriter(io.BytesIO(data), incremental=True)
    else:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.pages[0].merge_page(overlay)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_with_attachment(data: bytes, *, name: str = "credential.jwt") -> bytes:
    """A plain PDF carrying `data` as an attached file."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_without_credential())))
    writer.add_attachment(name, data)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned_pdf() -> bytes:
    """A scan: one page that is a picture of a certificate, no attachment."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    picture = Image.new("RGB", (842, 595), "white")
    ImageDraw.Draw(picture).text((60, 120), "Certificate - Lotte Peeters", fill="black")
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(842, 595))
    canvas.drawImage(ImageReader(picture), 0, 0, width=842, height=595)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def png_image() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, "PNG")
    return buffer.getvalue()


def status_list_jwt() -> str:
    """A genuine status list of ours, signed with our key, as a verifier gets it."""
    from django.utils import timezone

    from certificates import credentials, selectors, services
    from certificates.models import StatusList

    status_list = StatusList.objects.first() or StatusList.objects.create()
    return credentials.status_list_credential(
        status_list_id=status_list.pk,
        revoked=[],
        signing_key=selectors.signing_key_active() or services.signing_key_rotate(),
        now=timezone.now(),
    )
