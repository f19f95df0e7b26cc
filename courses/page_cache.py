"""Anonymous Wagtail pages from the shared cache.

A page is stored only when Wagtail's serve view rendered it (`page_cache_allow`,
called from a `before_serve_page` hook) for a request without a session, and
the response is a plain 200 that sets no cookie and says nothing against
caching; it is served again to requests that carry no session or messages
cookie. The key holds the host, the scheme, the language, the path and the
query string with its parameters sorted; the entry holds the page-tree version
it was rendered under (`courses.selectors.catalogue.pages_version`), and only
an entry of the current version is served, so one publish, unpublish, move,
deletion or translation anywhere retires every stored page at once.

The middleware sits before the session, locale and authentication middlewares:
a hit costs one cache round trip (the version and the page read together) and
no database query.
"""

import hashlib
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_cache_control, patch_vary_headers

from courses.selectors.catalogue import PAGES_VERSION_CACHE_KEY, pages_version

# Cookies a stored page may be served to: neither says who the visitor is nor
# changes the page (the language is in the address).
HARMLESS_COOKIES = frozenset({settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME})
# Headers never stored with a page (they belong to one response).
UNSTORED_HEADERS = frozenset({"set-cookie", "date", "x-page-cache"})
NO_CACHE_DIRECTIVES = ("private", "no-store", "no-cache")
HEADER = "X-Page-Cache"
KEY_PREFIX = "pagecache"
_ALLOWED = "page_cache_allowed"
_REFUSED = "page_cache_refused"


def page_cache_allow(request: HttpRequest) -> None:
    """Wagtail is serving a live page for this request: its response may be stored."""
    setattr(request, _ALLOWED, True)


def page_cache_refuse(request: HttpRequest) -> None:
    """This response must not be stored, whatever it looks like (something on
    the page depends on the visitor)."""
    setattr(request, _REFUSED, True)


def _language_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _ in settings.LANGUAGES)


def _query_normalised(query_string: str) -> str:
    # Filters in any order are one page; repeated and blank values are kept.
    return urlencode(sorted(parse_qsl(query_string, keep_blank_values=True)))


def page_cache_key(request: HttpRequest) -> str:
    """The cache key of the page at this request's address (the page-tree
    version it was rendered under is stored with it)."""
    language = request.path_info.split("/", 2)[1]
    address = "\n".join(
        (
            request.scheme,
            request.get_host(),
            language,
            request.path_info,
            _query_normalised(request.META.get("QUERY_STRING", "")),
        )
    )
    return f"{KEY_PREFIX}:{hashlib.sha256(address.encode()).hexdigest()}"


# Addresses always answered by a view of our own, never by Wagtail (their
# route comes before Wagtail's): no page of them is ever stored, so the busy
# ones skip the lookup (a cache round trip). Names of exact routes only.
NEVER_PAGES = ("certificates:verify",)


@lru_cache(maxsize=1)
def _never_pages() -> frozenset[str]:
    from django.urls import reverse
    from django.utils import translation

    paths = set()
    for code, _ in settings.LANGUAGES:
        with translation.override(code):
            paths.update(reverse(name) for name in NEVER_PAGES)
    return frozenset(paths)


def _may_serve_from_cache(request: HttpRequest) -> bool:
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return False
    if not request.path_info.startswith(_language_prefixes()):
        return False
    if request.path_info in _never_pages():
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    # A session (signed in, or anything personal kept for an anonymous
    # visitor), a pending message, or any cookie we do not know: rendered anew.
    return set(request.COOKIES) <= HARMLESS_COOKIES


def _may_store(request: HttpRequest, response: HttpResponseBase) -> bool:
    if request.method != "GET" or not getattr(request, _ALLOWED, False):
        return False
    if getattr(request, _REFUSED, False) or response.status_code != 200:
        return False
    if response.streaming or response.cookies or response.has_header("Content-Encoding"):
        return False
    # A CSRF token on the page would be handed to everyone.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is not None and (session.modified or not session.is_empty()):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(directive in cache_control for directive in NO_CACHE_DIRECTIVES)


def _public_headers(response: HttpResponseBase) -> None:
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
        s_maxage=settings.PAGE_CACHE_SECONDS,
    )
    # A shared cache in front must keep signed-in visitors apart.
    patch_vary_headers(response, ("Cookie",))


def _from_cache(
    request: HttpRequest, content: bytes, headers: list[tuple[str, str]]
) -> HttpResponse:
    # HEAD: the headers of the GET, Content-Length included, without the body.
    response = HttpResponse(b"" if request.method == "HEAD" else content)
    for name, value in headers:
        response[name] = value
    response[HEADER] = "hit"
    return response


class PageCacheMiddleware:
    """Serves anonymous Wagtail pages from the shared cache and stores the ones
    that may be (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not _may_serve_from_cache(request):
            return self._pass(request)
        key = page_cache_key(request)
        # One round trip: the current version and the page with the version it
        # was rendered under. A page of an older version is rendered again.
        found = cache.get_many([PAGES_VERSION_CACHE_KEY, key])
        version = found.get(PAGES_VERSION_CACHE_KEY) or pages_version()
        stored = found.get(key)
        if stored is not None and stored[0] == version:
            return _from_cache(request, stored[1], stored[2])
        response = self.get_response(request)
        if not _may_store(request, response):
            return self._not_stored(request, response)
        _public_headers(response)
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in UNSTORED_HEADERS
        ]
        cache.set(key, (version, response.content, headers), timeout=settings.PAGE_CACHE_SECONDS)
        response[HEADER] = "miss"
        return response

    def _pass(self, request: HttpRequest) -> HttpResponseBase:
        return self._not_stored(request, self.get_response(request))

    @staticmethod
    def _not_stored(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if getattr(request, _ALLOWED, False):
            # A page rendered for this visitor only: no shared cache keeps it.
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True)
            patch_vary_headers(response, ("Cookie",))
            response[HEADER] = "skip"
        return response


def frontend_cache_purge(*, page) -> None:
    """Ask the CDN or Varnish in front (Wagtail's frontend cache, settings
    WAGTAILFRONTENDCACHE) to forget `page` in every language, and the home
    page and catalogue of every language (they list other pages), once the
    transaction commits. Addresses with a query string and pages that only
    show this one (its course, its neighbours) leave that cache after
    PAGE_CACHE_SECONDS (s-maxage). Nothing to do when no purger is configured."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    from django.db import transaction
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    from courses.models import CatalogPage, HomePage

    batch = PurgeBatch()
    batch.add_pages(page.get_translations(inclusive=True).specific())
    batch.add_pages(CatalogPage.objects.live())
    batch.add_pages(HomePage.objects.live())
    transaction.on_commit(batch.purge)
