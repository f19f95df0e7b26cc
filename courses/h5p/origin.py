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


# What H5P content types need beyond 'self', found by playing the fourteen
# most used types (courses/tests/h5p_exports/) in Chromium; each is asserted by
# lms/tests/test_views_h5p_player_exports.py and tests/browser/test_h5p_types.py.
PLAYER_CSP = (
    "default-src 'none'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
)


def player_csp() -> str:
    """The player's policy, as loose as real content types need and no looser.

    - default-src 'none': whatever is not named below is refused.
    - script-src 'self' 'unsafe-eval': scripts only from the player origin (H5P
      core, the vetted libraries, our setup and bridge), never inline, never
      remote. 'unsafe-eval' because H5P's EmbeddedJS library (a dependency of
      H5P.MultiChoice, H5P.QuestionSet, H5P.CoursePresentation,
      H5P.InteractiveVideo...) compiles its templates with `new Function`:
      without it those types never start. Only vetted library code runs here,
      on an origin of its own, with no cookies and no connections.
    - style-src 'self': style sheets only from the player origin, no <style>
      element made by script.
    - style-src-attr 'unsafe-inline': inline `style` attributes, which jQuery
      and H5P core set on elements (sizes, positions of H5P.Accordion's panels,
      H5P.DragQuestion's draggables). Attributes only: CSS cannot run script.
    - img-src 'self' data: blob:: the activity's images, library images, and the
      ones content types make as data: or blob: URLs.
    - media-src 'self' data: blob: https:: the activity's own audio and video,
      library sounds (H5P.SingleChoiceSet's), and a video the author linked by
      https address instead of uploading it (H5P.InteractiveVideo allows it);
      media cannot run script, and the frame sends no cookie anywhere.
    - font-src 'self' data:: the icon fonts of H5P core and the libraries
      (served with Access-Control-Allow-Origin: *, as the sandboxed frame's
      opaque origin makes every font load a cross-origin request).
    - connect-src 'none': no fetch, XHR, WebSocket or beacon at all: results
      and state leave by postMessage only (bridge.js makes SoundJS play its
      sounds with <audio> instead of fetching them).
    - frame-ancestors <platform>: only the platform's lesson pages frame it.
    - form-action 'none', base-uri 'none': no form is ever sent, no <base>
      redirects relative addresses (jQuery's parseHTML adds one to an inert
      document; the browser reports it and nothing is lost).
    """
    return "; ".join([*PLAYER_CSP[:-2], f"frame-ancestors {platform_origin()}", *PLAYER_CSP[-2:]])


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
