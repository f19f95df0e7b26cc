"""Each row of a learner file checked into a learner's values or a list of
problems; then the checks across the whole file."""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from partners.importing.columns import COLUMNS, FIELDS, normalise
from partners.importing.identifiers import looks_like_national_number
from partners.importing.mapping import REFUSE, split_words
from partners.importing.values import known
from partners.models import Gender, Situation
from partners.models.vocabulary import region_for_postcode

_DATE_PATTERNS = [
    (re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$"), ("y", "m", "d")),
]
MAX_LENGTHS = {"external_id": 64, "first_name": 100, "last_name": 100, "email": 254}


def parse_date(text: str) -> datetime.date | None:
    """dd/mm/yyyy (also with . or -) or yyyy-mm-dd; None when it is not a
    date; ValueError when it has the shape of one but does not exist."""
    for pattern, order in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            return datetime.date(parts["y"], parts["m"], parts["d"])
    return None


@dataclass
class CheckedRow:
    line: int
    cells: list[str]
    values: dict = field(default_factory=dict)
    problems: list[dict] = field(default_factory=list)

    @property
    def external_id(self) -> str:
        return self.values.get("external_id", "")

    def problem(self, field_name: str, code: str, **params) -> None:
        self.problems.append({"field": field_name, "code": code, **params})


@dataclass
class Context:
    """What checking a row needs to know about the platform."""

    default_language: str
    today: datetime.date
    courses: dict[str, str]  # normalised slug, title or key -> translation_key
    # The partner's own words, confirmed in the mapping step: field ->
    # normalised word -> code, "" (leave empty) or REFUSE.
    words: dict[str, dict[str, str]] = field(default_factory=dict)
    # A file repeats a few words thousands of times: each is looked up once.
    _codes: dict = field(default_factory=dict, repr=False)

    def course_key(self, text: str) -> str | None:
        return self.courses.get(text.strip().lower()) or self.courses.get(normalise(text))

    def code(self, field_name: str, text: str) -> str | None:
        """What a word stands for: a code, "" (leave empty), REFUSE, or None
        when it is unknown."""
        try:
            return self._codes[field_name, text]
        except KeyError:
            code = self._codes[field_name, text] = self._code(field_name, text)
            return code

    def _code(self, field_name: str, text: str) -> str | None:
        mapped = self.words.get(field_name, {})
        key = normalise(text) or text.strip().lower()
        if key in mapped:
            return mapped[key]
        if field_name == "course":
            return self.course_key(text)
        return known(field_name, text)


def _vocabulary(row: "CheckedRow", ctx: Context, name: str, text: str, bad: str) -> str | None:
    """One word of a vocabulary checked: its code, or None (left empty, or
    unknown or refused: then a problem)."""
    code = ctx.code(name, text)
    # Unknown, or refused in the mapping step: the vocabulary's own message.
    if code is None or code == REFUSE:
        row.problem(name, bad, value=text)
        return None
    return code or None


def check_row(line: int, cells: list[str], mapping: dict[int, str], ctx: Context) -> CheckedRow:
    """Check one row on its own (file-wide and database checks come after)."""
    row = CheckedRow(line=line, cells=cells)
    raw = {name: (cells[i].strip() if i < len(cells) else "") for i, name in mapping.items()}
    for name in FIELDS:
        raw.setdefault(name, "")
    values = row.values
    for column in COLUMNS:
        if column.required and not raw[column.field]:
            row.problem(column.field, "required")
    for name, limit in MAX_LENGTHS.items():
        if len(raw[name]) > limit:
            row.problem(name, "too_long", max=limit)
    if looks_like_national_number(raw["external_id"]):
        # Never kept, not even in the preview: it would show on pages.
        row.problem("external_id", "national_number")
        raw["external_id"] = ""
    values["external_id"] = raw["external_id"][:64]
    values["first_name"] = raw["first_name"][:100]
    values["last_name"] = raw["last_name"][:100]

    email = raw["email"]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            row.problem("email", "bad_email", value=email)
    values["email"] = email.lower() if email else ""

    language = raw["language"]
    code = _vocabulary(row, ctx, "language", language, "bad_language") if language else None
    values["language"] = code or ctx.default_language

    birth = raw["birth_date"]
    values["birth_date"] = None
    if birth:
        try:
            date = parse_date(birth)
        except ValueError:
            row.problem("birth_date", "impossible_date", value=birth)
        else:
            if date is None:
                row.problem("birth_date", "bad_date", value=birth)
            elif date > ctx.today or date.year < 1900:
                row.problem("birth_date", "impossible_date", value=birth)
            else:
                values["birth_date"] = date.isoformat()

    gender = raw["gender"]
    code = _vocabulary(row, ctx, "gender", gender, "bad_gender") if gender else None
    values["gender"] = code or str(Gender.UNKNOWN)

    postcode = raw["postcode"].upper().removeprefix("B-").removeprefix("B").strip()
    values["postcode"] = ""
    if raw["postcode"]:
        if region_for_postcode(postcode) is None:
            row.problem("postcode", "bad_postcode", value=raw["postcode"])
        else:
            values["postcode"] = postcode

    situation = raw["situation"]
    code = _vocabulary(row, ctx, "situation", situation, "bad_situation") if situation else None
    values["situation"] = code or str(Situation.UNKNOWN)

    groups = []
    for part in split_words("target_groups", raw["target_groups"]):
        code = _vocabulary(row, ctx, "target_groups", part, "bad_target_group")
        if code and code not in groups:
            groups.append(code)
    values["target_groups"] = groups

    course = raw["course"]
    key = _vocabulary(row, ctx, "course", course, "unknown_course") if course else None
    values["course_keys"] = [key] if key else []
    return row


def check_duplicates(rows: list[CheckedRow]) -> None:
    """The same learner id (or e-mail) again in one file: the first occurrence
    is kept, each later one is refused naming the line of the first."""
    for name, code in (("external_id", "duplicate_id"), ("email", "duplicate_email")):
        first: dict[str, int] = {}
        for row in rows:
            value = row.values.get(name, "")
            if not value:
                continue
            seen = first.setdefault(value.casefold(), row.line)
            if seen != row.line:
                row.problem(name, code, value=value, line=seen)
