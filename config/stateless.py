"""The lane of stateless views: public machine-readable answers (the
verification API, published keys, status lists) that read no session, user,
message or CSRF token and say the same to everyone who asks the same thing.

Such a view is marked `@stateless`. A request to it is answered by
`StatelessViewMiddleware`, which sits after the security, H5P-origin and
compression middlewares and before everything that serves a person (CSP
nonces, page cache, session, locale, CSRF, authentication, messages, idle
sessions, MFA, redirects): those cost a third of the verification API's time
and give it nothing. The lane does what they would have done for such an
answer: the Host header checked against ALLOWED_HOSTS, the language from
Accept-Language or the language cookie (with `Vary`
and `Content-Language`), X-Frame-Options, and a Content-Security-Policy fit
for an answer that is no document (`default-src 'none'`). It never sets a
cookie.

A marked view that raises Http404 is asked again through the whole stack, so
that the not-found page is the site's usual one; a view that reads
`request.user` or `request.session` fails loudly (it is not stateless).

Only the views' own addresses enter the lane: the literal start of each marked
route (`api/certificates/verify/`) is read from the URLconf once, and a request
is resolved early only when its path starts with one of them.

The page lane (`SessionlessPageMiddleware`) is the same idea for a page that
people read: a view marked `@sessionless_page` (the verification page, which a
scanned QR code opens) is answered, for a GET without a session or message
cookie, by the middlewares after the lane that have something to do for such
a request, through their own methods (`PAGE_LANE_REPLAYED`: the address's
language, the Host check, the CSRF token of the page's forms and its cookie,
X-Frame-Options, Content-Length) and with an anonymous `request.user`; the
others have nothing to do for it (`PAGE_LANE_IDLE` says why), and cost the
verification page a tenth of its time. The middlewares before the lane (the
site's CSP with its nonce, Permissions-Policy, compression) answer as for any
page. A POST, or a visitor with a session or a message, goes through the whole
stack, as does a marked view that raises Http404; a view that reads
`request.session` in the lane fails loudly."""

from functools import lru_cache, wraps

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.common import CommonMiddleware
from django.middleware.csrf import CsrfViewMiddleware
from django.middleware.locale import LocaleMiddleware
from django.urls import (
    LocalePrefixPattern,
    Resolver404,
    ResolverMatch,
    URLPattern,
    URLResolver,
    get_resolver,
)
from django.urls.resolvers import RoutePattern
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import http_date

# Nothing to load, nothing to run, framed by nobody: an answer that is no page.
STATELESS_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


STATELESS = "stateless"
SESSIONLESS_PAGE = "sessionless_page"


def stateless(view):
    """Mark `view` for the stateless lane (see the module's text)."""
    setattr(view, STATELESS, True)
    return view


def sessionless_page(view):
    """Mark `view` for the page lane (see the module's text)."""
    setattr(view, SESSIONLESS_PAGE, True)
    return view


@lru_cache(maxsize=1)
def _never_cache_control() -> str:
    """The Cache-Control of `add_never_cache_headers`, asked of Django once."""
    response = HttpResponse()
    add_never_cache_headers(response)
    return response["Cache-Control"]


def never_cached(response: HttpResponseBase) -> HttpResponseBase:
    """`add_never_cache_headers(response)`, with the same headers (a test
    compares them): on an answer without caching headers of its own they are
    written at once, where Django parses and rewrites Cache-Control twice (47
    of the JSON verification's 900 us of CPU in one process)."""
    headers = response.headers
    if "Cache-Control" in headers or "Expires" in headers:
        add_never_cache_headers(response)
    else:
        headers["Expires"] = http_date()  # now: Django's expiry at a timeout of 0
        headers["Cache-Control"] = _never_cache_control()
    return response


def never_cached_view(view):
    """Django's `never_cache` for the lanes' views, through `never_cached`."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return never_cached(view(request, *args, **kwargs))

    return wrapper


def sessionless(request: HttpRequest) -> bool:
    """No session and no message cookie: nothing of the visitor to read or keep."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and CookieStorage.cookie_name not in cookies


def _literal(route: str) -> str:
    """The part of a route before its first converter."""
    return route.split("<", 1)[0]


def _prefixes(
    patterns, start: str = "", mark: str = STATELESS, languages: tuple[str, ...] = ()
) -> list[str]:
    """The literal starts of the routes of `patterns` whose view carries `mark`;
    language-prefixed ones (i18n_patterns) once per code of `languages`, none
    when it is empty."""
    found = []
    for entry in patterns:
        pattern = entry.pattern
        if isinstance(pattern, LocalePrefixPattern) and isinstance(entry, URLResolver):
            for code in languages:
                found += _prefixes(entry.url_patterns, f"{start}{code}/", mark, languages)
            continue
        # Regular-expression patterns stay out of the lane: their start is
        # not a literal.
        if not isinstance(pattern, RoutePattern):
            continue
        route = str(pattern)  # a RoutePattern prints its route
        if isinstance(entry, URLResolver):
            if "<" not in route:
                found += _prefixes(entry.url_patterns, start + route, mark, languages)
        elif isinstance(entry, URLPattern) and getattr(entry.callback, mark, False):
            literal = start + _literal(route)
            if literal:  # never the whole site
                found.append("/" + literal)
    return found


