"""The columns of a learner file: their fields, labels, hints and the headers
accepted for each in nl, fr, de and en (the template uses the first four)."""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


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
            "klantnummer",
            "klant id",
            "dossiernummer",
            "cursistnr",
            "deelnemernummer",
            "id cursist",
            "id deelnemer",
            "numéro de dossier",
            "n° dossier",
            "numéro stagiaire",
            "id stagiaire",
            "référence apprenant",
            "teilnehmer-nr",
            "kundennummer",
            "participant id",
            "trainee id",
            "student id",
        ),
        _("Your own id for this person; sending it again updates the same learner."),
    ),
    Column(
        "first_name",
        _("First name"),
        True,
        (
            "Voornaam",
            "Prénom",
            "Vorname",
            "First name",
            "firstname",
            "given name",
            "voornaam cursist",
            "voornaam deelnemer",
            "prénom stagiaire",
            "prénom apprenant",
            "vorname teilnehmer",
            "forename",
        ),
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
            "naam cursist",
            "naam deelnemer",
            "familienaam cursist",
            "nom stagiaire",
            "nom apprenant",
            "name teilnehmer",
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
            "emailadres",
            "mailadres",
            "e-mail cursist",
            "e-mail deelnemer",
            "courriel stagiaire",
            "adresse courriel",
            "mail adresse",
        ),
        _("Leave empty for people without e-mail: they get a printed login card."),
    ),
    Column(
        "language",
        _("Language"),
        False,
        (
            "Taal",
            "Langue",
            "Sprache",
            "Language",
            "voertaal",
            "communicatietaal",
            "contacttaal",
            "langue de contact",
            "langue de communication",
            "kontaktsprache",
            "preferred language",
        ),
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
            "geboorte datum",
            "geb datum",
            "né le",
            "date naissance",
            "geboren am",
        ),
        _("dd/mm/yyyy (also yyyy-mm-dd)."),
    ),
    Column(
        "gender",
        _("Gender"),
        False,
        ("Geslacht", "Genre", "Geschlecht", "Gender", "sexe", "sex", "m/v", "h/f", "m/w"),
        _("f, m, x or empty."),
    ),
    Column(
        "postcode",
        _("Postcode"),
        False,
        (
            "Postcode",
            "Code postal",
            "Postleitzahl",
            "Post code",
            "postal code",
            "plz",
            "zip",
            "cp",
            "postnummer",
            "postcode woonplaats",
            "code postal domicile",
        ),
        _("A Belgian postcode (four digits)."),
    ),
    Column(
        "situation",
        _("Situation"),
        False,
        (
            "Situatie",
            "Situation",
            "Situation",
            "Situation",
            "statuut",
            "statut",
            "status",
            "arbeidsstatus",
            "arbeidssituatie",
            "statut socioprofessionnel",
            "situation professionnelle",
            "berufliche situation",
        ),
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
            "kansengroep",
            "kansengroepen",
            "public cible",
            "publics cibles",
            "groupe",
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
            "module",
            "extra opleiding",
            "formation supplémentaire",
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


def column_for(header: str) -> str | None:
    """The field a header names in one of our languages, or None."""
    return _HEADER_INDEX.get(normalise(header))
