"""The printable certificate: one A4 landscape page drawn on a reportlab canvas
into memory (pretix's way, with `frontend.pdf`), real text in the learner's
language (searchable, read aloud by screen readers), the track's badge, the
issuing entity, a QR code deep-linking to the verification page, a link to the
verification page in the same language (its accessible HTML twin: reportlab
cannot tag a PDF), and the signed credential embedded as an associated file.

The file is PDF/A-3b (XMP metadata, sRGB output intent, fonts embedded,
associated file with its MIME type) and is then sealed (`certificates.seal`):
PAdES by the issuer's document key, as an incremental update.

`pdf_fields` is also what the PDF check compares an uploaded PDF against.
"""

import io
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape

from certificates.badges import badge_draw
from certificates.links import absolute, verify_url
from certificates.models import Certificate, SigningKey
from frontend import pdf

ATTACHMENT_NAME = "credential.jwt"
ATTACHMENT_MIME = "application/vc+jwt"
INK, MUTED, ACCENT = pdf.INK, pdf.MUTED, pdf.ACCENT


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
        holder = (c.content["holder_name"],)
        verified = c.content.get("identity_verified")
        if verified:
            # "Identity verified through itsme on ...", frozen at issue.
            holder += (verified["text"].get(language) or verified["text"]["en"],)
        fields = [
            Field("holder", _("Awarded to"), holder),
            Field("course", _("For completing the course"), (c.text("course", language),)),
            Field("track", _("Track"), (c.text("track", language),)),
            Field("competences", _("DigComp 2.2 competences"), competences or ("—",)),
            Field("level", _("DigComp proficiency level"), (c.text("level", language),)),
        ]
        score = c.content.get("score")
        if score:
            fields.append(
                Field(
                    "score",
                    _("Exam result"),
                    (
                        _("%(percent)s %% (pass mark %(pass_mark)s %%)")
                        % {"percent": score["percent"], "pass_mark": score["pass_mark"]},
                    ),
                )
            )
        address = c.content.get("issuer_address", settings.CERTIFICATES_ISSUER_ADDRESS)
        return [
            *fields,
            Field("issued", _("Date of issue"), (_date(c.issued_at),)),
            Field("valid_until", _("Valid until"), (validity,)),
            Field("issuer", _("Issued by"), (c.content["issuer"], *([address] if address else []))),
            Field("code", _("Verification code"), (c.display_code,)),
            Field(
                "accessible",
                _("An accessible version of this certificate:"),
                (page_url(c, language),),
            ),
        ]


def page_url(certificate: Certificate, language: str) -> str:
    """The verification page in `language`: the certificate as an accessible web page."""
    with translation.override(language):
        path = reverse("certificates:verify")
    return absolute(f"{path}?code={certificate.display_code}")


def _meta(certificate: Certificate, language: str) -> pdf.Metadata:
    with translation.override(language):
        return pdf.Metadata(
            title=f"{_('Certificate')} · {certificate.text('course', language)}",
            author=certificate.content["issuer"],
            subject=f"{certificate.display_code} · {language}",
            keywords="Open Badges 3.0, DigComp 2.2",
            creator="Digiskills",
            language=language,
            created=timezone.now(),
        )


def _draw(canvas, certificate: Certificate, language: str) -> None:
    width, height = landscape(A4)
    fields = pdf_fields(certificate, language)
    url = verify_url(certificate.code)
    with translation.override(language):
        heading = _("Certificate")
        scan = _("Scan or visit to check this certificate:")
        attached = _("The signed credential (Open Badges 3.0, VC-JWT) is attached to this file.")

    canvas.setFillColor(ACCENT)
    canvas.rect(0, height - 14, width, 14, stroke=0, fill=1)
    margin = 56
    badge = 112
    badge_draw(
        canvas,
        certificate.content.get("track_code", ""),
        x=width - margin - badge,
        y=height - 40 - badge,
        size=badge,
    )
    canvas.setFillColor(INK)
    canvas.setFont(pdf.FONT_BOLD, 30)
    canvas.drawString(margin, height - 72, heading)
    y = height - 104
    room = width - 2 * margin - badge - 16
    links = []
    for field in fields:
        canvas.setFillColor(MUTED)
        canvas.setFont(pdf.FONT, 8.5)
        canvas.drawString(margin, y, field.label)
        big = field.key in ("holder", "course")
        y -= 19 if big else 13
        canvas.setFillColor(INK)
        small = field.key == "accessible"
        canvas.setFont(pdf.FONT_BOLD if big else pdf.FONT, 17 if big else 8.5 if small else 10.5)
        for value in field.values:
            if big:
                # A long name or title shrinks rather than run under the badge.
                canvas.setFont(
                    pdf.FONT_BOLD,
                    pdf.font_size_fit(value, pdf.FONT_BOLD, 17, room, minimum=10),
                )
            canvas.drawString(margin, y, value)
            if small:
                links.append((value, y))
            y -= 21 if big else 13
        y -= 5
    for value, baseline in links:
        text_width = pdf.pdfmetrics.stringWidth(value, pdf.FONT, 8.5)
        pdf.link_add(
            canvas,
            value,
            rect=(margin, baseline - 3, margin + text_width, baseline + 9),
            description=value,
        )
    qr_size = 140
    qr_x, qr_y = width - margin - qr_size, 92
    canvas.setFillColor(INK)
    pdf.qr_draw(canvas, pdf.qr_make(url), x=qr_x, y=qr_y, size=qr_size)
    canvas.setFont(pdf.FONT, 8)
    canvas.setFillColor(MUTED)
    canvas.drawRightString(width - margin, qr_y - 17, scan)
    canvas.drawRightString(width - margin, qr_y - 29, url)
    canvas.drawString(margin, 30, attached)


def pdf_draw(certificate: Certificate, language: str) -> bytes:
    """The certificate as a PDF/A-3b file in `language`, before its seal."""
    meta = _meta(certificate, language)
    buffer = io.BytesIO()
    canvas = pdf.canvas_new(buffer, pagesize=landscape(A4), meta=meta)
    _draw(canvas, certificate, language)
    pdf.metadata_add(canvas, meta, pdfa=True)
    pdf.viewer_preferences(canvas)
    pdf.files_attach(
        canvas,
        [
            pdf.Attachment(
                name=ATTACHMENT_NAME,
                data=certificate.credential_jwt.encode(),
                mime=ATTACHMENT_MIME,
                description="OpenBadgeCredential (VC-JWT, RS256)",
                # The credential is the source of what the page shows.
                relationship="Source",
                modified=certificate.issued_at,
            )
        ],
        moment=meta.moment(),
    )
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def pdf_render(
    certificate: Certificate, language: str, *, seal_key: SigningKey | None = None
) -> bytes:
    """The certificate as sealed PDF bytes in `language`: drawn, then sealed
    by `seal_key` (the active document key when not given)."""
    from certificates.seal import pdf_seal

    if seal_key is None:
        from certificates.services import document_key

        seal_key = document_key()
    with translation.override(language):
        reason = _("Certificate %(code)s issued by %(issuer)s") % {
            "code": certificate.display_code,
            "issuer": certificate.content["issuer"],
        }
    return pdf_seal(
        pdf_draw(certificate, language),
        key=seal_key,
        reason=reason,
        location=settings.SITE_URL,
    )
