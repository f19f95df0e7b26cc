"""Every string of payments (invoices, PDFs, e-mails, pages) is translated."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

from payments.invoice_pdf import document_title, reverse_charge_mention
from payments.models import Invoice

APP = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_every_payments_string_is_translated(language):
    catalogue = polib.pofile(str(APP / "locale" / language / "LC_MESSAGES" / "django.po"))
    untranslated = [e.msgid for e in catalogue if not e.translated() or "fuzzy" in e.flags]
    assert untranslated == []


@pytest.mark.parametrize(
    ("language", "invoice", "credit_note"),
    [
        ("nl", "Factuur", "Creditnota"),
        ("fr", "Facture", "Note de crédit"),
        ("de", "Rechnung", "Gutschrift"),
        ("en", "Invoice", "Credit note"),
    ],
)
def test_document_titles_in_each_language(language, invoice, credit_note):
    with translation.override(language):
        assert document_title(Invoice(kind=Invoice.Kind.INVOICE)) == invoice
        assert document_title(Invoice(kind=Invoice.Kind.CREDIT_NOTE)) == credit_note
        assert "196" in reverse_charge_mention()
