"""The printed login cards, read back from the PDF as boxes of text: in every
language of the interface no two strings meet, each stays on its own card,
and the card says where to sign in."""

import pypdfium2
import pytest
from reportlab.lib.pagesizes import A4

from frontend.tests.pdf_reading import pdf_text
from lms.pdf.sections import COLUMNS, ROWS, class_login_address, login_cards_pdf
from lms.pictures import PICTURES
from lms.services import section_children_add, section_create
from lms.tests.sections_fixtures import make_teacher

pytestmark = pytest.mark.django_db

LANGUAGES = ["nl", "fr", "de", "en"]
# Tight glyph boxes of neighbouring letters may touch; a string printed over
# another overlaps by far more than this.
TOLERANCE = 0.3


def _words(data: bytes) -> list[tuple[int, str, tuple]]:
    """(page, text, (left, bottom, right, top)) of every word of the PDF: runs
    of letters in drawing order that go on rightwards on one baseline."""
    document = pypdfium2.PdfDocument(data)
    words = []
    try:
        for number, page in enumerate(document):
            text = page.get_textpage()
            current, box, last = "", None, None
            for index in range(text.count_chars()):
                char = text.get_text_range(index, 1)
                left, bottom, right, top = text.get_charbox(index)
                if char.isspace() or right <= left:
                    last = None
                    if current:
                        words.append((number, current, box))
                    current, box = "", None
                    continue
                # The next letter of a word starts right of where the previous
                # one starts: its box may reach under the previous one ("KA").
                goes_on = last is not None and (
                    abs(bottom - last[1]) < 3 and last[0] < left <= last[2] + 3
                )
                if current and not goes_on:
                    words.append((number, current, box))
                    current, box = "", None
                current += char
                box = (
                    (left, bottom, right, top)
                    if box is None
                    else (
                        min(box[0], left),
                        min(box[1], bottom),
                        max(box[2], right),
                        max(box[3], top),
                    )
                )
                last = (left, bottom, right, top)
            if current:
                words.append((number, current, box))
    finally:
        document.close()
    return words


def _overlaps(one: tuple, other: tuple) -> bool:
    return (
        min(one[2], other[2]) - max(one[0], other[0]) > TOLERANCE
        and min(one[3], other[3]) - max(one[1], other[1]) > TOLERANCE
    )


def overlapping_words(data: bytes) -> list[tuple[str, str]]:
    words = _words(data)
    return [
        (a[1], b[1])
        for i, a in enumerate(words)
        for b in words[i + 1 :]
        if a[0] == b[0] and _overlaps(a[2], b[2])
    ]


def _cards(language: str, names: str):
    teacher = make_teacher()
    section = section_create(
        teacher=teacher,
        name="5A Sint-Jozef",
        language=language,
        school_year="2026-2027",
        under_13=False,
    )
    children = section_children_add(section=section, text=names, added_by=teacher)
    keys = [p.key for p in PICTURES]
    # Every picture printed at every position, the longest names included.
    cards = [
        (child, [keys[(3 * i + j) % len(keys)] for j in range(3)])
        for i, child in enumerate(children)
    ]
    return section, login_cards_pdf(section=section, cards=cards)


@pytest.fixture
def site(settings):
    settings.SITE_URL = "https://digiskills.be"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_two_strings_on_the_login_cards_overlap(site, language):
    _section, data = _cards(language, "Emma\nNoah\nLina\nMohammed-Amine")
    assert overlapping_words(data) == []


@pytest.mark.parametrize("code", ["PRKAMW", "AVWAYT"])
def test_a_class_code_with_letters_that_lean_together_is_one_word(site, code):
    """Letters whose boxes touch ("KA", "AV") are one string, not two strings
    printed over each other (a random code once failed CI so)."""
    from lms.models import ClassSection

    section, _data = _cards("de", "Emma")
    ClassSection.objects.filter(pk=section.pk).update(code=code)
    section.refresh_from_db()
    child = section.children.get()
    data = login_cards_pdf(section=section, cards=[(child, [p.key for p in PICTURES[:3]])])
    assert code in [word for _page, word, _box in _words(data)]
    assert overlapping_words(data) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_string_stays_on_its_own_card(site, language):
    _section, data = _cards(language, "Emma\nNoah\nLina\nMohammed-Amine\nBartholomeus")
    width, height = A4
    card_w, card_h = width / COLUMNS, height / ROWS
    for _page, word, (left, bottom, right, top) in _words(data):
        column, row = int(left // card_w), int(bottom // card_h)
        assert right <= (column + 1) * card_w and top <= (row + 1) * card_h, word


def test_the_check_sees_a_label_printed_over_its_value():
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    from frontend.pdf import FONT, FONT_BOLD

    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setFont(FONT, 10)
    canvas.drawString(100, 700, "Code de la classe :")
    canvas.setFont(FONT_BOLD, 14)
    canvas.drawString(100 + 68, 700, "K7QW3X")
    canvas.drawString(100, 600, "apart")
    canvas.save()
    pairs = overlapping_words(buffer.getvalue())
    assert ("classe", "K7QW3X") in pairs
    assert {word for pair in pairs for word in pair} == {"classe", ":", "K7QW3X"}


@pytest.mark.parametrize(
    ("language", "address"),
    [
        ("nl", "digiskills.be/nl/class/"),
        ("fr", "digiskills.be/fr/class/"),
        ("de", "digiskills.be/de/class/"),
        ("en", "digiskills.be/en/class/"),
    ],
)
def test_the_card_prints_the_address_to_type_in_its_language(site, language, address):
    section, data = _cards(language, "Emma")
    assert class_login_address(section) == address
    text = pdf_text(data)
    assert address in text
    assert "https://" not in text and "?code=" not in text
