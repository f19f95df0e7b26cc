from pathlib import Path

import polib
import pytest

from analytics.tests.people import fund_officer

APP = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_every_analytics_string_is_translated(language):
    catalogue = polib.pofile(str(APP / "locale" / language / "LC_MESSAGES" / "django.po"))
    untranslated = [e.msgid for e in catalogue if not e.translated() or "fuzzy" in e.flags]
    assert untranslated == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("nl", "Dashboard van het fonds"),
        ("fr", "Tableau de bord du fonds"),
        ("de", "Dashboard des Fonds"),
        ("en", "Fund dashboard"),
    ],
)
def test_the_dashboard_speaks_four_languages(client, language, heading):
    client.force_login(fund_officer())

    page = client.get(f"/{language}/fund/").content.decode()

    assert f"<h1>{heading}</h1>" in page
