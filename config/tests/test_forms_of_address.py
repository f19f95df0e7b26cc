"""The interface addresses people the same way on every page (issue 22).

Dutch says "je" everywhere, adults and children alike, as the course texts do.
French and German say "vous"/"Sie" to adults and "tu"/"du" only on the
children's pages, so a string is informal in both languages or in neither.
"""

import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]

DUTCH_FORMAL = re.compile(r"\b(u|uw|uzelf)\b", re.IGNORECASE)

FRENCH_TU = re.compile(r"\b(tu|te|toi|ton|ta|tes)\b|\bt['’]", re.IGNORECASE)
# "rendez-vous" is an appointment, not an address; it is taken out first.
FRENCH_VOUS = re.compile(r"\b(vous|votre|vos)\b", re.IGNORECASE)

GERMAN_DU = re.compile(r"\b(du|dich|dir|dein|deine|deinen|deinem|deiner|deines)\b", re.IGNORECASE)
# "Sie" is also "she", "it" and "they", and "Ihr" is also "her" and "their":
# lower case inside a sentence, capitalised at its start. Only a capitalised
# form inside a sentence is surely the polite address, so one at the start of
# the string or after . ! ? : ; or an opening quote or bracket is not counted.
GERMAN_SIE = re.compile(
    r"(?<![.!?:;]\s)(?<![„“\"«(])(?<!^)\b(Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres|Ihnen)\b"
)


def catalogues(language):
    """Every catalogue of the project in `language`, keyed by its folder."""
    found = {}
    for pattern in ("locale", "*/locale", "*/*/locale"):
        for folder in ROOT.glob(pattern):
            parts = folder.relative_to(ROOT).parts
            if any(part.startswith(".") or part == "node_modules" for part in parts):
                continue
            path = folder / language / "LC_MESSAGES" / "django.po"
            if path.exists():
                found[str(folder.relative_to(ROOT))] = polib.pofile(str(path))
    assert len(found) >= 8, f"only found the {language} catalogues {sorted(found)}"
    return found


def translations(language):
    """(folder, context, msgid) -> all the msgstr forms of it, joined."""
    texts = {}
    for folder, catalogue in catalogues(language).items():
        for entry in catalogue:
            if entry.obsolete:
                continue
            forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            texts[(folder, entry.msgctxt, entry.msgid)] = " | ".join(forms)
    return texts


def french(text):
    text = re.sub(r"rendez-vous", "", text, flags=re.IGNORECASE)
    return bool(FRENCH_TU.search(text)), bool(FRENCH_VOUS.search(text))


def german(text):
    return bool(GERMAN_DU.search(text)), bool(GERMAN_SIE.search(text))


def listing(keys, *languages):
    lines = []
    for key in sorted(keys, key=str):
        folder, _context, msgid = key
        said = " / ".join(repr(texts[key]) for texts in languages)
        lines.append(f"{folder} {msgid!r}: {said}")
    return "\n".join(lines)


def test_dutch_never_says_u():
    formal = {key for key, text in translations("nl").items() if DUTCH_FORMAL.search(text)}
    assert not formal, "Dutch says je, not u:\n" + listing(formal, translations("nl"))


def test_dutch_legal_pages_never_say_u():
    pages = sorted((ROOT / "lms" / "templates" / "lms" / "legal").glob("*.nl.html"))
    assert pages
    formal = [
        f"{page.name}: …{text[max(match.start() - 50, 0) : match.end() + 20]}…"
        for page in pages
        for text in [re.sub(r"\{[%#{].*?[%#}]\}", "", page.read_text())]
        for match in DUTCH_FORMAL.finditer(text)
    ]
    assert not formal, "Dutch says je, not u:\n" + "\n".join(formal)


def test_no_french_string_mixes_tu_and_vous():
    texts = translations("fr")
    mixed = {key for key, text in texts.items() if all(french(text))}
    assert not mixed, "tu and vous in one string:\n" + listing(mixed, texts)


def test_no_german_string_mixes_du_and_sie():
    texts = translations("de")
    mixed = {key for key, text in texts.items() if all(german(text))}
    assert not mixed, "du and Sie in one string:\n" + listing(mixed, texts)


def test_french_and_german_are_informal_in_the_same_strings():
    # The sets themselves may differ: a French imperative ("Tourne à gauche")
    # has no pronoun where German has one ("Dreh dich nach links"). What must
    # never happen is one language informal where the other is polite.
    fr, de = translations("fr"), translations("de")
    wrong = set()
    for key in fr.keys() & de.keys():
        (tu, vous), (du, sie) = french(fr[key]), german(de[key])
        if (tu and sie) or (du and vous):
            wrong.add(key)
    assert not wrong, "informal in one language, polite in the other:\n" + listing(wrong, fr, de)
