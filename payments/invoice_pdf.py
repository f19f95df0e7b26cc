"""The invoice or credit note as PDF: one A4 page drawn on a reportlab canvas
into memory (`frontend.pdf`: embedded Vera fonts that carry é, ë, ç, ß, ł …,
real text, document title, author and language set), in the invoice's
language (nl, fr, de, en), from the text frozen on the invoice.

What Belgian VAT law (art. 5 of Royal Decree no. 1) asks an invoice to say is
printed: date and number, seller and buyer with addresses, enterprise and VAT
numbers, what was sold and how much, unit price without VAT, rate and amount of
VAT per rate, totals, and for an EU reverse charge the legal mention; a credit
note names the invoice it credits.
"""

import uuid
from decimal import Decimal

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from reportlab.lib.pagesizes import A4
from stdnum import iban as stdnum_iban

from frontend import pdf
from payments.models import Invoice, Order
from payments.money import euros

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 50
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN


def document_title(invoice: Invoice) -> str:
    """ "Factuur", "Facture", "Rechnung", "Invoice" or the credit note's title,
    in the active language."""
    if invoice.kind == Invoice.Kind.CREDIT_NOTE:
        return pgettext("document title", "Credit note")
    return pgettext("document title", "Invoice")


def reverse_charge_mention() -> str:
    """The legal mention of an EU reverse charge, in the active language."""
    return _("Reverse charge – Article 196 of Directive 2006/112/EC")


def company_number_display(number: str) -> str:
    """`0403170701` as people write it: `0403.170.701`."""
    digits = "".join(c for c in number or "" if c.isdigit())
    if len(digits) != 10:
        return number or ""
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def iban_display(number: str) -> str:
    try:
        return stdnum_iban.format(number)
    except Exception:  # noqa: BLE001 - a setting we print as it is when odd
        return number or ""


def payment_method_label(method: str) -> str:
    labels = {
        "bancontact": "Bancontact",
        "card": _("card"),
        "sepa_debit": _("SEPA Direct Debit"),
        "ideal": "iDEAL",
    }
    return labels.get(method, method)


def pdf_euros(cents: int, language: str) -> str:
    """`payments.money.euros`, with French's narrow no-break space as a no-break
    space: the embedded font has no glyph for the narrow one."""
    return euros(cents, language).replace("\u202f", "\u00a0")


def _date(value) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def _rate(value) -> str:
    text = f"{value.normalize():f}" if hasattr(value, "normalize") else str(value)
    if translation.get_language() != "en":
        text = text.replace(".", ",")
    return f"{text} %"


def _line_description(line: dict, language: str) -> tuple[str, str]:
    title = line.get("title")
    if not title:
        from courses.selectors import course_titles

        key = uuid.UUID(line["course_key"])
        title = course_titles(keys=[key], language=language).get(key, "")
    if line.get("kind") == Order.Kind.EXAM_FEE:
        what = _("Certified exam fee")
    else:
        what = _("Course seats (vouchers)")
    return what, title


def _party_lines(party: dict, *, seller: bool) -> list[str]:
    rows = [party.get("name", "")]
    if party.get("street"):
        rows.append(party["street"])
    place = " ".join(p for p in (party.get("postcode", ""), party.get("city", "")) if p)
    if place:
        rows.append(place)
    if party.get("country") and party.get("country") != "BE":
        rows.append(party["country"])
    if party.get("company_number"):
        rows.append(
            _("Company number (KBO/BCE): %(number)s")
            % {"number": company_number_display(party["company_number"])}
        )
    if party.get("vat_number"):
        rows.append(_("VAT number: %(number)s") % {"number": party["vat_number"]})
    if seller and party.get("iban"):
        rows.append(_("IBAN: %(iban)s") % {"iban": iban_display(party["iban"])})
    # The buyer's e-mail is not printed: the law does not ask for it, and the
    # PDF is kept for years, after the person may have erased their account.
    if seller and party.get("email"):
        rows.append(_("E-mail: %(email)s") % {"email": party["email"]})
    return [r for r in rows if r]


class _Writer:
    """A cursor going down the page."""

    def __init__(self, canvas):
        self.canvas = canvas
        self.y = PAGE_HEIGHT - MARGIN

    def text(self, x, text, *, font=pdf.FONT, size=10, colour=pdf.INK, right=False, width=None):
        self.canvas.setFont(font, size)
        self.canvas.setFillColor(colour)
        lines = pdf.text_wrap(text, font, size, width) if width else [text]
        y = self.y
        for line in lines:
            if right:
                self.canvas.drawRightString(x, y, line)
            else:
                self.canvas.drawString(x, y, line)
            y -= size * 1.3
        return y


# (label, right edge or left x, width, right-aligned)
def _columns() -> list[tuple[str, float, float, bool]]:
    return [
        (_("Description"), MARGIN, 140, False),
        (_("Quantity"), MARGIN + 190, 42, True),
        (_("Unit price excl. VAT"), MARGIN + 262, 62, True),
        (_("VAT rate"), MARGIN + 330, 56, True),
        (_("VAT"), MARGIN + 395, 55, True),
        (_("Total incl. VAT"), MARGIN + CONTENT_WIDTH, 75, True),
    ]


