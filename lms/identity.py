"""A person's legal name: given name(s) and family name as on the identity card.

`legal_name_clean` is the one place that says what a legal name may hold; every
form that takes one (sign-up, My account, the certificate prompt, a correction
request) calls it. Certificates carry the legal name, frozen at issue.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Long enough for every name on a Belgian identity card (which prints at most
# a few dozen characters per line); short enough to fit on the certificate.
GIVEN_NAME_MAX_LENGTH = 100
FAMILY_NAME_MAX_LENGTH = 100

# Punctuation that belongs in names: apostrophes (D'Hondt, 't Hooft), hyphens
# (Peeters-Janssens) and dots (abbreviations such as "Ma." on foreign papers).
NAME_PUNCTUATION = frozenset("'’‘-‐‑.")

GIVEN_NAME_LABEL = gettext_lazy("Given name(s), as on your identity card")
FAMILY_NAME_LABEL = gettext_lazy("Family name, as on your identity card")


def legal_name_clean(value: str, *, max_length: int = GIVEN_NAME_MAX_LENGTH) -> str:
    """The name in its one stored form (NFC, trimmed, single spaces), or a
    ValidationError with a message that says what to change."""
    value = unicodedata.normalize("NFC", value or "")
    hidden = [c for c in value if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn")]
    hidden += [c for c in value if unicodedata.category(c) in ("Zl", "Zp")]
    if hidden:
        raise ValidationError(
            _(
                "This name contains an invisible or control character. Type it again "
                "rather than pasting it."
            ),
            code="name_control",
        )
    # Every kind of space (no-break, thin...) becomes one ordinary space.
    value = " ".join("".join(" " if unicodedata.category(c) == "Zs" else c for c in value).split())
    if not value:
        raise ValidationError(_("Give the name as on your identity card."), code="name_empty")
    if any(unicodedata.category(c).startswith("N") for c in value):
        raise ValidationError(_("A name cannot contain digits."), code="name_digits")
    refused = sorted(
        {
            c
            for c in value
            if c != " "
            and c not in NAME_PUNCTUATION
            and unicodedata.category(c)[0] not in ("L", "M")
        }
    )
    if refused:
        raise ValidationError(
            _(
                "A name holds letters, spaces, apostrophes, hyphens and dots only. "
                "Remove: %(characters)s"
            ),
            code="name_symbols",
            params={"characters": " ".join(refused)},
        )
    if not any(unicodedata.category(c).startswith("L") for c in value):
        raise ValidationError(_("A name needs at least one letter."), code="name_no_letter")
    if len(value) > max_length:
        raise ValidationError(
            _("A name has at most %(limit)d characters (this one has %(length)d)."),
            code="name_too_long",
            params={"limit": max_length, "length": len(value)},
        )
    return value


def given_name_clean(value: str) -> str:
    return legal_name_clean(value, max_length=GIVEN_NAME_MAX_LENGTH)


def family_name_clean(value: str) -> str:
    return legal_name_clean(value, max_length=FAMILY_NAME_MAX_LENGTH)
