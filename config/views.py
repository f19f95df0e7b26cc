from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from config.health import health_report


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Report database, cache and broker; 503 when any of them fails."""
    report = health_report()
    return JsonResponse(report, status=200 if report["ok"] else 503)


@require_GET
def bare(request: HttpRequest) -> HttpResponse:
    """The smallest Django view: the yardstick every benchmark compares against."""
    return HttpResponse(b"ok", content_type="text/plain")
