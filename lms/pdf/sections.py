"""Printed documents of class sections, drawn on a reportlab canvas into
memory: the login cards (eight per A4 page, with cut lines) and the parental
consent letter with its reply slip, in the family's language."""

import io
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.colors import black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from frontend import pdf
from frontend.pdf import CUT, FONT, FONT_BOLD, INK, MUTED
from lms.models import ClassSection, SectionChild
from lms.pictures import BY_KEY, picture_draw

COLUMNS, ROWS = 2, 4
LABEL_GAP = 4  # points between a label and its value


def class_login_url(section: ClassSection) -> str:
    """The login page of the section with its code filled in (the QR code)."""
    with translation.override(section.language):
        path = reverse("lms:class_login")
    return f"{settings.SITE_URL.rstrip('/')}{path}?code={section.code}"


def login_cards_pdf(*, section: ClassSection, cards: list[tuple[SectionChild, list[str]]]) -> bytes:
    """One card per child: the class and its code, the child's name, the three
    pictures in order with their names, and a QR code to the login page."""
    buffer = io.BytesIO()
    width, height = A4
    with translation.override(section.language):
        title = _("Login cards") + f" – {section.name}"
    canvas = pdf.canvas_new(
        buffer, pagesize=A4, meta=pdf.Metadata(title=title, language=section.language)
    )
    card_w, card_h = width / COLUMNS, height / ROWS
    url = class_login_url(section)
    with translation.override(section.language):
        for index, (child, pictures) in enumerate(cards):
            slot = index % (COLUMNS * ROWS)
            if index and slot == 0:
                canvas.showPage()
            if slot == 0:
                _cut_lines(canvas, width, height, card_w, card_h)
            x = (slot % COLUMNS) * card_w
            y = height - (slot // COLUMNS + 1) * card_h
            _card(canvas, section, child, pictures, url, x=x, y=y, w=card_w, h=card_h)
        if not cards:
            canvas.setFont(FONT, 12)
            canvas.drawString(20 * mm, height - 30 * mm, _("No new login cards to print."))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _cut_lines(canvas: Canvas, width: float, height: float, card_w: float, card_h: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(CUT)
    canvas.setDash(4, 3)
    canvas.setLineWidth(0.5)
    for column in range(1, COLUMNS):
        canvas.line(column * card_w, 0, column * card_w, height)
    for row in range(1, ROWS):
        canvas.line(0, row * card_h, width, row * card_h)
    canvas.restoreState()


def class_login_address(section: ClassSection) -> str:
    """The login page as a child types it: the site's host and the path in the
    class language, without scheme or query (e.g. digiskills.be/fr/class/)."""
    with translation.override(section.language):
        path = reverse("lms:class_login")
    return f"{urlsplit(settings.SITE_URL).netloc}{path}"


def _segments_draw(canvas: Canvas, segments, *, x: float, y: float) -> None:
    for text, font, size in segments:
        canvas.setFont(font, size)
        canvas.drawString(x, y, text)
        x += stringWidth(text, font, size) + LABEL_GAP


def _labelled_lines(label: str, value: str, *, width: float) -> list[list[tuple]]:
    """A label and its value on one line when both fit `width`, else the value
    on the line below (shrunk to fit if it must be)."""
    label_w = stringWidth(label, FONT, 10)
    if label_w + LABEL_GAP + stringWidth(value, FONT_BOLD, 14) <= width:
        return [[(label, FONT, 10), (value, FONT_BOLD, 14)]]
    size = pdf.font_size_fit(value, FONT_BOLD, 14, width, minimum=8)
    return [
        [(label, FONT, pdf.font_size_fit(label, FONT, 10, width, minimum=6))],
        [(value, FONT_BOLD, size)],
    ]


def _card(canvas, section, child, pictures, url, *, x, y, w, h) -> None:
    """Text on the full width of the card's upper part, measured so that no two
    strings meet in any language; the pictures and the QR code side by side
    below it."""
    pad = 7 * mm
    width = w - 2 * pad
    size = 19 * mm
    gap = 3 * mm
    pictures_top = y + pad + 5 * mm + size
    lines = [
        [
            (
                child.first_name,
                FONT_BOLD,
                pdf.font_size_fit(child.first_name, FONT_BOLD, 16, width, minimum=9),
            )
        ],
        [
            (
                section.name[:40],
                FONT,
                pdf.font_size_fit(section.name[:40], FONT, 9, width, minimum=6),
            )
        ],
        *_labelled_lines(_("Class code:"), section.code, width=width),
        *_labelled_lines(_("Sign in at:"), class_login_address(section), width=width),
        [(_("Your pictures, in this order:"), FONT, 9)],
    ]
    top = y + h - pad - 10
    step = min(16, (top - pictures_top - 6) / (len(lines) - 1))
    for index, segments in enumerate(lines):
        canvas.setFillColor(MUTED if index == 1 else INK)
        _segments_draw(canvas, segments, x=x + pad, y=top - index * step)
    canvas.setFillColor(INK)
    for position, key in enumerate(pictures):
        left = x + pad + position * (size + gap)
        bottom = y + pad + 5 * mm
        picture_draw(canvas, BY_KEY[key], x=left, y=bottom, size=size)
        label = f"{position + 1}. {BY_KEY[key].name}"
        canvas.setFont(FONT, pdf.font_size_fit(label, FONT, 8, size + gap - 2, minimum=5))
        canvas.drawCentredString(left + size / 2, y + pad, label)
    # Beside the pictures, black on white, its quiet zone (four modules)
    # reaching into the card's margin.
    qr = 28 * mm
    canvas.saveState()
    canvas.setFillColor(black)
    pdf.qr_draw(canvas, url, x=x + w - pad - qr + 3 * mm, y=y + pad - 3 * mm, size=qr, quiet=4)
    canvas.restoreState()


def consent_letter_pdf(*, child: SectionChild, language: str) -> bytes:
    """The letter to the family of a child under 13, in `language`: what the
    platform keeps, why, who sees it, how to withdraw, and a reply slip."""
    section = child.section
    buffer = io.BytesIO()
    width, height = A4
    with translation.override(language):
        canvas = pdf.canvas_new(
            buffer,
            pagesize=A4,
            meta=pdf.Metadata(title=_("Letter to the parents"), language=language),
        )
        left = 20 * mm
        text_width = width - 40 * mm
        y = height - 25 * mm
        canvas.setFillColor(INK)
        canvas.setFont(FONT_BOLD, 16)
        canvas.drawString(left, y, _("Coding for kids: your permission"))
        y -= 12 * mm
        paragraphs = [
            (
                None,
                _(
                    "Dear parent or guardian of %(name)s, in the class “%(section)s” your child "
                    "learns the basics of coding with block puzzles on Digiskills."
                )
                % {"name": child.first_name, "section": section.name},
            ),
            (
                _("What we keep"),
                _(
                    "Your child's first name and which puzzles they solved, with stars and the "
                    "number of tries. No e-mail address, no photo, no address. With your "
                    "permission we also keep a learning log of the exercises."
                ),
            ),
            (
                _("Why"),
                _(
                    "So that your child can continue where they stopped, and the teacher can "
                    "see who needs help."
                ),
            ),
            (
                _("Who sees it"),
                _(
                    "Only the teacher of the class. Nothing is public, nothing is sold, "
                    "and your child gets no certificate on a public page."
                ),
            ),
            (
                _("How to withdraw"),
                _(
                    "Tell the teacher at any time, on paper, by e-mail or in person. From "
                    "then on we keep only the first name and the puzzle progress, and the "
                    "teacher can delete the account."
                ),
            ),
        ]
        for title, text in paragraphs:
            if title:
                canvas.setFont(FONT_BOLD, 12)
                canvas.drawString(left, y, title)
                y -= 6 * mm
            canvas.setFont(FONT, 11)
            for line in pdf.text_wrap(text, FONT, 11, text_width):
                canvas.drawString(left, y, line)
                y -= 5.5 * mm
            y -= 4 * mm
        # The reply slip, below a cut line.
        y = 95 * mm
        canvas.saveState()
        canvas.setStrokeColor(CUT)
        canvas.setDash(4, 3)
        canvas.line(10 * mm, y, width - 10 * mm, y)
        canvas.restoreState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(left, y + 2 * mm, _("Cut here and give the slip to the teacher."))
        canvas.setFillColor(INK)
        y -= 12 * mm
        canvas.setFont(FONT_BOLD, 13)
        canvas.drawString(left, y, _("Reply slip"))
        y -= 9 * mm
        canvas.setFont(FONT, 11)
        slip = [
            _("Child: %(name)s — class: %(section)s (%(code)s)")
            % {"name": child.first_name, "section": section.name, "code": section.code},
            _("[  ] I agree that Digiskills keeps the data described in this letter."),
            _("[  ] I do not agree."),
            _("Name of the parent or guardian:") + " " + "_" * 40,
            _("Date:") + " " + "_" * 16 + "    " + _("Signature:") + " " + "_" * 22,
        ]
        for line in slip:
            for part in pdf.text_wrap(line, FONT, 11, text_width):
                canvas.drawString(left, y, part)
                y -= 9 * mm
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def class_diplomas_pdf(*, section: ClassSection, diplomas: list, teacher) -> bytes:
    """The class diplomas, in the class language: one A4 landscape page per
    child who completed (`lms.selectors.sections.section_diplomas`), with the
    child's first name, the class, the course and the date. A keepsake from
    the teacher, not a credential: no code, no QR, nothing to look up."""
    from lms.selectors import user_display_name

    buffer = io.BytesIO()
    width, height = landscape(A4)
    with translation.override(section.language):
        canvas = pdf.canvas_new(
            buffer,
            pagesize=(width, height),
            meta=pdf.Metadata(
                title=_("Class diplomas") + f" – {section.name}",
                author=user_display_name(teacher),
                language=section.language,
            ),
        )
        for diploma in diplomas:
            _diploma_page(canvas, section, diploma, user_display_name(teacher), width, height)
            canvas.showPage()
        if not diplomas:
            canvas.setFont(FONT, 14)
            canvas.drawString(
                20 * mm,
                height - 30 * mm,
                _("No child of this class has completed the coding course yet."),
            )
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _diploma_page(canvas, section, diploma, teacher_name, width, height) -> None:
    from django.utils import formats, timezone

    canvas.saveState()
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(3)
    canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    canvas.setLineWidth(0.8)
    canvas.rect(16 * mm, 16 * mm, width - 32 * mm, height - 32 * mm)
    canvas.restoreState()
    centre = width / 2
    text_width = width - 70 * mm
    canvas.setFillColor(INK)
    canvas.setFont(FONT_BOLD, 34)
    canvas.drawCentredString(centre, height - 48 * mm, _("Class diploma"))
    canvas.setFont(FONT, 15)
    canvas.drawCentredString(centre, height - 66 * mm, _("Well done,"))
    name = diploma.child.first_name
    size = pdf.font_size_fit(name, FONT_BOLD, 40, text_width, minimum=18)
    canvas.setFont(FONT_BOLD, size)
    canvas.drawCentredString(centre, height - 88 * mm, name)
    canvas.setFont(FONT, 15)
    y = height - 104 * mm
    line = _("You solved every puzzle of the course “%(course)s”.") % {
        "course": diploma.course_title
    }
    for part in pdf.text_wrap(line, FONT, 15, text_width):
        canvas.drawCentredString(centre, y, part)
        y -= 8 * mm
    y -= 2 * mm
    completed = formats.date_format(timezone.localtime(diploma.completed_at), "DATE_FORMAT")
    canvas.drawCentredString(
        centre, y, _("Class: %(section)s — %(date)s") % {"section": section.name, "date": completed}
    )
    # The teacher signs by hand.
    canvas.setFont(FONT, 12)
    canvas.line(centre + 40 * mm, 42 * mm, centre + 110 * mm, 42 * mm)
    canvas.drawCentredString(centre + 75 * mm, 36 * mm, _("Your teacher") + f": {teacher_name}")
    canvas.setFont(FONT, 9)
    canvas.setFillColor(MUTED)
    for index, part in enumerate(
        pdf.text_wrap(
            _(
                "A class diploma from your teacher. It is not a public certificate: "
                "it has no code and cannot be looked up on the internet."
            ),
            FONT,
            9,
            100 * mm,
        )
    ):
        canvas.drawString(26 * mm, 40 * mm - index * 4.5 * mm, part)
