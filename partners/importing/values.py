"""The values partners write in a learner file, in any of our four languages,
and what they stand for.

Accepted as they are: the code, its label in nl, fr, de and en, and the words
listed below. Words that are only close (a singular, an English variant, a
partner's own code) are not accepted silently: the mapping step proposes them
(`propose`) and the partner confirms, once per organisation."""

import difflib
import functools

from django.utils import translation

from partners.importing.columns import normalise
from partners.models import Gender, Situation, TargetGroup

LANGUAGES = {
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
GENDERS = {
    normalise(alias): code
    for code, aliases in {
        Gender.FEMALE: ("f", "v", "w", "female", "woman", "vrouw", "femme", "frau", "weiblich"),
        Gender.MALE: ("m", "h", "male", "man", "homme", "mann", "männlich"),
        Gender.X: ("x", "d", "other", "ander", "anders", "autre", "divers", "nonbinary"),
        Gender.UNKNOWN: ("u", "unknown", "onbekend", "inconnu", "unbekannt"),
    }.items()
    for alias in aliases
}
SITUATIONS = {
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
TARGET_GROUPS = {
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


# Close words that are proposed, never applied without the partner's say.
SYNONYMS = {
    "target_groups": {
        TargetGroup.YOUNG_PEOPLE: (
            "young",
            "jong",
            "jongere",
            "jeune",
            "jugendlicher",
            "youngster",
            "-25",
            "<25",
            "18-25",
            "-26",
            "neet",
            "jeunes nee",
            "jongvolwassene",
        ),
        TargetGroup.JOBSEEKERS: (
            "jobseeker",
            "werkzoekende",
            "werkzoekend",
            "wz",
            "nwwz",
            "demandeur d'emploi",
            "demandeuse d'emploi",
            "dde",
            "chômeur",
            "chomeur",
            "arbeitssuchender",
            "arbeitslos",
            "unemployed",
        ),
        TargetGroup.LOW_EDUCATED: (
            "low educated",
            "laaggeschoold",
            "peu qualifié",
            "kortgeschoold",
        ),
        TargetGroup.SENIORS: (
            "senior",
            "55+",
            "60+",
            "65+",
            "50+",
            "oudere",
            "ouderen",
            "aîné",
            "personnes âgées",
            "ältere",
        ),
        TargetGroup.WOMEN_IN_DIGITAL: (
            "woman in digital",
            "women",
            "woman",
            "vrouw",
            "femme",
            "frau",
            "meisjes",
            "girls",
        ),
        TargetGroup.DISABILITY: ("disabled", "handicapé", "handicapée", "met beperking", "pmr"),
        TargetGroup.NEWCOMERS: (
            "newcomer",
            "nieuwkomer",
            "primo-arrivant",
            "anderstalige nieuwkomer",
            "migrant",
            "réfugié",
            "vluchteling",
        ),
    },
    "situation": {
        Situation.JOBSEEKER: ("werkloos", "wz", "dde", "demandeur", "job seeker"),
        Situation.EMPLOYED: ("werknemer", "bediende", "arbeider", "salarie", "worker", "job"),
        Situation.STUDENT: ("pupil", "school", "étudiante", "stagiair"),
    },
    "gender": {
        Gender.FEMALE: ("vrouwelijk", "féminin", "feminin", "mevrouw", "mevr", "mme", "madame"),
        Gender.MALE: ("mannelijk", "masculin", "meneer", "dhr", "monsieur", "herr"),
    },
    "language": {
        "nl": ("n", "vl", "ned"),
        "fr": ("f", "fran", "wal"),
        "de": ("d", "dt", "deutschsprachig"),
        "en": ("e", "eng."),
    },
}

# The fields whose values come from a list, with the list of (code, label).
VOCABULARY_FIELDS = ("target_groups", "situation", "gender", "language", "course")
_CHOICES = {
    "target_groups": TargetGroup,
    "situation": Situation,
    "gender": Gender,
}
LANGUAGE_LABELS = {"nl": "Nederlands", "fr": "Français", "de": "Deutsch", "en": "English"}


@functools.cache
def _accepted() -> dict[str, dict]:
    """Every vocabulary's accepted words: the lists above, and each code's
    label in our four languages (built on first use: it needs the catalogues)."""
    tables = {
        "target_groups": dict(TARGET_GROUPS),
        "situation": dict(SITUATIONS),
        "gender": dict(GENDERS),
        "language": dict(LANGUAGES),
    }
    for language in ("nl", "fr", "de", "en"):
        with translation.override(language):
            for field, kind in _CHOICES.items():
                for code, label in kind.choices:
                    tables[field].setdefault(normalise(str(label)), kind(code))
    return tables


def choices(field: str, courses: list[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """(code, label in the current language) of a vocabulary; for courses,
    the live courses given as (translation key, title)."""
    if field == "course":
        return list(courses)
    if field == "language":
        return list(LANGUAGE_LABELS.items())
    return [(str(code), str(label)) for code, label in _CHOICES[field].choices]


def accepted_words(field: str) -> list[tuple[str, str, list[str]]]:
    """(code, label, words accepted besides the label) of a vocabulary, for the
    upload page and the template; the words are the codes and the short forms,
    in every language."""
    table = _accepted()[field]
    rows = []
    for code, label in choices(field):
        words = sorted({w for w, c in table.items() if str(c) == code}, key=len)
        rows.append((code, label, words[:6]))
    return rows


@functools.lru_cache(maxsize=4096)
def known(field: str, text: str) -> str | None:
    """The code a word stands for without asking, or None."""
    table = _accepted().get(field)
    code = table.get(normalise(text)) if table else None
    return str(code) if code is not None else None


def propose(field: str, text: str, courses: dict[str, str] | None = None) -> str:
    """The closest code for a partner's word (synonyms first, then spelling
    similarity over every accepted word), or "" when nothing is close."""
    word = normalise(text)
    if not word:
        return ""
    for code, synonyms in SYNONYMS.get(field, {}).items():
        if word in {normalise(s) for s in synonyms}:
            return str(code)
    table = dict(_accepted().get(field) or {})
    if field == "course":
        table = dict(courses or {})
    if not table:
        return ""
    candidates = list(table)
    for code, synonyms in SYNONYMS.get(field, {}).items():
        for synonym in synonyms:
            table.setdefault(normalise(synonym), code)
            candidates.append(normalise(synonym))
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    if close:
        return str(table[close[0]])
    # A word that contains an accepted one (e.g. "senioren 65+").
    for candidate in sorted(candidates, key=len, reverse=True):
        if len(candidate) >= 4 and candidate in word:
            return str(table[candidate])
    return ""


def vocabularies() -> list[tuple[object, list[tuple[str, str, list[str]]]]]:
    """Each vocabulary column's label with its accepted values (code, label in
    the current language, other accepted words), for the upload page."""
    from partners.importing.columns import COLUMNS

    labels = {c.field: c.label for c in COLUMNS}
    return [
        (labels[name], accepted_words(name))
        for name in ("target_groups", "situation", "gender", "language")
    ]


def template_notes() -> list[list[str]]:
    """The template's note lines (starting with #): the accepted values of
    each vocabulary, in the current language, then their codes."""
    notes = [[""]]
    for label, rows in vocabularies():
        words = "; ".join(f"{value_label} = {code}" for code, value_label, _words in rows)
        notes.append([f"# {label}: {words}"])
    return notes
