"""Pictures of realistic messages and pages for scenario questions (an e-mail,
an SMS, a chat message, a web page, a pop-up), drawn from a small spec in the
question files, in the learner's language, with a text alternative that reads
out every field so that a person who cannot see the picture answers from the
same facts. Nothing is fetched: the font ships with reportlab.

A spec (see courses/content/banks/README.md)::

    {"type": "email", "from": "...", "subject": {...}, "body": {...},
     "button": {...}, "link": "https://..."}

Texts are either one string (an address, a number) or a dict per language.
"""

import re
from functools import cache
from io import BytesIO
from pathlib import Path

import reportlab
from PIL import Image, ImageDraw, ImageFont
from reportlab.pdfbase.ttfonts import TTFontFile

KINDS = ("email", "sms", "chat", "webpage", "popup")
WIDTH = 640
MARGIN = 24
_FONTS = Path(reportlab.__file__).parent / "fonts"

# The words around the fields, read out in the text alternative and drawn.
LABELS = {
    "en": {
        "email": "E-mail",
        "sms": "Text message (SMS)",
        "chat": "Chat message",
        "webpage": "Web page",
        "popup": "Pop-up window",
        "from": "From",
        "subject": "Subject",
        "message": "Message",
        "button": "Button",
        "link": "The link leads to",
        "address": "Address bar",
        "title": "Title",
    },
    "nl": {
        "email": "E-mail",
        "sms": "Sms-bericht",
        "chat": "Chatbericht",
        "webpage": "Webpagina",
        "popup": "Pop-upvenster",
        "from": "Van",
        "subject": "Onderwerp",
        "message": "Bericht",
        "button": "Knop",
        "link": "De link leidt naar",
        "address": "Adresbalk",
        "title": "Titel",
    },
    "fr": {
        "email": "E-mail",
        "sms": "SMS",
        "chat": "Message de messagerie",
        "webpage": "Page web",
        "popup": "Fenêtre surgissante",
        "from": "De",
        "subject": "Objet",
        "message": "Message",
        "button": "Bouton",
        "link": "Le lien mène à",
        "address": "Barre d'adresse",
        "title": "Titre",
    },
    "de": {
        "email": "E-Mail",
        "sms": "SMS",
        "chat": "Chatnachricht",
        "webpage": "Webseite",
        "popup": "Pop-up-Fenster",
        "from": "Von",
        "subject": "Betreff",
        "message": "Nachricht",
        "button": "Schaltfläche",
        "link": "Der Link führt zu",
        "address": "Adressleiste",
        "title": "Titel",
    },
}


QUOTES = {"en": ("“", "”"), "nl": ("‘", "’"), "fr": ("« ", " »"), "de": ("„", "“")}


def _shown(spec: dict, field: str, language: str) -> str:
    return _drawn(_text(spec, field, language))


def _text(spec: dict, field: str, language: str) -> str:
    value = spec.get(field)
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    return (value.get(language) or value.get("en") or "").strip()


@cache
def _drawable() -> frozenset[int]:
    """The characters the font has: emoji and the like are left out of the
    picture (the text alternative keeps them) rather than drawn as boxes."""
    return frozenset(TTFontFile(str(_FONTS / "Vera.ttf")).charToGlyph) | {10}


def _drawn(text: str) -> str:
    kept = "".join(ch for ch in text if ord(ch) in _drawable())
    return re.sub(r" +\n", "\n", re.sub(r" {2,}", " ", kept)).strip(" ")


