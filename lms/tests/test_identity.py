"""lms.identity.legal_name_clean: the one check of a legal name."""

import pytest
from django.core.exceptions import ValidationError

from lms.identity import GIVEN_NAME_MAX_LENGTH, legal_name_clean


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Lotte", "Lotte"),
        ("  Lotte   Maria  ", "Lotte Maria"),
        ("Lotte\u00a0Maria", "Lotte Maria"),  # a no-break space is a space
        ("D'Hondt", "D'Hondt"),
        ("’t Hooft", "’t Hooft"),
        ("Peeters-Janssens", "Peeters-Janssens"),
        ("Ma. Cristina", "Ma. Cristina"),
        ("Łukasz", "Łukasz"),
        ("Yılmaz Ğenç", "Yılmaz Ğenç"),
        ("Müller", "Müller"),
        ("Ζωή", "Ζωή"),
        ("Nguyễn", "Nguyễn"),
    ],
)
def test_real_names_are_kept_in_one_form(typed, stored):
    assert legal_name_clean(typed) == stored


def test_a_decomposed_accent_is_stored_composed():
    decomposed = "Jose\u0301"  # e + combining acute
    assert legal_name_clean(decomposed) == "José"
    assert len(legal_name_clean(decomposed)) == 4


@pytest.mark.parametrize("typed", ["", "   ", "\u00a0\u2003"])
def test_an_empty_name_is_refused(typed):
    with pytest.raises(ValidationError) as caught:
        legal_name_clean(typed)
    assert caught.value.code == "name_empty"


@pytest.mark.parametrize(
    "typed",
    [
        "Lot\u200bte",  # zero-width space
        "Lot\u200dte",  # zero-width joiner
        "\ufeffLotte",  # byte order mark
        "Lotte\u202eeetreP",  # right-to-left override
        "Lotte\u2066x\u2069",  # bidi isolate
        "Lot\x00te",
        "Lotte\n",
        "Lot\tte",
        "Lotte\u2028Peeters",  # line separator
    ],
)
def test_control_and_invisible_characters_are_refused(typed):
    with pytest.raises(ValidationError) as caught:
        legal_name_clean(typed)
    assert caught.value.code == "name_control"


@pytest.mark.parametrize("typed", ["Lotte2", "R2D2", "Lotte ²", "Ⅻ"])
def test_digits_are_refused(typed):
    with pytest.raises(ValidationError) as caught:
        legal_name_clean(typed)
    assert caught.value.code == "name_digits"


@pytest.mark.parametrize("typed", ["Lotte!", "<b>Lotte</b>", "Lotte@home", "Lotte 😀", "=SUM(A1)"])
def test_symbols_are_refused_and_named(typed):
    with pytest.raises(ValidationError) as caught:
        legal_name_clean(typed)
    assert caught.value.code in ("name_symbols", "name_digits")


def test_the_refused_characters_are_named_in_the_message():
    with pytest.raises(ValidationError) as caught:
        legal_name_clean("Lotte!?")
    assert "! ?" in caught.value.messages[0]


def test_punctuation_alone_is_not_a_name():
    with pytest.raises(ValidationError) as caught:
        legal_name_clean("-'.")
    assert caught.value.code == "name_no_letter"


def test_the_length_limit_is_exact():
    assert legal_name_clean("a" * GIVEN_NAME_MAX_LENGTH) == "a" * GIVEN_NAME_MAX_LENGTH
    with pytest.raises(ValidationError) as caught:
        legal_name_clean("a" * (GIVEN_NAME_MAX_LENGTH + 1))
    assert caught.value.code == "name_too_long"


def test_the_limit_counts_the_cleaned_name_not_the_spaces_typed():
    typed = "a" * (GIVEN_NAME_MAX_LENGTH - 1) + "     "
    assert legal_name_clean(typed) == "a" * (GIVEN_NAME_MAX_LENGTH - 1)


def test_messages_are_translated():
    from django.utils import translation

    with translation.override("nl"), pytest.raises(ValidationError) as caught:
        legal_name_clean("Lotte2")
    assert caught.value.messages == ["Een naam mag geen cijfers bevatten."]
