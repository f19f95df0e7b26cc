"""What a partner's learner file means: its columns (headers accepted in nl,
fr, de and en), and each row checked into a `LearnerInput` or a list of
problems. Pure functions plus two bulk look-ups; no writes.

Problems are codes with a few parameters, turned into words only when shown,
so the preview and the error file speak the reader's language.
"""

import datetime
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from partners.models import Gender, Situation, TargetGroup
from partners.models.vocabulary import region_for_postcode


def normalise(text: str) -> str:
    """Lower case, without accents, spaces, dots, dashes or underscores."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[\s._\-/()*]+", "", text.lower())


@dataclass(frozen=True)
class Column:
    field: str
    label: object
    required: bool
    aliases: tuple[str, ...]
    hint: object = ""


# The template's headers are the first alias of each language (nl, fr, de, en).
COLUMNS = [
    Column(
        "external_id",
        _("Learner id"),
        True,
        (
            "Cursistnummer",
            "Numéro apprenant",
            "Teilnehmernummer",
            "Learner id",
            "id",
            "external id",
            "learner",
            "cursist id",
            "deelnemer id",
            "deelnemersnummer",
            "identifiant",
            "id apprenant",
            "teilnehmer id",
            "kennnummer",
            "rijksregisternummer",
        ),
        _("Your own id for this person; sending it again updates the same learner."),
    ),
    Column(
        "first_name",
        _("First name"),
        True,
        ("Voornaam", "Prénom", "Vorname", "First name", "firstname", "given name"),
    ),
    Column(
        "last_name",
        _("Last name"),
        False,
        (
            "Achternaam",
            "Nom",
            "Nachname",
            "Last name",
            "familienaam",
            "naam",
            "nom de famille",
            "familienname",
            "surname",
            "family name",
            "name",
        ),
    ),
    Column(
        "email",
        _("E-mail"),
        False,
        (
            "E-mail",
            "Courriel",
            "E-Mail",
            "Email",
            "e-mailadres",
            "mail",
            "adresse e-mail",
            "e-mail-adresse",
            "email address",
        ),
        _("Leave empty for people without e-mail: they get a printed login card."),
    ),
    Column(
        "language",
        _("Language"),
        False,
        ("Taal", "Langue", "Sprache", "Language"),
        _("nl, fr, de or en (default: the organisation's language)."),
    ),
    Column(
        "birth_date",
        _("Date of birth"),
        False,
        (
            "Geboortedatum",
            "Date de naissance",
            "Geburtsdatum",
            "Date of birth",
            "birth date",
            "birthdate",
            "dob",
        ),
        _("dd/mm/yyyy (also yyyy-mm-dd)."),
    ),
    Column(
        "gender",
        _("Gender"),
        False,
        ("Geslacht", "Genre", "Geschlecht", "Gender", "sexe", "sex"),
        _("f, m, x or empty."),
    ),
    Column(
        "postcode",
        _("Postcode"),
        False,
        ("Postcode", "Code postal", "Postleitzahl", "Post code", "postal code", "plz", "zip", "cp"),
        _("A Belgian postcode (four digits)."),
    ),
    Column(
        "situation",
        _("Situation"),
        False,
        ("Situatie", "Situation", "Situation", "Situation", "statuut", "statut", "status"),
        _("jobseeker, employed, student or other."),
    ),
    Column(
        "target_groups",
        _("Target groups"),
        False,
        (
            "Doelgroepen",
            "Groupes cibles",
            "Zielgruppen",
            "Target groups",
            "doelgroep",
            "groupe cible",
            "zielgruppe",
            "target group",
        ),
        _("One or more, separated by commas or |."),
    ),
    Column(
        "course",
        _("Extra course"),
        False,
        (
            "Extra cursus",
            "Cours supplémentaire",
            "Zusätzlicher Kurs",
            "Extra course",
            "course",
            "cursus",
            "opleiding",
            "cours",
            "formation",
            "kurs",
        ),
        _("Optional: a course besides the cohort's (its slug or its id)."),
    ),
]
FIELDS = [c.field for c in COLUMNS]
_HEADER_INDEX = {normalise(alias): c.field for c in COLUMNS for alias in c.aliases}


def template_headers(language: str) -> list[str]:
    index = {"nl": 0, "fr": 1, "de": 2, "en": 3}.get(language[:2], 3)
    return [c.aliases[index] for c in COLUMNS]


TEMPLATE_EXAMPLES = [
    [
        "VDAB-000123",
        "Zoë",
        "Van den Broeck",
        "zoe.vdb@example.be",
        "nl",
        "29/02/1988",
        "f",
        "2000",
        "jobseeker",
        "jobseekers, women_in_digital",
        "",
    ],
    [
        "ACT-77",
        "Mehmet",
        "Özdemir",
        "",
        "fr",
        "03/11/2004",
        "m",
        "1080",
        "student",
        "young_people",
        "",
    ],
]


# --- Problems -------------------------------------------------------------

MESSAGES = {
    "required": _("%(column)s is required."),
    "too_long": _("%(column)s is longer than %(max)s characters."),
    "bad_email": _("“%(value)s” is not a valid e-mail address."),
    "email_taken": _("The e-mail address “%(value)s” already belongs to another account."),
    "duplicate_email": _("The e-mail address “%(value)s” is also on line %(line)s."),
    "duplicate_id": _("The learner id “%(value)s” is also on line %(line)s."),
    "bad_date": _("“%(value)s” is not a date (use dd/mm/yyyy)."),
    "impossible_date": _("%(value)s is not a possible date of birth."),
    "bad_language": _("Unknown language “%(value)s” (use nl, fr, de or en)."),
    "bad_gender": _("Unknown gender “%(value)s” (use f, m, x or leave empty)."),
    "bad_postcode": _("“%(value)s” is not a Belgian postcode."),
    "bad_situation": _("Unknown situation “%(value)s”."),
    "bad_target_group": _("Unknown target group “%(value)s”."),
    "unknown_course": _("Unknown course “%(value)s”."),
}

FILE_PROBLEMS = {
    "empty": _("The file is empty."),
    "not_text": _("This is not a CSV or XLSX file."),
    "bad_encoding": _("The file's characters cannot be read; save it as CSV UTF-8 or XLSX."),
    "bad_csv": _("The CSV file is damaged (check the quotes)."),
    "bad_xlsx": _("The XLSX file cannot be opened; save it again from Excel."),
    "missing_columns": _("The file misses required columns: %(columns)s."),
    "too_many_rows": _("The file has more than %(max)s rows; split it in several files."),
    "commit_failed": _("Enrolling failed; nothing was saved. Try again."),
    "validate_failed": _("The file could not be checked. Upload it again."),
}


def problem_text(problem: dict) -> str:
    """One problem in the current language."""
    params = dict(problem)
    column = next((c for c in COLUMNS if c.field == problem.get("field")), None)
    params["column"] = str(column.label) if column else problem.get("field", "")
    return str(MESSAGES.get(problem["code"], problem["code"])) % params


def problems_text(problems: list[dict]) -> str:
    return " ".join(problem_text(p) for p in problems)


# --- Values ---------------------------------------------------------------

_LANGUAGES = {
    normalise(alias): code
    for code, aliases in {
        "nl": (
            "nl",
            "nld",
            "dut",
            "nederlands",
            "dutch",
            "néerlandais",
            "niederländisch",
            "vlaams",
        ),
        "fr": ("fr", "fra", "fre", "français", "francais", "french", "frans", "französisch"),
        "de": ("de", "deu", "ger", "deutsch", "german", "duits", "allemand"),
        "en": ("en", "eng", "english", "engels", "anglais", "englisch"),
    }.items()
    for alias in aliases
}
_GENDERS = {
    normalise(alias): code
    for code, aliases in {
        Gender.FEMALE: ("f", "v", "w", "female", "woman", "vrouw", "femme", "frau", "weiblich"),
        Gender.MALE: ("m", "h", "male", "man", "homme", "mann", "männlich"),
        Gender.X: ("x", "d", "other", "ander", "anders", "autre", "divers", "nonbinary"),
        Gender.UNKNOWN: ("u", "unknown", "onbekend", "inconnu", "unbekannt"),
    }.items()
    for alias in aliases
}
_SITUATIONS = {
    normalise(alias): code
    for code, aliases in {
        Situation.JOBSEEKER: (
            "jobseeker",
            "werkzoekend",
            "werkzoekende",
            "demandeur d'emploi",
            "demandeuse d'emploi",
            "chômeur",
            "arbeitssuchend",
            "arbeitsuchend",
            "arbeitslos",
            "unemployed",
        ),
        Situation.EMPLOYED: (
            "employed",
            "werkend",
            "aan het werk",
            "werknemer",
            "emploi",
            "en emploi",
            "travailleur",
            "salarié",
            "beschäftigt",
            "erwerbstätig",
        ),
        Situation.STUDENT: ("student", "scholier", "leerling", "étudiant", "élève", "schüler"),
        Situation.OTHER: ("other", "ander", "andere", "autre", "sonstige", "anders"),
        Situation.JOB_FOUND: (
            "job_found",
            "job found",
            "werk gevonden",
            "emploi trouvé",
            "arbeit gefunden",
        ),
        Situation.FURTHER_TRAINING: (
            "further_training",
            "further training",
            "verdere opleiding",
            "formation continue",
            "weiterbildung",
        ),
        Situation.UNKNOWN: ("unknown", "onbekend", "inconnu", "unbekannt"),
    }.items()
    for alias in aliases
}
_TARGET_GROUPS = {
    normalise(alias): code
    for code, aliases in {
        TargetGroup.YOUNG_PEOPLE: (
            "young_people",
            "young people",
            "youth",
            "jongeren",
            "jeunes",
            "jugendliche",
        ),
        TargetGroup.JOBSEEKERS: (
            "jobseekers",
            "werkzoekenden",
            "demandeurs d'emploi",
            "arbeitssuchende",
        ),
        TargetGroup.LOW_EDUCATED: (
            "low_educated",
            "low-educated adults",
            "laaggeschoolden",
            "laaggeschoolde volwassenen",
            "peu qualifiés",
            "adultes peu qualifiés",
            "geringqualifizierte",
        ),
        TargetGroup.SENIORS: ("seniors", "senioren", "aînés", "ainés"),
        TargetGroup.WOMEN_IN_DIGITAL: (
            "women_in_digital",
            "women in digital",
            "vrouwen",
            "vrouwen in digitaal",
            "femmes",
            "femmes numériques",
            "frauen",
            "frauen in der digitalisierung",
        ),
        TargetGroup.DISABILITY: (
            "disability",
            "people with a disability",
            "handicap",
            "beperking",
            "personen met een beperking",
            "personnes handicapées",
            "behinderung",
            "menschen mit behinderung",
        ),
        TargetGroup.NEWCOMERS: (
            "newcomers",
            "nieuwkomers",
            "primo-arrivants",
            "primoarrivants",
            "neuankömmlinge",
            "zugewanderte",
        ),
    }.items()
    for alias in aliases
}

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


def header_fields(headers: list[str]) -> tuple[dict[int, str], list[str]]:
    """Which column holds which field, and the required fields missing."""
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        name = _HEADER_INDEX.get(normalise(header))
        if name and name not in mapping.values():
            mapping[index] = name
    missing = [c.field for c in COLUMNS if c.required and c.field not in mapping.values()]
    return mapping, missing


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
        code = _LANGUAGES.get(normalise(language))
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
        code = _GENDERS.get(normalise(gender))
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
        code = _SITUATIONS.get(normalise(situation))
        if code is None:
            row.problem("situation", "bad_situation", value=situation)
        else:
            values["situation"] = str(code)

    groups = []
    for part in re.split(r"[,;|/]", raw["target_groups"]):
        if not part.strip():
            continue
        code = _TARGET_GROUPS.get(normalise(part))
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
