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


def overlay_text(data: bytes, text: str, *, x: float = 56, y: float = 420) -> bytes:
    """Paint a white box and new text over the page, as a forger with a PDF
    editor would, and save it again, attachment and all."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(842, 595))
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x - 2, y - 6, 300, 24, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont("Helvetica-Bold", 17)
    canvas.drawString(x, y, text)
    canvas.showPage()
    canvas.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.pages[0].merge_page(PdfReader(io.BytesIO(buffer.getvalue())).pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


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
