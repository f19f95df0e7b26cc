"""The invoice PDF read back as text (pdftotext), in nl, fr, de and en: title,
number, seller and buyer identifiers, course title, amounts, payment, the
reverse-charge mention and the credited invoice of a credit note."""

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from payments.invoice_pdf import invoice_pdf
from payments.models import Price, Refund
from payments.money import euros
from payments.services.invoices import credit_note_issue, invoice_issue
from payments.tests.factories import OrderFactory, PriceFactory
from payments.tests.invoice_helpers import TITLES, brussels_time, course_in_four_languages, pdf_text

pytestmark = pytest.mark.django_db

LANGUAGES = ["nl", "fr", "de", "en"]
TITLE = {"nl": "Factuur", "fr": "Facture", "de": "Rechnung", "en": "Invoice"}
CREDIT_TITLE = {"nl": "Creditnota", "fr": "Note de crédit", "de": "Gutschrift", "en": "Credit note"}
REVERSE_CHARGE = {
    "nl": "Btw verlegd – artikel 196 Richtlijn 2006/112/EG",
    "fr": "Autoliquidation – article 196 de la directive 2006/112/CE",
    "de": "Steuerschuldnerschaft des Leistungsempfängers – Artikel 196 Richtlinie 2006/112/EG",
    "en": "Reverse charge – Article 196 of Directive 2006/112/EC",
}
CREDITS = {
    "nl": "Deze creditnota crediteert factuur {number} van",
    "fr": "Cette note de crédit porte sur la facture {number} du",
    "de": "Diese Gutschrift bezieht sich auf die Rechnung {number} vom",
    "en": "This credit note credits invoice {number} of",
}
PAID = {"nl": "Betaald op", "fr": "Payé le", "de": "Bezahlt am", "en": "Paid on"}
BUYER = "Łukasz Çelik-Müßig Ëlise bv"
# 10 units at € 123,45: net 1 234,50, VAT 21 % 259,25 (259,245 rounded half up).
UNIT, NET, VAT, GROSS = 12_345, 123_450, 25_925, 149_375


def _normal(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def assert_printed(text: str, expected: list[str]) -> None:
    """Every expected phrase is printed (whitespace as a reader sees it)."""
    text = _normal(text)
    missing = [phrase for phrase in expected if _normal(phrase) not in text]
    assert missing == [], f"not printed: {missing}"


def _order(language: str, course, **billing):
    price = Price.objects.filter(course_key=course.translation_key).first() or PriceFactory(
        course_key=course.translation_key, unit_amount_cents=UNIT
    )
    order = OrderFactory(
        paid=True,
        price=price,
        billing={
            "name": BUYER,
            "street": "Rue de l'Étuve 12",
            "postcode": "1000",
            "city": "Brussel",
            "country": "BE",
            "company_number": "0203201340",
            "vat_number": "BE0203201340",
            "email": "compta@example.be",
            "language": language,
            **billing,
        },
        **({"vat_rate": Decimal("0.00"), "reverse_charge": True} if billing else {}),
    )
    order.stripe_events.create(
        event_id=f"evt_{order.pk}",
        type="payment_intent.succeeded",
        created=1,
        payload={"data": {"object": {"payment_method_types": ["bancontact"]}}},
    )
    return order


@pytest.fixture
def course(home_page):
    return course_in_four_languages(home_page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_invoice_prints_what_belgian_law_asks_in_its_language(language, course):
    with brussels_time(2026, 3, 9, 10, 0, 0):
        invoice = invoice_issue(order=_order(language, course))
    text = pdf_text(invoice_pdf(invoice=invoice))
    assert_printed(
        text,
        [
            TITLE[language],
            "F2026-000001",
            # Seller: name, address, KBO/BCE, VAT, IBAN, e-mail.
            "Digiskills vzw",
            "Kunstlaan 1",
            "0403.170.701",
            "BE0403170701",
            "BE71 0961 2345 6769",
            "invoices@digiskills.example",
            # Buyer: every letter of the name, address, company and VAT numbers.
            BUYER,
            "Rue de l'Étuve 12",
            "0203.201.340",
            "BE0203201340",
            TITLES[language],
            euros(UNIT, language),
            "21 %",
            euros(NET, language),
            euros(VAT, language),
            euros(GROSS, language),
            PAID[language],
            "Bancontact",
        ],
    )
    assert _normal(REVERSE_CHARGE[language]) not in _normal(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_eu_business_gets_zero_vat_and_the_reverse_charge_mention(language, course):
    order = _order(language, course, country="DE", company_number="", vat_number="DE136695976")
    invoice = invoice_issue(order=order)
    text = pdf_text(invoice_pdf(invoice=invoice))
    assert_printed(
        text,
        [REVERSE_CHARGE[language], "DE136695976", "0 %", euros(0, language), euros(NET, language)],
    )
    assert euros(GROSS, language) not in _normal(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_credit_note_names_the_invoice_it_credits(language, course):
    order = _order(language, course)
    invoice = invoice_issue(order=order)
    refund = Refund.objects.create(
        order=order, seats=2, net_cents=24_690, vat_cents=5_185, gross_cents=29_875
    )
    note = credit_note_issue(refund=refund)
    text = pdf_text(invoice_pdf(invoice=note))
    assert_printed(
        text,
        [
            CREDIT_TITLE[language],
            note.number,
            CREDITS[language].format(number=invoice.number),
            euros(24_690, language),
            euros(5_185, language),
            euros(29_875, language),
            BUYER,
        ],
    )


def test_a_mutated_expectation_fails(course):
    """The comparison is real: one cent, one digit or another language's
    mention makes it fail."""
    order = _order("de", course, country="DE", company_number="", vat_number="DE136695976")
    text = pdf_text(invoice_pdf(invoice=invoice_issue(order=order)))
    assert_printed(text, [REVERSE_CHARGE["de"], euros(NET, "de")])
    for wrong in (euros(NET + 1, "de"), "DE136695977", REVERSE_CHARGE["fr"], "F2026-000002"):
        with pytest.raises(AssertionError):
            assert_printed(text, [wrong])


def test_pdf_metadata_title_language_author_and_embedded_fonts(course):
    invoice = invoice_issue(order=_order("fr", course))
    data = invoice_pdf(invoice=invoice)
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == f"Facture {invoice.number}"
    assert reader.metadata.author == "Digiskills vzw"
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert b"Helvetica" not in data
    assert len(reader.pages) == 1