@lru_cache(maxsize=8)
def stateless_prefixes(resolver) -> tuple[str, ...]:
    """The literal starts of the marked routes of `resolver`'s URLconf."""
    return tuple(_prefixes(resolver.url_patterns))


@lru_cache(maxsize=8)
def page_prefixes(resolver) -> tuple[str, ...]:
    """The literal starts of the routes of `resolver`'s URLconf marked for the
    page lane, in each language of the site."""
    languages = tuple(code for code, _name in settings.LANGUAGES)
    return tuple(_prefixes(resolver.url_patterns, mark=SESSIONLESS_PAGE, languages=languages))


def _resolved_route(resolver, path: str, mark: str) -> ResolverMatch | None:
    try:
        match = resolver.resolve(path)
    except Resolver404:
        return None
    return match if getattr(match.func, mark, False) else None


@lru_cache(maxsize=256)
def _literal_route(resolver, path: str, mark: str, language: str) -> ResolverMatch | None:
    """`_resolved_route` of a path that is one of the lane's literal starts:
    the same answer for the same URLconf and language (a language prefix
    resolves in the active language), so resolved once."""
    return _resolved_route(resolver, path, mark)


def _marked_route(
    resolver, path: str, mark: str, literals: tuple[str, ...]
) -> ResolverMatch | None:
    """The route of `path` if its view carries `mark`, else None (the request
    goes through the whole stack). A path that is exactly one of `literals`
    (a route without converters, such as the verification page: resolving it
    cost the page a fiftieth of its time) is resolved once per language; the
    others, which carry a value of their own, every time."""
    if path in literals:
        return _literal_route(resolver, path, mark, translation.get_language())
    return _resolved_route(resolver, path, mark)


class StatelessViewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        path = request.path_info
        resolver = get_resolver(getattr(request, "urlconf", None))
        literals = stateless_prefixes(resolver)
        if not path.startswith(literals):
            return self.get_response(request)
        match = _marked_route(resolver, path, STATELESS, literals)
        if match is None:
            return self.get_response(request)
        # ALLOWED_HOSTS, as CommonMiddleware would check it: an unknown Host
        # header is a 400 (DisallowedHost), never an answer.
        request.get_host()
        language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        request.resolver_match = match
        try:
            response = match.func(request, *match.args, **match.kwargs)
        except Http404:
            # The site's own not-found page, with everything a page needs.
            return self.get_response(request)
        patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", language)
        response.headers.setdefault("Content-Security-Policy", STATELESS_CSP)
        if not getattr(response, "xframe_options_exempt", False):
            response.headers.setdefault("X-Frame-Options", "DENY")
        if not response.streaming:
            response.headers.setdefault("Content-Length", str(len(response.content)))
        return response


# What the middlewares after the page lane do for a GET without a session or
# message cookie. Replayed by the lane, through their own methods:
PAGE_LANE_REPLAYED = {
    "django.middleware.locale.LocaleMiddleware": "the address's language, Content-Language",
    "django.middleware.common.CommonMiddleware": "the Host check, Content-Length",
    "django.middleware.csrf.CsrfViewMiddleware": "the forms' token and its cookie",
    "django.contrib.auth.middleware.AuthenticationMiddleware": "an anonymous request.user",
    "django.middleware.clickjacking.XFrameOptionsMiddleware": "X-Frame-Options",
}
# Nothing to do for such a request:
PAGE_LANE_IDLE = {
    "django.contrib.sessions.middleware.SessionMiddleware": "no cookie, no session",
    "django.contrib.messages.middleware.MessageMiddleware": "no cookie, no message",
    "lms.idle.IdleSessionMiddleware": "no session to end",
    "allauth.account.middleware.AccountMiddleware": "a 404 under accounts/ only",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware": "a 404 only (raised: asked again)",
    "lms.middleware.StaffMFAMiddleware": "signed-in staff only",
}


class SessionlessPageMiddleware:
    """The page lane (see the module's text)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.locale = LocaleMiddleware(get_response)
        self.common = CommonMiddleware(get_response)
        self.csrf = CsrfViewMiddleware(get_response)
        self.xframe = XFrameOptionsMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD") or not sessionless(request):
            return self.get_response(request)
        path = request.path_info
        resolver = get_resolver(getattr(request, "urlconf", None))
        literals = page_prefixes(resolver)
        if not path.startswith(literals):
            return self.get_response(request)
        # The address's language first: the prefixed routes resolve in it.
        self.locale.process_request(request)
        match = _marked_route(resolver, path, SESSIONLESS_PAGE, literals)
        if match is None:
            return self.get_response(request)
        response = self.common.process_request(request)
        if response is None:
            self.csrf.process_request(request)
            request.user = AnonymousUser()
            request.resolver_match = match
            response = self.csrf.process_view(request, match.func, match.args, match.kwargs)
        if response is None:
            try:
                response = match.func(request, *match.args, **match.kwargs)
            except Http404:
                # The site's own not-found page, through the whole stack.
                return self.get_response(request)
        for middleware in (self.xframe, self.csrf, self.common, self.locale):
            response = middleware.process_response(request, response)
        return response
