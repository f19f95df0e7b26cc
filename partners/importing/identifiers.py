"""Identifiers a partner must not use as a learner id.

The Belgian national register number (rijksregisternummer, numéro de registre
national, Nationalregisternummer, also INSZ/NISS) and the BIS number given to
people who are not in the register identify a person for the state: the law
restricts who may use them, and a learner id flows into pages, exports, the
API and webhooks. A value that has the shape and the check digits of one is
refused, whatever it is called, and so is a column that says it holds one.
"""

import re

from partners.importing.columns import normalise

# Written 85.07.30-033.28, 850730 033 28, 85073003328 ...
_SEPARATORS = re.compile(r"[\s.\-/]")
NATIONAL_NUMBER_HEADERS = frozenset(
    normalise(name)
    for name in (
        "rijksregisternummer",
        "rijksregister",
        "rijksregisternr",
        "insz",
        "inszummer",
        "insz-nummer",
        "bisnummer",
        "bis-nummer",
        "numéro national",
        "numéro de registre national",
        "registre national",
        "niss",
        "numéro niss",
        "numéro bis",
        "nationalregisternummer",
        "nationalnummer",
        "national number",
        "national register number",
        "national registry number",
        "ssin",
    )
)


def national_number_header(header: str) -> bool:
    """Whether a column's header says it holds national register numbers."""
    return normalise(header) in NATIONAL_NUMBER_HEADERS


def looks_like_national_number(value: str) -> bool:
    """Whether `value` is a Belgian national register or BIS number: eleven
    digits (separators allowed) whose last two are 97 minus the first nine
    modulo 97 (with a 2 in front for people born from 2000)."""
    digits = _SEPARATORS.sub("", str(value or ""))
    if len(digits) != 11 or not digits.isdigit():
        return False
    base, check = int(digits[:9]), int(digits[9:])
    return check in (97 - base % 97, 97 - (2_000_000_000 + base) % 97)
