"""The mapping step: which column holds which field, and what a partner's own
words stand for in our vocabularies.

`survey` reads a file's headers and cells with what the organisation already
confirmed (its remembered mapping) and tells what is still unknown: columns
nobody recognises, required fields without a column, and each word not in a
vocabulary with its count and a proposed match. When nothing is unknown the
file goes straight to the check; otherwise the partner confirms once and the
organisation remembers it for its next file.

A remembered value is a code, "" (leave the field empty) or REFUSE (refuse the
rows that carry it). A column whose header names the national register is
never the learner id (see `identifiers`).
"""

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from partners.importing.columns import _HEADER_INDEX, COLUMNS, column_for, normalise
from partners.importing.identifiers import national_number_header
from partners.importing.values import VOCABULARY_FIELDS, known, propose

REFUSE = "!refuse"
SPLIT = re.compile(r"[,;|/]")
# Words over this many in one column are not offered one by one (a free-text
# column mapped by mistake); the partner maps the column again.
MAX_WORDS = 200


@dataclass
class Remembered:
    """What an organisation confirmed: normalised header -> field ("" =
    ignore), and per field normalised word -> code, "" or REFUSE."""

    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class Survey:
    columns: list[dict]
    words: list[dict]
    missing: list[str]

    @property
    def needs_mapping(self) -> bool:
        return bool(self.missing or self.words or any(c["how"] == "register" for c in self.columns))

    def fields(self) -> dict[int, str]:
        return {c["index"]: c["field"] for c in self.columns if c["field"]}


def split_words(field_name: str, cell: str) -> list[str]:
    """The words of a cell: several target groups per cell, one of the rest."""
    if field_name == "target_groups":
        return [part.strip() for part in SPLIT.split(cell) if part.strip()]
    return [cell.strip()] if cell.strip() else []


def _propose_column(header: str) -> str:
    close = difflib.get_close_matches(normalise(header), list(_HEADER_INDEX), n=1, cutoff=0.8)
    return _HEADER_INDEX[close[0]] if close else ""


def map_columns(headers: list[str], remembered: Remembered) -> list[dict]:
    """Each header with its field ("" when unused) and how it was decided:
    name, remembered, register (refused as an id), unknown or empty."""
    columns: list[dict] = []
    taken: set[str] = set()
    for index, header in enumerate(headers):
        key = normalise(header)
        entry = {"index": index, "header": header, "field": "", "how": "unknown", "proposal": ""}
        if not key:
            entry["how"] = "empty"
        elif key in remembered.columns:
            chosen = remembered.columns[key]
            if national_number_header(header) and chosen == "external_id":
                chosen = ""
            entry.update(field=chosen, how="remembered")
        elif national_number_header(header):
            entry["how"] = "register"
        elif name := column_for(header):
            entry.update(field=name, how="name")
        else:
            entry["proposal"] = _propose_column(header)
        if entry["field"] in taken:
            entry.update(field="", how="unknown")
        taken.add(entry["field"])
        columns.append(entry)
    return columns


def survey(
    headers: list[str],
    rows,
    remembered: Remembered,
    course_key,
    courses: dict[str, str],
) -> Survey:
    """Read `rows` ((line, cells) pairs) once and tell what is unknown.
    `course_key(text)` finds a live course by slug, title or key."""
    columns = map_columns(headers, remembered)
    fields = {c["index"]: c["field"] for c in columns if c["field"] in VOCABULARY_FIELDS}
    cells: dict[int, Counter] = {index: Counter() for index in fields}
    for _line, row in rows:
        for index in fields:
            if index < len(row) and row[index]:
                cells[index][row[index]] += 1
    words: list[dict] = []
    for index, name in fields.items():
        counts: Counter = Counter()
        first: dict[str, str] = {}
        for cell, n in cells[index].items():
            for word in split_words(name, cell):
                key = normalise(word) or word.strip().lower()
                counts[key] += n
                first.setdefault(key, word)
        remembered_values = remembered.values.get(name, {})
        unknown = []
        for key, n in counts.most_common():
            if len(unknown) >= MAX_WORDS:
                break  # the rest is not offered: no proposal is computed for it
            if key in remembered_values:
                continue
            if name == "course":
                if course_key(first[key]):
                    continue
                proposal = propose(name, first[key], courses)
            else:
                if known(name, first[key]):
                    continue
                proposal = propose(name, first[key])
            unknown.append(
                {"field": name, "key": key, "word": first[key], "count": n, "proposal": proposal}
            )
        words.extend(unknown)
    present = {c["field"] for c in columns}
    missing = [c.field for c in COLUMNS if c.required and c.field not in present]
    return Survey(columns=columns, words=words, missing=missing)


def value_overrides(remembered: Remembered, batch_values: dict) -> dict[str, dict[str, str]]:
    """The words to apply when checking: the organisation's, then this file's."""
    merged = {name: dict(words) for name, words in remembered.values.items()}
    for name, words in (batch_values or {}).items():
        merged.setdefault(name, {}).update(words)
    return merged
