"""Each row of a learner file checked into a learner's values or a list of
problems; then the checks across the whole file."""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from partners.importing.columns import COLUMNS, FIELDS, normalise
from partners.importing.values import GENDERS, LANGUAGES, SITUATIONS, TARGET_GROUPS
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

    def course_key(self, text: str) -> str | None:
        return self.courses.get(text.strip().lower()) or self.courses.get(normalise(text))


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
    if language:
        code = LANGUAGES.get(normalise(language))
        if code is None:
            row.problem("language", "bad_language", value=language)
        values["language"] = code or ctx.default_language
    else:
        values["language"] = ctx.default_language

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
    values["gender"] = Gender.UNKNOWN
    if gender:
        code = GENDERS.get(normalise(gender))
        if code is None:
            row.problem("gender", "bad_gender", value=gender)
        else:
            values["gender"] = str(code)

    postcode = raw["postcode"].upper().removeprefix("B-").removeprefix("B").strip()
    values["postcode"] = ""
    if raw["postcode"]:
        if region_for_postcode(postcode) is None:
            row.problem("postcode", "bad_postcode", value=raw["postcode"])
        else:
            values["postcode"] = postcode

    situation = raw["situation"]
    values["situation"] = Situation.UNKNOWN
    if situation:
        code = SITUATIONS.get(normalise(situation))
        if code is None:
            row.problem("situation", "bad_situation", value=situation)
        else:
            values["situation"] = str(code)

    groups = []
    for part in re.split(r"[,;|/]", raw["target_groups"]):
        if not part.strip():
            continue
        code = TARGET_GROUPS.get(normalise(part))
        if code is None:
            row.problem("target_groups", "bad_target_group", value=part.strip())
        elif code not in groups:
            groups.append(str(code))
    values["target_groups"] = groups

    values["course_keys"] = []
    if raw["course"]:
        key = ctx.course_key(raw["course"])
        if key is None:
            row.problem("course", "unknown_course", value=raw["course"])
        else:
            values["course_keys"] = [key]
    return row


def check_duplicates(rows: list[CheckedRow]) -> None:
    """The same learner id (or e-mail) twice in one file: every copy is marked,
    since we cannot know which one is right."""
    for name, code in (("external_id", "duplicate_id"), ("email", "duplicate_email")):
        lines: dict[str, list[int]] = defaultdict(list)
        for row in rows:
            value = row.values.get(name, "")
            if value:
                lines[value.casefold()].append(row.line)
        for row in rows:
            value = row.values.get(name, "")
            found = lines.get(value.casefold(), []) if value else []
            if len(found) > 1:
                other = next(n for n in found if n != row.line)
                row.problem(name, code, value=value, line=other)
