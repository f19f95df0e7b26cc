"""Every puzzle string exists in Dutch, French and German, with the same
placeholders as the English (Blockly's %1 and Python's %(name)s)."""

import re
from pathlib import Path

import polib
import pytest

from courses.puzzles.files import puzzle_levels_from_files

LOCALE = Path(__file__).resolve().parents[1] / "puzzles" / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%\d")


@pytest.mark.parametrize("language", ["nl", "fr", "de"])
def test_every_puzzle_string_is_translated_with_its_placeholders(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))

    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    for entry in catalogue:
        wanted = sorted(PLACEHOLDER.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert sorted(PLACEHOLDER.findall(text)) == wanted, entry.msgid


def test_every_level_is_written_in_the_four_languages():
    for data in puzzle_levels_from_files():
        for texts in (data.title, data.goal, data.hint):
            assert set(texts) == {"nl", "fr", "de", "en"}
        for goal in data.goal.values():
            # Short sentences, to be read aloud by children.
            for sentence in re.split(r"(?<=[.!?])\s+", goal):
                assert len(sentence.split()) <= 14, sentence
