"""CSRF tokens drawn with one call to the system's random source (config/csrf.py)."""

import string
from collections import Counter

import pytest
from django.middleware import csrf as django_csrf

from config import csrf


def test_djangos_csrf_module_draws_with_it():
    assert django_csrf.get_random_string is csrf.random_string
    token = django_csrf.get_token(_request())
    assert len(token) == django_csrf.CSRF_TOKEN_LENGTH
    assert set(token) <= set(django_csrf.CSRF_ALLOWED_CHARS)


def _request():
    from django.test import RequestFactory

    return RequestFactory().get("/")


@pytest.mark.parametrize("length", [0, 1, 32, 64, 300])
def test_the_length_and_the_alphabet_asked(length):
    drawn = csrf.random_string(length, "abc")
    assert len(drawn) == length and set(drawn) <= set("abc")


def test_every_character_is_as_likely_as_any_other():
    """62 characters: a byte taken modulo 62 without setting the last 8 values
    aside would draw the first eight a quarter more often (5/256 against 4/256)."""
    alphabet = string.ascii_letters + string.digits
    counts = Counter(csrf.random_string(62 * 4000, alphabet))
    # 4,000 expected each, a standard deviation of about 63: 400 is six of them,
    # and a quarter more (5,000) is far outside.
    assert set(counts) == set(alphabet)
    assert all(abs(count - 4000) < 400 for count in counts.values()), counts.most_common(9)


def test_two_draws_differ():
    assert len({csrf.random_string(32, string.ascii_letters) for _ in range(100)}) == 100


def test_an_alphabet_it_cannot_draw_from_is_refused():
    with pytest.raises(ValueError):
        csrf.random_string(8, "")
    with pytest.raises(ValueError):
        csrf.random_string(8, "".join(chr(i) for i in range(257)))
