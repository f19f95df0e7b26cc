"""Company and VAT numbers by their check digits, and who pays which VAT.

Real Belgian enterprise numbers of public bodies and public companies, from
the Crossroads Bank for Enterprises (KBO/BCE public search): the National Bank
of Belgium, the FPS Finance, the VRT, Proximus, bpost and the default seller's
0403.170.701. Other EU numbers are the examples their tax administrations
publish (valid check digits)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from payments.vat import company_number_normalise, vat_number_normalise, vat_position

REAL_BELGIAN = {
    "0203.201.340": "0203201340",  # National Bank of Belgium
    "0308.357.159": "0308357159",  # FPS Finance
    "0244.142.664": "0244142664",  # VRT
    "0202.239.951": "0202239951",  # Proximus
    "0214.596.464": "0214596464",  # bpost
    "0403.170.701": "0403170701",
}


@pytest.mark.parametrize(("typed", "stored"), REAL_BELGIAN.items())
def test_real_belgian_company_numbers_are_accepted(typed, stored):
    assert company_number_normalise(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["0203 201 340", "0203201340", "BE0203201340", "BE 0203.201.340", "be0203201340", "203201340"],
)
def test_company_number_typed_with_dots_spaces_prefix_or_old_nine_digits(typed):
    assert company_number_normalise(typed) == "0203201340"


@pytest.mark.parametrize("typed", ["0203.201.341", "0308.357.158", "0244.142.646"])
def test_company_number_with_wrong_check_digits_is_refused(typed):
    with pytest.raises(ValidationError) as error:
        company_number_normalise(typed)
    assert error.value.code == "company_number_checksum"


@pytest.mark.parametrize("typed", ["", "12345", "02032013400", "ABCDEFGHIJ"])
def test_company_number_of_the_wrong_form_is_refused(typed):
    with pytest.raises(ValidationError) as error:
        company_number_normalise(typed)
    assert error.value.code == "company_number_format"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("BE0203201340", "BE0203201340"),
        ("BE 0203.201.340", "BE0203201340"),
        ("be0203201340", "BE0203201340"),
        ("NL004495445B01", "NL004495445B01"),
        ("NL 0044.95.445.B01", "NL004495445B01"),
        ("FR40303265045", "FR40303265045"),
        ("FR 40 303 265 045", "FR40303265045"),
        ("DE136695976", "DE136695976"),
        ("DE 136 695 976", "DE136695976"),
        ("LU10000356", "LU10000356"),
    ],
)
def test_eu_vat_numbers_with_valid_check_digits(typed, stored):
    assert vat_number_normalise(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["BE0203201341", "NL004495446B01", "FR41303265045", "DE136695977", "LU10000357"],
)
def test_eu_vat_numbers_with_a_wrong_check_digit_are_refused(typed):
    with pytest.raises(ValidationError) as error:
        vat_number_normalise(typed)
    assert error.value.code in {"vat_number_checksum", "vat_number_format"}


@pytest.mark.parametrize(
    "typed", ["CHE-116.281.710 MWST", "GB980780684", "US123456789", "0203201340"]
)
def test_vat_numbers_outside_the_eu_or_without_country_are_refused(typed):
    with pytest.raises(ValidationError) as error:
        vat_number_normalise(typed)
    assert error.value.code == "vat_number_country"


RATE = Decimal("21.00")


@pytest.mark.parametrize(
    ("buyer", "vat_number", "expected"),
    [
        ("Belgian business", "BE0203201340", (RATE, False)),
        ("Belgian person", "", (RATE, False)),
        ("Dutch business", "NL004495445B01", (Decimal("0.00"), True)),
        ("French business", "FR40303265045", (Decimal("0.00"), True)),
        ("German business", "DE136695976", (Decimal("0.00"), True)),
        ("Luxembourg business", "LU10000356", (Decimal("0.00"), True)),
        ("EU person (no VAT number)", "", (RATE, False)),
    ],
)
def test_vat_position_matrix(buyer, vat_number, expected):
    assert vat_position(vat_number=vat_number, rate=RATE) == expected, buyer
