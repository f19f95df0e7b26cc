from pathlib import Path

import polib
import pytest
from django.test import Client

APP = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_every_certificates_string_is_translated(language):
    catalogue = polib.pofile(str(APP / "locale" / language / "LC_MESSAGES" / "django.po"))
    untranslated = [e.msgid for e in catalogue if not e.translated() or "fuzzy" in e.flags]
    assert untranslated == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("nl", "Een certificaat controleren"),
        ("fr", "Vérifier un certificat"),
        ("de", "Ein Zertifikat prüfen"),
        ("en", "Check a certificate"),
    ],
)
def test_the_verification_page_speaks_four_languages(home_page, language, heading):
    page = Client().get(f"/{language}/verify/").content.decode()
    assert f"<h1>{heading}</h1>" in page
