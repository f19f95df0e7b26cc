"""The H5P player origin: the same project answering on H5P_PLAYER_ORIGIN.

A request whose scheme and host are the player origin's never reaches the rest
of the middleware or the platform's URLs: it is resolved against
`courses.h5p.urls_player` alone, without sessions, CSRF, locale or authentication,
and its response carries the player's Content-Security-Policy and never a
cookie. The platform's own hosts never serve the player's URLs.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import Resolver404, resolve

from courses.h5p.tokens import platform_origin

URLCONF = "courses.h5p.urls_player"


def player_csp() -> str:
    """The player's policy. Scripts and styles only from the player origin;
    images and media also as data:/blob: (H5P content types make them);
    no fetch or XHR at all (connect-src 'none': results and state leave by
    postMessage only); framed only by the platform; no forms, no <base>.
    font-src for H5P core's icon font, served from 'self'."""
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "media-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'none'",
            f"frame-ancestors {platform_origin()}",
            "form-action 'none'",
            "base-uri 'none'",
        ]
    )


def _origin_of(request: HttpRequest) -> str:
    host = request.get_host().lower()
    scheme = request.scheme
    default = {"http": ":80", "https": ":443"}.get(scheme, "")
    if default and host.endswith(default):
        host = host[: -len(default)]
    return f"{scheme}://{host}"


def is_player_request(request: HttpRequest) -> bool:
    origin = settings.H5P_PLAYER_ORIGIN
    if not origin:
        return False
    parts = urlsplit(origin)
    return _origin_of(request) == f"{parts.scheme}://{parts.netloc.lower()}"


def _secure(response: HttpResponse) -> HttpResponse:
    response.setdefault("Content-Security-Policy", player_csp())
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "no-referrer"
    # The player origin keeps no state in the browser: whatever a view or a
    # library tried, no cookie leaves it.
    response.cookies.clear()
    if "Set-Cookie" in response:
        del response["Set-Cookie"]
    return response


class PlayerOriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_player_request(request):
            return self.get_response(request)
        # Nothing downstream may read the platform's cookies, had the browser
        # sent any.
        request.COOKIES = {}
        if request.method not in ("GET", "HEAD"):
            return _secure(HttpResponseNotAllowed(["GET", "HEAD"]))
        try:
            match = resolve(request.path_info, urlconf=URLCONF)
            response = match.func(request, *match.args, **match.kwargs)
        except (Resolver404, Http404):
            response = HttpResponse(
                "Not found", status=404, content_type="text/plain; charset=utf-8"
            )
        return _secure(response)
