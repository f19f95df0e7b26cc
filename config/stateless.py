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
is resolved early only when its path starts with one of them."""

from functools import lru_cache

from django.http import Http404, HttpRequest, HttpResponseBase
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from django.utils import translation
from django.utils.cache import patch_vary_headers

# Nothing to load, nothing to run, framed by nobody: an answer that is no page.
STATELESS_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


def stateless(view):
    """Mark `view` for the stateless lane (see the module's text)."""
    view.stateless = True
    return view


def _literal(route: str) -> str:
    """The part of a route before its first converter."""
    return route.split("<", 1)[0]


def _prefixes(patterns, start: str = "") -> list[str]:
    found = []
    for entry in patterns:
        pattern = entry.pattern
        # Language-prefixed (LocalePrefixPattern) and regular-expression
        # patterns stay out of the lane: their start is not a literal.
        if not isinstance(pattern, RoutePattern):
            continue
        route = str(pattern)  # a RoutePattern prints its route
        if isinstance(entry, URLResolver):
            if "<" not in route:
                found += _prefixes(entry.url_patterns, start + route)
        elif isinstance(entry, URLPattern) and getattr(entry.callback, "stateless", False):
            literal = start + _literal(route)
            if literal:  # never the whole site
                found.append("/" + literal)
    return found


@lru_cache(maxsize=8)
def stateless_prefixes(resolver) -> tuple[str, ...]:
    """The literal starts of the marked routes of `resolver`'s URLconf."""
    return tuple(_prefixes(resolver.url_patterns))


class StatelessViewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        path = request.path_info
        resolver = get_resolver(getattr(request, "urlconf", None))
        if not path.startswith(stateless_prefixes(resolver)):
            return self.get_response(request)
        try:
            match = resolver.resolve(path)
        except Resolver404:
            return self.get_response(request)
        if not getattr(match.func, "stateless", False):
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
