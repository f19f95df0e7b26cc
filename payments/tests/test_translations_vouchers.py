from pathlib import Path

import polib
import pytest

APP = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_every_payments_string_is_translated(language):
    catalogue = polib.pofile(str(APP / "locale" / language / "LC_MESSAGES" / "django.po"))
    untranslated = [e.msgid for e in catalogue if not e.translated() or "fuzzy" in e.flags]
    assert untranslated == []
