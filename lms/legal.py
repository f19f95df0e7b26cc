"""The legal documents people read (privacy notice, terms of use, legal notice,
cookie statement) and the version of each that is in force.

The text lives in templates, one per language
(`lms/templates/lms/legal/<slug>.<language>.html`). Change a document's
`version` when its meaning changes (not for a typo): every signed-in person who
accepted an older version of a document that needs acceptance is then asked,
gently, to read and accept the new one; their acceptance is recorded by
`lms.services.legal_accept`.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class LegalDocument:
    """One legal document: its address, title, version in force, and whether a
    person must accept it to have an account."""

    slug: str
    title: Promise
    version: str
    requires_acceptance: bool

    def template_name(self, language: str | None = None) -> str:
        codes = [code for code, _name in settings.LANGUAGES]
        language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
        if language not in codes:
            language = settings.LANGUAGE_CODE
        return f"lms/legal/{self.slug}.{language}.html"


TERMS = LegalDocument(
    slug="terms", title=_("Terms of use"), version="2026-12-05", requires_acceptance=True
)
PRIVACY = LegalDocument(
    slug="privacy", title=_("Privacy notice"), version="2026-12-05", requires_acceptance=True
)
LEGAL_NOTICE = LegalDocument(
    slug="legal-notice", title=_("Legal notice"), version="2026-12-05", requires_acceptance=False
)
COOKIES = LegalDocument(
    slug="cookies", title=_("Cookie statement"), version="2026-12-05", requires_acceptance=False
)

DOCUMENTS: dict[str, LegalDocument] = {
    doc.slug: doc for doc in (TERMS, PRIVACY, LEGAL_NOTICE, COOKIES)
}
TO_ACCEPT: tuple[LegalDocument, ...] = tuple(
    doc for doc in DOCUMENTS.values() if doc.requires_acceptance
)

# Kept in the session at sign-in: the person still has documents to accept.
SESSION_PENDING_KEY = "legal_pending"
