"""National register and BIS numbers are recognised by their check digits."""

import pytest

from partners.importing.identifiers import looks_like_national_number, national_number_header


@pytest.mark.parametrize(
    "value",
    [
        "85073003328",  # born 1985
        "85.07.30-033.28",
        "850730 033 28",
        "01020300467",  # born 2001: the check counts a 2 in front
        "85273003371",  # a BIS number (month + 20), its own check digits
    ],
)
def test_a_national_or_bis_number_is_recognised(value):
    assert looks_like_national_number(value)


@pytest.mark.parametrize(
    "value",
    [
        "85073003329",  # check digits off by one
        "85073003327",
        "8507300332",  # ten digits
        "850730033280",  # twelve
        "VDAB-000123",
        "",
        "12345678901",
    ],
)
def test_other_ids_are_not(value):
    assert not looks_like_national_number(value)


@pytest.mark.parametrize(
    "header", ["Rijksregisternummer", "INSZ", "Numéro national", "NISS", "Nationalregisternummer"]
)
def test_a_column_named_for_the_register_is_recognised(header):
    assert national_number_header(header)


def test_a_learner_id_column_is_not():
    assert not national_number_header("Cursistnummer")