def _draw(canvas, invoice: Invoice) -> None:
    language = invoice.language
    money = lambda cents: pdf_euros(cents, language)  # noqa: E731
    w = _Writer(canvas)
    title = document_title(invoice)

    # Title, number, date.
    w.text(MARGIN, title, font=pdf.FONT_BOLD, size=22, colour=pdf.ACCENT)
    w.y -= 26
    w.text(MARGIN, _("Number: %(number)s") % {"number": invoice.number}, font=pdf.FONT_BOLD)
    w.y -= 14
    w.text(MARGIN, _("Date: %(date)s") % {"date": _date(invoice.issued_on)})
    w.y -= 30

    # Seller and buyer, side by side.
    top = w.y
    column = CONTENT_WIDTH / 2 - 10
    for x, label, party, seller in (
        (MARGIN, _("Seller"), invoice.seller, True),
        (MARGIN + CONTENT_WIDTH / 2 + 10, _("Customer"), invoice.buyer, False),
    ):
        w.y = top
        w.text(x, label, font=pdf.FONT_BOLD, size=11, colour=pdf.MUTED)
        w.y -= 16
        for index, row in enumerate(_party_lines(party or {}, seller=seller)):
            font = pdf.FONT_BOLD if index == 0 else pdf.FONT
            w.y = w.text(x, row, font=font, size=9.5, width=column)
    bottom = min(w.y, top - 16 * 8)
    w.y = bottom - 24

    # The lines.
    columns = _columns()
    header_bottom = w.y
    for label, x, width, right in columns:
        y = w.text(x, label, font=pdf.FONT_BOLD, size=8.5, right=right, width=width)
        header_bottom = min(header_bottom, y)
    w.y = header_bottom + 4
    canvas.setStrokeColor(pdf.MUTED)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, w.y, MARGIN + CONTENT_WIDTH, w.y)
    w.y -= 14
    for line in invoice.lines:
        rate = line.get("vat_rate", str(invoice.vat_rate))
        what, course = _line_description(line, language)
        cells = [
            what,
            str(line["quantity"]),
            money(line["unit_cents"]),
            _rate(Decimal(rate)),
            money(line["vat_cents"]),
            money(line["net_cents"] + line["vat_cents"]),
        ]
        row_bottom = w.y
        for (_label, x, width, right), value in zip(columns, cells, strict=True):
            y = w.text(x, value, size=9.5, right=right, width=width if not right else None)
            row_bottom = min(row_bottom, y)
        if course:
            # The course on lines of its own, under what was sold.
            w.y = row_bottom
            row_bottom = w.text(MARGIN, course, font=pdf.FONT_BOLD, size=9.5, width=140)
        w.y = row_bottom - 4
    canvas.line(MARGIN, w.y + 8, MARGIN + CONTENT_WIDTH, w.y + 8)
    w.y -= 8

    # Totals.
    label_x = MARGIN + CONTENT_WIDTH - 110
    amount_x = MARGIN + CONTENT_WIDTH
    for label, cents, bold in (
        (_("Total excl. VAT"), invoice.net_cents, False),
        (_("VAT %(rate)s") % {"rate": _rate(invoice.vat_rate)}, invoice.vat_cents, False),
        (_("Total incl. VAT"), invoice.gross_cents, True),
    ):
        font = pdf.FONT_BOLD if bold else pdf.FONT
        w.text(label_x, label, font=font, size=10, right=True)
        w.text(amount_x, money(cents), font=font, size=10, right=True)
        w.y -= 15
    w.y -= 12

    # Mentions: reverse charge, credited invoice, payment.
    notes = []
    if invoice.reverse_charge:
        notes.append((reverse_charge_mention(), pdf.FONT_BOLD))
    if invoice.kind == Invoice.Kind.CREDIT_NOTE and invoice.credited_invoice_id:
        credited = invoice.credited_invoice
        notes.append(
            (
                _("This credit note credits invoice %(number)s of %(date)s.")
                % {"number": credited.number, "date": _date(credited.issued_on)},
                pdf.FONT_BOLD,
            )
        )
        if invoice.refund_id and invoice.refund.reason:
            notes.append((_("Reason: %(reason)s") % {"reason": invoice.refund.reason}, pdf.FONT))
    else:
        paid_at = invoice.order.paid_at
        if paid_at:
            day = _date(timezone.localdate(paid_at))
            if invoice.payment_method:
                text = _("Paid on %(date)s by %(method)s. Nothing is left to pay.") % {
                    "date": day,
                    "method": payment_method_label(invoice.payment_method),
                }
            else:
                text = _("Paid on %(date)s. Nothing is left to pay.") % {"date": day}
            notes.append((text, pdf.FONT))
    for text, font in notes:
        w.y = w.text(MARGIN, text, font=font, size=10, width=CONTENT_WIDTH) - 6

    # Footer: the seller's identifiers again, as on every page of an invoice.
    seller = invoice.seller
    footer = " · ".join(
        part
        for part in (
            seller.get("name", ""),
            company_number_display(seller.get("company_number", "")),
            seller.get("vat_number", ""),
            iban_display(seller.get("iban", "")),
            seller.get("email", ""),
        )
        if part
    )
    canvas.setFont(pdf.FONT, 7.5)
    canvas.setFillColor(pdf.MUTED)
    canvas.drawCentredString(PAGE_WIDTH / 2, MARGIN / 2, footer)
    canvas.showPage()


def invoice_pdf(*, invoice: Invoice) -> bytes:
    """The PDF of `invoice` (or credit note) in its language, as bytes."""
    with translation.override(invoice.language):
        title = f"{document_title(invoice)} {invoice.number}"
        meta = pdf.Metadata(
            title=title,
            author=invoice.seller.get("name") or "Digiskills",
            subject=title,
            language=invoice.language,
            created=invoice.created_at,
        )

        def draw(canvas):
            pdf.viewer_preferences(canvas)
            pdf.metadata_add(canvas, meta)
            _draw(canvas, invoice)

        return pdf.render(draw, pagesize=A4, meta=meta)
