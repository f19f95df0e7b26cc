"""How long a lesson takes, computed from what it holds: its words at 200 a
minute, plus each activity's estimate. One function for the pages an editor
writes in the admin and for the files the loader reads (no database here).

Blocks are read as stored (a page body's `raw_data`): a list block's items
are either the values themselves or `{"type": "item", "value": ...}`."""

import math
import re
from html.parser import HTMLParser

WORDS_PER_MINUTE = 200
MINUTES_PER_QUESTION = 1
MINUTES_PER_H5P = 5
MINUTES_PER_PUZZLE_LEVEL = 3
MINUTES_PER_STEP = 1
MINUTES_PER_VIDEO = 5

_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def text_of(html: str) -> str:
    """The words of an HTML fragment, without its tags."""
    parser = _Text()
    parser.feed(html or "")
    return " ".join(parser.parts)


def words(text: str) -> int:
    return len(_WORD.findall(text or ""))


def _items(value) -> list:
    return [item.get("value", item) if "type" in item else item for item in value or []]


def block_words(kind: str, value) -> int:
    """Words a learner reads in one stored block (text, headings, boxes,
    steps, questions and answers, captions), not an activity's settings."""
    if kind == "paragraph":
        return words(text_of(value))
    if kind == "heading":
        return words(value)
    if kind == "callout":
        return words(value.get("title", "")) + words(text_of(value.get("text", "")))
    if kind == "steps":
        steps = _items(value.get("steps"))
        return words(value.get("title", "")) + sum(words(text_of(s.get("text"))) for s in steps)
    if kind == "accordion":
        items = _items(value.get("items"))
        return words(value.get("title", "")) + sum(
            words(item.get("question", "")) + words(text_of(item.get("answer", "")))
            for item in items
        )
    if kind == "image":
        return words(value.get("caption", ""))
    return 0


def activity_minutes(kind: str, value) -> int:
    if kind == "quiz":
        return MINUTES_PER_QUESTION * int(value.get("question_count") or 0)
    if kind == "h5p":
        return MINUTES_PER_H5P
    if kind == "puzzle":
        return MINUTES_PER_PUZZLE_LEVEL * len(value.get("levels") or [])
    if kind == "steps":
        return MINUTES_PER_STEP * len(value.get("steps") or [])
    if kind == "video":
        return MINUTES_PER_VIDEO
    return 0


def lesson_minutes(blocks: list[tuple[str, object]]) -> int:
    """Minutes for a lesson of `blocks` ((type, stored value) pairs): reading
    rounded up to the minute, plus its activities; at least one."""
    reading = sum(block_words(kind, value) for kind, value in blocks)
    doing = sum(activity_minutes(kind, value) for kind, value in blocks)
    return max(1, math.ceil(reading / WORDS_PER_MINUTE) + doing)
