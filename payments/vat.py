"""Company and VAT numbers, checked by their check digits (python-stdnum), and
the VAT a buyer pays. The seller is Belgian:

- a business with a valid VAT number of another EU country: 0 %, reverse charge
  (article 196 of Directive 2006/112/EC), the mention printed on the invoice;
- everyone else (Belgian businesses, people, buyers outside the EU): the
  price's rate, 21 % by default.

Check digits catch typing mistakes offline; whether a number is registered is
VIES's answer, which this platform does not ask at run time (no network)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum.be import vat as be_vat
from stdnum.eu import vat as eu_vat

# VAT prefixes of the EU member states (Greece is EL).
EU_VAT_PREFIXES = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "EL",
        "ES",
        "FI",
        "FR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)
ZERO = Decimal("0.00")


def company_number_normalise(typed: str) -> str:
    """A Belgian enterprise number (KBO/BCE) as stored: 10 digits. Accepts
    `0403.170.701`, `403170701` or `BE0403170701`; raises ValidationError with a
    translated reason when the check digits are wrong."""
    try:
        return be_vat.validate(typed or "")
    except stdnum_errors.InvalidChecksum as error:
        raise ValidationError(
            _("This company number is not valid: its last two digits do not match. Check it."),
            code="company_number_checksum",
        ) from error
    except stdnum_errors.ValidationError as error:
        raise ValidationError(
            _("A Belgian company number has 10 digits, like 0403.170.701."),
            code="company_number_format",
        ) from error


def vat_number_normalise(typed: str) -> str:
    """An EU VAT number as stored: country prefix and number, compact
    (`BE0403170701`, `NL004495445B01`). Raises ValidationError when the prefix is
    not an EU country or the check digits are wrong."""
    # stdnum's compact raises for a prefix it does not know (CH, US, digits):
    # clean by hand first, so that such a number gets the country's message.
    compact = "".join(c for c in (typed or "").upper() if c.isalnum())
    if compact[:2] not in EU_VAT_PREFIXES:
        raise ValidationError(
            _("A VAT number starts with its EU country code, like BE0403170701."),
            code="vat_number_country",
        )
    try:
        return eu_vat.validate(compact)
    except stdnum_errors.InvalidChecksum as error:
        raise ValidationError(
            _("This VAT number is not valid: its check digits do not match. Check it."),
            code="vat_number_checksum",
        ) from error
    except stdnum_errors.ValidationError as error:
        raise ValidationError(
            _("This VAT number does not have the form its country uses."),
            code="vat_number_format",
        ) from error


def vat_position(
    *, vat_number: str, rate: Decimal, seller_country: str = "BE"
) -> tuple[Decimal, bool]:
    """(rate to charge, reverse charge?) for a buyer with `vat_number` (already
    normalised, or empty for a person)."""
    prefix = vat_number[:2]
    if vat_number and prefix in EU_VAT_PREFIXES and prefix != seller_country:
        return ZERO, True
    return rate, False
