import pytest
from django.test import RequestFactory

from config.own_urls import own_url


@pytest.mark.parametrize(
    "candidate, expected",
    [
        ("/nl/learning/", "/nl/learning/"),
        ("http://testserver/fr/", "http://testserver/fr/"),
        ("", ""),
        ("https://evil.example/", ""),
        ("//evil.example/path", ""),
        ("javascript:alert(1)", ""),
        ("http://testserver.evil.example/", ""),
    ],
)
def test_only_an_address_of_our_own_is_a_way_back(candidate, expected):
    assert own_url(RequestFactory().get("/"), candidate) == expected


def test_on_https_a_plain_http_address_of_ours_is_refused():
    request = RequestFactory().get("/", secure=True)
    assert own_url(request, "http://testserver/nl/") == ""
    assert own_url(request, "https://testserver/nl/") == "https://testserver/nl/"
