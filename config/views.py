import hmac

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from config.health import health_report


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Check database, cache and broker; 503 when any of them fails. Anyone
    learns only up or down; monitoring with HEALTHZ_TOKEN (Authorization:
    Bearer) also gets each check and its error."""
    report = health_report()
    status = 200 if report["ok"] else 503
    if not _monitoring(request):
        return JsonResponse({"ok": report["ok"]}, status=status)
    return JsonResponse(report, status=status)


def _monitoring(request: HttpRequest) -> bool:
    token = settings.HEALTHZ_TOKEN
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if not token or scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode(), token.encode())


@require_GET
def bare(request: HttpRequest) -> HttpResponse:
    """The smallest Django view: the yardstick every benchmark compares against."""
    return HttpResponse(b"ok", content_type="text/plain")


@require_GET
@cache_control(public=True, max_age=7 * 24 * 3600)
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says: send them to the
    icon's hashed static address (without this they met a redirect to a
    language, then a full 404 page)."""
    return HttpResponsePermanentRedirect(static("frontend/favicon.ico"))
