"""The stateless lane (config/stateless.py): which addresses enter it, what
an answer gets there, and what it never gets (a cookie, a session, a user)."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.urls import URLResolver, get_resolver, include, path, re_path
from django.utils import translation

from config.stateless import (
    PAGE_LANE_IDLE,
    PAGE_LANE_REPLAYED,
    SESSIONLESS_PAGE,
    STATELESS_CSP,
    _literal_route,
    _marked_route,
    _prefixes,
    never_cached,
    page_prefixes,
    sessionless_page,
    stateless,
    stateless_prefixes,
)

pytestmark = pytest.mark.urls("config.tests.stateless_urls")


@stateless
def _marked(request):
    raise AssertionError("never called")


def _plain(request):
    raise AssertionError("never called")


def test_only_the_literal_start_of_a_marked_route_enters_the_lane():
    patterns = [
        path("api/things/<int:pk>", _marked),
        path("api/other/<int:pk>", _plain),
        path("keys/", include([path("one.json", _marked), path("<str:kid>.json", _marked)])),
        # A converter in an include's route: its start is no literal.
        path("org/<slug:org>/", include([path("x", _marked)])),
        re_path(r"^re/(?P<x>\d+)$", _marked),
        # An empty start would put the whole site in the lane.
        path("<str:anything>", _marked),
        *i18n_patterns(path("verify/", _marked)),
    ]
    assert _prefixes(patterns) == ["/api/things/", "/keys/one.json", "/keys/"]


def test_a_marked_view_is_answered_without_session_or_user(client):
    response = client.get("/api/things/7", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.json() == {"number": 7, "has_user": False}
    assert response["Content-Security-Policy"] == STATELESS_CSP
    assert response["X-Frame-Options"] == "DENY"
    assert response["Content-Language"] == "fr"
    assert "Accept-Language" in response["Vary"]
    assert response["Content-Length"] == str(len(response.content))
    # The middlewares before the lane still answer.
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in response


def test_an_unknown_host_is_refused_as_by_the_rest_of_the_site(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/api/things/7", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert b"number" not in response.content


def test_an_unmarked_view_under_the_same_start_goes_through_the_whole_stack(client):
    response = client.get("/api/things/7/page")
    assert response.json() == {"number": 7, "has_user": True}
    assert response["Content-Security-Policy"] != STATELESS_CSP


@pytest.mark.django_db
def test_a_marked_view_that_raises_not_found_is_asked_again_through_the_whole_stack(client):
    assert client.get("/api/missing/3").json()["has_user"] is False
    # The site's usual answer to an unknown address without a language
    # (LocaleMiddleware's redirect to the visitor's language), with its policy.
    response = client.get("/api/missing/0")
    assert (response.status_code, response["Location"]) == (302, "/en/api/missing/0/")
    assert response["Content-Security-Policy"] != STATELESS_CSP


@pytest.mark.parametrize("address", ["/api/user", "/en/pages/session/"])
def test_a_marked_view_that_reads_the_user_or_the_session_fails_loudly(client, address):
    """The stateless lane has neither; the page lane has no session."""
    client.raise_request_exception = True
    with pytest.raises(AttributeError):
        client.get(address)


@pytest.mark.django_db
def test_the_lane_never_touches_a_session_or_sets_a_cookie(client, sessions_opened):
    client.cookies["sessionid"] = "x" * 32
    client.cookies["messages"] = "y"
    response = client.get("/api/things/1")
    assert sessions_opened == [] and response.cookies == {}
    client.get("/api/things/1/page")
    assert sessions_opened == ["/api/things/1/page"]


def test_the_language_cookie_is_honoured_as_by_the_locale_middleware(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    assert client.get("/api/things/1")["Content-Language"] == "de"


@pytest.mark.urls("config.urls")
def test_the_platforms_lane_holds_the_verification_api_keys_and_status_lists_only():
    prefixes = set(stateless_prefixes(get_resolver()))
    assert prefixes == {
        "/api/certificates/verify/",
        "/.well-known/did.json",
        "/.well-known/pdf-seal.pem",
        "/certificates/keys.json",
        "/certificates/keys/seal/",
        "/certificates/keys/",
        "/certificates/status/",
    }


# --- The page lane -------------------------------------------------------------


@sessionless_page
def _page(request):
    raise AssertionError("never called")


def test_a_marked_page_enters_the_page_lane_in_each_language():
    patterns = [
        path("api/things/<int:pk>", _marked),
        *i18n_patterns(path("verify/", _page), path("verify/pdf/", _plain)),
    ]
    assert _prefixes(patterns, mark=SESSIONLESS_PAGE, languages=("nl", "fr")) == [
        "/nl/verify/",
        "/fr/verify/",
    ]
    # Each lane holds its own views only.
    assert _prefixes(patterns, languages=("nl", "fr")) == ["/api/things/"]


@pytest.mark.urls("config.urls")
def test_the_platforms_page_lane_holds_the_verification_page_only():
    assert set(page_prefixes(get_resolver())) == {
        "/nl/verify/",
        "/fr/verify/",
        "/de/verify/",
        "/en/verify/",
    }


def test_every_middleware_after_the_page_lane_is_replayed_or_has_nothing_to_do(settings):
    middleware = settings.MIDDLEWARE
    after = middleware[middleware.index("config.stateless.SessionlessPageMiddleware") + 1 :]
    assert sorted(after) == sorted([*PAGE_LANE_REPLAYED, *PAGE_LANE_IDLE])
    # The site's policy (with its nonce) and the page cache come before it.
    assert middleware.index("config.security.PlatformCSPMiddleware") < len(middleware) - len(after)


@pytest.mark.django_db
def test_a_marked_page_is_answered_in_its_language_for_an_anonymous_visitor(
    client, sessions_opened
):
    response = client.get("/fr/pages/7/")
    assert response.content.decode() == "7 fr False 64"
    assert response["Content-Language"] == "fr"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Content-Length"] == str(len(response.content))
    assert "csrftoken" in response.cookies
    assert response["Content-Security-Policy"] != STATELESS_CSP
    assert sessions_opened == []


@pytest.mark.django_db
def test_a_marked_page_that_raises_not_found_gets_the_sites_own_not_found_page(
    client, sessions_opened
):
    response = client.get("/de/pages/0/")
    assert response.status_code == 404
    assert response["Content-Language"] == "de"
    assert b"<html" in response.content
    assert sessions_opened == ["/de/pages/0/"]


@pytest.mark.django_db
def test_a_post_or_a_visitor_with_a_session_goes_through_the_whole_stack(client, sessions_opened):
    client.cookies["sessionid"] = "x" * 32
    assert client.get("/nl/pages/session/").content == b"no"
    del client.cookies["sessionid"]
    assert client.post("/nl/pages/3/").status_code == 200
    assert sessions_opened == ["/nl/pages/session/", "/nl/pages/3/"]


def test_a_literal_address_of_the_lane_is_resolved_once_per_language(monkeypatch):
    from config.tests.stateless_urls import page, page_reads_the_session

    resolver = get_resolver()
    literals = page_prefixes(resolver)
    assert "/nl/pages/session/" in literals
    resolved = []
    resolve = URLResolver.resolve

    def counted(self, address):
        if self is resolver:
            resolved.append((address, translation.get_language()))
        return resolve(self, address)

    monkeypatch.setattr(URLResolver, "resolve", counted)
    _literal_route.cache_clear()
    for _ in range(3):
        for language in ("nl", "fr"):
            with translation.override(language):
                match = _marked_route(
                    resolver, f"/{language}/pages/session/", SESSIONLESS_PAGE, literals
                )
            assert match.func is page_reads_the_session
    # An address of another language than the active one is not a page.
    with translation.override("fr"):
        assert _marked_route(resolver, "/nl/pages/session/", SESSIONLESS_PAGE, literals) is None
    # An address with a value of its own is resolved every time.
    with translation.override("nl"):
        for number in (5, 5):
            match = _marked_route(resolver, f"/nl/pages/{number}/", SESSIONLESS_PAGE, literals)
            assert (match.func, match.kwargs) == (page, {"number": 5})
    assert resolved == [
        ("/nl/pages/session/", "nl"),
        ("/fr/pages/session/", "fr"),
        ("/nl/pages/session/", "fr"),
        ("/nl/pages/5/", "nl"),
        ("/nl/pages/5/", "nl"),
    ]


@pytest.mark.parametrize(
    "own",
    [{}, {"Cache-Control": "public, max-age=600"}, {"Expires": "Thu, 01 Jan 2037 00:00:00 GMT"}],
)
def test_never_cached_writes_what_django_writes(own):
    """The same headers as add_never_cache_headers, with or without caching
    headers of the answer's own (then Django's merge decides)."""
    from django.http import HttpResponse
    from django.utils.cache import add_never_cache_headers
    from django.utils.http import parse_http_date

    ours, django = HttpResponse(headers=own), HttpResponse(headers=own)
    never_cached(ours)
    add_never_cache_headers(django)
    assert ours["Cache-Control"] == django["Cache-Control"]
    assert abs(parse_http_date(ours["Expires"]) - parse_http_date(django["Expires"])) <= 2
    assert sorted(ours.headers) == sorted(django.headers)
