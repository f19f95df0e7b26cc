"""The project's addresses plus pages that fail on purpose, to test the error
pages (400, 403, 500) in every language."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from config.urls import handler400, handler500, urlpatterns  # noqa: F401


def _boom(request):
    raise RuntimeError("a bug, on purpose")


def _forbidden(request):
    raise PermissionDenied


def _bad(request):
    raise SuspiciousOperation("a malformed request, on purpose")


urlpatterns = (
    i18n_patterns(
        path("test-errors/500/", _boom),
        path("test-errors/403/", _forbidden),
        path("test-errors/400/", _bad),
        prefix_default_language=True,
    )
    + urlpatterns
)
