"""Strict input types of the partner API: the words of the product's
vocabularies, accepted as the learner file accepts them (the aliases of
partners.importing.values, in four languages) and answered as canonical codes;
ISO dates only; no number or boolean where text is expected.

Every refusal is a PydanticCustomError whose message is already translated
(`translated` in its context), so that partners.api.errors shows it as is."""

import datetime
import re
from typing import Annotated

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from pydantic import AfterValidator, BeforeValidator, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from partners.importing import values
from partners.importing.columns import normalise
from partners.importing.identifiers import looks_like_national_number
from partners.models import Gender, Situation, TargetGroup
from partners.models.vocabulary import region_for_postcode

LANGUAGE_CODES = ("nl", "fr", "de", "en")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
OLDEST_BIRTH_DATE = datetime.date(1900, 1, 1)


def refuse(code: str, message: str) -> PydanticCustomError:
    """An error with a translated `message` and a stable `code`."""
    return PydanticCustomError(
        code, message.replace("{", "(").replace("}", ")"), {"translated": True}
    )


# Control characters (NUL above all: PostgreSQL cannot store it in text).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _text(value):
    if not isinstance(value, str):
        raise refuse("wrong_type", _("Enter text (a JSON string), not a number or true/false."))
    if _CONTROL.search(value):
        raise refuse("control_character", _("Remove the control characters from this text."))
    return value


def has_control_character(value: str) -> bool:
    return bool(_CONTROL.search(value))


Text = Annotated[str, BeforeValidator(_text)]


def _words(codes, aliases: dict) -> dict[str, str]:
    words = {normalise(code): str(code) for code in codes}
    words.update({word: str(code) for word, code in aliases.items()})
    return words


def _vocabulary(name: str, codes, aliases: dict):
    """A field that takes a code or an alias of it, and holds the code."""
    words = _words(codes, aliases)
    canonical = [str(code) for code in codes]
    by_code = {
        code: sorted(w for w, c in words.items() if c == code and w != code) for code in canonical
    }

    def parse(value):
        code = words.get(normalise(_text(value))) if value != "" else None
        if code is None:
            raise refuse(
                "invalid_choice",
                _("Choose one of: %(choices)s (or an alias listed in the API documentation).")
                % {"choices": ", ".join(canonical)},
            )
        return code

    schema = {
        "type": "string",
        "description": (
            f"A {name} code: {', '.join(canonical)}. Aliases (the words the learner "
            "file accepts, compared without case, accents, spaces, dots, dashes or "
            "underscores) are accepted too; the answer and the data hold the code."
        ),
        "examples": canonical[:1],
        "x-canonical-codes": canonical,
        "x-aliases": by_code,
    }
    return Annotated[str, PlainValidator(parse), WithJsonSchema(schema)]


Language = _vocabulary("language", LANGUAGE_CODES, values.LANGUAGES)
GenderWord = _vocabulary("gender", Gender.values, values.GENDERS)
SituationWord = _vocabulary("situation", Situation.values, values.SITUATIONS)
TargetGroupWord = _vocabulary("target group", TargetGroup.values, values.TARGET_GROUPS)


def _birth_date(value):
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise refuse("invalid_date", _("Enter a date as YYYY-MM-DD."))
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise refuse("invalid_date", _("This date does not exist.")) from None
    if not OLDEST_BIRTH_DATE <= day <= datetime.date.today():
        raise refuse("invalid_date", _("Enter a birth date between 1900-01-01 and today."))
    return day


BirthDate = Annotated[
    datetime.date | None,
    PlainValidator(_birth_date),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "format": "date"}, {"type": "null"}],
            "description": "YYYY-MM-DD (ISO 8601), from 1900-01-01 to today.",
        }
    ),
]


def _external_id(value: str) -> str:
    value = value.strip()
    if not value:
        raise refuse("required", _("This field is required."))
    if looks_like_national_number(value):
        raise refuse(
            "national_number",
            _(
                "This looks like a national register or BIS number. It identifies a "
                "person for the state and may not be used as a learner id (the id is "
                "shown on pages, in exports and webhooks): send your own learner id."
            ),
        )
    return value


def _email(value: str) -> str:
    value = value.strip().lower()
    if value:
        try:
            validate_email(value)
        except DjangoValidationError:
            raise refuse("invalid_email", _("Enter a valid e-mail address.")) from None
    return value


def _postcode(value: str) -> str:
    value = value.strip()
    if value and region_for_postcode(value) is None:
        raise refuse("invalid_postcode", _("Enter a Belgian postcode of four digits."))
    return value


ExternalId = Annotated[Text, AfterValidator(_external_id)]
Email = Annotated[Text, AfterValidator(_email)]
Postcode = Annotated[Text, AfterValidator(_postcode)]