def _fit(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> str:
    """One line that fits: cut with an ellipsis (a long address bar)."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(_FONTS / ("VeraBd.ttf" if bold else "Vera.ttf")), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    """Lines of `text` that fit in `width` pixels; blank lines kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line = words[0]
        for word in words[1:]:
            candidate = f"{line} {word}"
            if draw.textlength(candidate, font=font) <= width:
                line = candidate
            else:
                lines.append(line)
                line = word
        # A word longer than the width (a long address) is cut where it must be.
        while draw.textlength(line, font=font) > width:
            cut = len(line)
            while cut > 1 and draw.textlength(line[:cut], font=font) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines


class _Canvas:
    """Draws top to bottom on a tall sheet, cropped to what was drawn."""

    def __init__(self, background: str = "white"):
        self.image = Image.new("RGB", (WIDTH, 2000), background)
        self.draw = ImageDraw.Draw(self.image)
        self.y = 0

    def bar(self, height: int, fill: str, text: str = "", colour: str = "white", size=18):
        self.draw.rectangle((0, self.y, WIDTH, self.y + height), fill=fill)
        text = _fit(self.draw, text, _font(size, True), WIDTH - 2 * MARGIN)
        if text:
            self.draw.text(
                (MARGIN, self.y + (height - size) // 2), text, fill=colour, font=_font(size, True)
            )
        self.y += height

    def lines(self, text: str, *, size=17, colour="#111111", bold=False, x=MARGIN, width=None):
        font = _font(size, bold)
        width = width or WIDTH - x - MARGIN
        for line in _wrap(self.draw, text, font, width):
            self.draw.text((x, self.y), line, fill=colour, font=font)
            self.y += int(size * 1.45)

    def button(self, text: str, fill: str = "#0b5cad"):
        font = _font(17, True)
        width = int(self.draw.textlength(text, font=font)) + 40
        self.draw.rounded_rectangle((MARGIN, self.y, MARGIN + width, self.y + 44), 6, fill=fill)
        self.draw.text((MARGIN + 20, self.y + 12), text, fill="white", font=font)
        self.y += 60

    def gap(self, pixels: int):
        self.y += pixels

    def png(self) -> bytes:
        out = BytesIO()
        self.image.crop((0, 0, WIDTH, min(2000, self.y + MARGIN))).save(out, format="PNG")
        return out.getvalue()


def _email(spec: dict, language: str, words: dict) -> bytes:
    canvas = _Canvas()
    canvas.bar(52, spec.get("colour", "#3c4650"), _shown(spec, "brand", language) or words["email"])
    canvas.gap(16)
    canvas.lines(f"{words['from']}: {_shown(spec, 'from', language)}", colour="#333333", size=16)
    canvas.lines(f"{words['subject']}: {_shown(spec, 'subject', language)}", bold=True, size=16)
    canvas.draw.line((MARGIN, canvas.y + 6, WIDTH - MARGIN, canvas.y + 6), fill="#cccccc")
    canvas.gap(18)
    canvas.lines(_shown(spec, "body", language))
    canvas.gap(12)
    if button := _shown(spec, "button", language):
        canvas.button(button, spec.get("colour", "#0b5cad"))
    if link := _shown(spec, "link", language):
        canvas.lines(link, colour="#1a0dab", size=15)
    return canvas.png()


def _bubble(spec: dict, language: str, header: str, bubble: str) -> bytes:
    canvas = _Canvas("#eef1f4")
    canvas.bar(56, "#2f3a45", _shown(spec, "from", language))
    canvas.gap(20)
    body = _shown(spec, "body", language)
    if link := _shown(spec, "link", language):
        body = f"{body}\n{link}" if link not in body else body
    font = _font(17)
    lines = _wrap(canvas.draw, body, font, WIDTH - 4 * MARGIN - 40)
    height = int(len(lines) * 17 * 1.45) + 28
    canvas.draw.rounded_rectangle(
        (MARGIN, canvas.y, WIDTH - 2 * MARGIN, canvas.y + height), 14, fill=bubble
    )
    canvas.gap(14)
    canvas.lines(body, x=MARGIN + 18, width=WIDTH - 4 * MARGIN - 40)
    canvas.gap(14)
    canvas.draw.text((MARGIN, canvas.y), header, fill="#5a6570", font=_font(13))
    canvas.gap(24)
    return canvas.png()


def _webpage(spec: dict, language: str, words: dict) -> bytes:
    canvas = _Canvas()
    canvas.bar(14, "#dfe3e8")
    canvas.draw.rectangle((0, canvas.y, WIDTH, canvas.y + 44), fill="#dfe3e8")
    canvas.draw.rounded_rectangle(
        (MARGIN, canvas.y + 4, WIDTH - MARGIN, canvas.y + 38), 16, fill="white"
    )
    url = _fit(canvas.draw, _shown(spec, "url", language), _font(16), WIDTH - 2 * MARGIN - 32)
    canvas.draw.text((MARGIN + 16, canvas.y + 12), url, fill="#202124", font=_font(16))
    canvas.y += 44
    if brand := _shown(spec, "brand", language):
        canvas.bar(48, spec.get("colour", "#0b5cad"), brand)
    canvas.gap(18)
    if title := _shown(spec, "title", language):
        canvas.lines(title, size=22, bold=True)
        canvas.gap(6)
    canvas.lines(_shown(spec, "body", language))
    canvas.gap(12)
    if button := _shown(spec, "button", language):
        canvas.button(button, spec.get("colour", "#0b5cad"))
    return canvas.png()


def _popup(spec: dict, language: str, words: dict) -> bytes:
    canvas = _Canvas("#5d6b78")
    canvas.gap(20)
    top = canvas.y
    body_font = _font(17)
    lines = _wrap(canvas.draw, _shown(spec, "body", language), body_font, WIDTH - 4 * MARGIN)
    height = 48 + 20 + int(len(lines) * 17 * 1.45) + (76 if spec.get("button") else 20)
    canvas.draw.rectangle((MARGIN, top, WIDTH - MARGIN, top + height), fill="white")
    canvas.draw.rectangle(
        (MARGIN, top, WIDTH - MARGIN, top + 44), fill=spec.get("colour", "#b00020")
    )
    title = _fit(canvas.draw, _shown(spec, "title", language), _font(17, True), WIDTH - 4 * MARGIN)
    canvas.draw.text((2 * MARGIN, top + 12), title, fill="white", font=_font(17, True))
    canvas.y = top + 64
    canvas.lines(_shown(spec, "body", language), x=2 * MARGIN, width=WIDTH - 4 * MARGIN)
    canvas.gap(12)
    if button := _shown(spec, "button", language):
        font = _font(17, True)
        width = int(canvas.draw.textlength(button, font=font)) + 40
        canvas.draw.rounded_rectangle(
            (2 * MARGIN, canvas.y, 2 * MARGIN + width, canvas.y + 44), 6, fill="#0b5cad"
        )
        canvas.draw.text((2 * MARGIN + 20, canvas.y + 12), button, fill="white", font=font)
        canvas.y += 64
    canvas.y = max(canvas.y, top + height) + 4
    return canvas.png()


def mockup_png(*, spec: dict, language: str) -> bytes:
    """The picture of the mock-up in `language` (PNG, 640 px wide)."""
    kind = spec["type"]
    words = LABELS.get(language, LABELS["en"])
    if kind == "email":
        return _email(spec, language, words)
    if kind == "sms":
        return _bubble(spec, language, words["sms"], "white")
    if kind == "chat":
        return _bubble(spec, language, words["chat"], "#dcf8c6")
    if kind == "webpage":
        return _webpage(spec, language, words)
    if kind == "popup":
        return _popup(spec, language, words)
    raise ValueError(f"unknown mock-up type {kind!r}")


def mockup_alt(*, spec: dict, language: str) -> str:
    """The text alternative: every field of the mock-up, read out in order."""
    words = LABELS.get(language, LABELS["en"])
    kind = spec["type"]
    if kind not in KINDS:
        raise ValueError(f"unknown mock-up type {kind!r}")
    parts = [words[kind] + "."]
    fields = [
        ("url", "address"),
        ("from", "from"),
        ("subject", "subject"),
        ("title", "title"),
        ("body", "message"),
        ("button", "button"),
        ("link", "link"),
    ]
    opening, closing = QUOTES.get(language, QUOTES["en"])
    for field, label in fields:
        value = " ".join(_text(spec, field, language).split())
        if not value:
            continue
        if field == "button":
            value = f"{opening}{value}{closing}"
        end = "" if value[-1] in ".!?…" else "."
        parts.append(f"{words[label]}: {value}{end}")
    return " ".join(parts)
