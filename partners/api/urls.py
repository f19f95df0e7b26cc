"""The API's own URL configuration: mounted by config/urls.py, and used as
`request.urlconf` by API responses so that no language redirect applies.

Every address under /api/v1/ answers problems as JSON (partners.api.errors),
also those django-ninja answers by itself: a method the address does not
accept (405), a body too large (413) or not JSON (415), an unknown address (404)."""

import functools

from django.urls import path, re_path
from django.utils.translation import gettext as _

from partners.api import errors
from partners.api.main import api

_WITH_BODY = {"POST", "PUT", "PATCH"}


def _problems_as_json(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method in _WITH_BODY:
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > errors.MAX_BODY_BYTES:
                return _answer(request, errors.too_large())
            kind = request.content_type or ""
            if length and kind != "application/json" and not kind.endswith("+json"):
                return _answer(
                    request,
                    errors.ApiError(
                        415,
                        "unsupported_media_type",
                        _("Send the body as JSON, with 'Content-Type: application/json'."),
                    ),
                )
        answer = view(request, *args, **kwargs)
        if answer.status_code == 405 and not answer.get("Content-Type", "").endswith("json"):
            allowed = answer.get("Allow", "")
            return _answer(
                request,
                errors.ApiError(
                    405,
                    "method_not_allowed",
                    _("This address does not accept %(method)s; it accepts %(allowed)s.")
                    % {"method": request.method, "allowed": allowed},
                    headers={"Allow": allowed},
                ),
            )
        return answer

    return wrapped


def _answer(request, error: errors.ApiError):
    return errors.response(
        request, error.status, error.code, error.message, error.errors, error.headers
    )


def not_found(request, rest=""):
    return _answer(request, errors.not_found())


# Not unpacked into module names: include() would read an `app_name` here.
_api_urls = api.urls
for _pattern in _api_urls[0]:
    _pattern.callback = _problems_as_json(_pattern.callback)

urlpatterns = [
    path("api/v1/", _api_urls),
    re_path(r"^api/v1/(?P<rest>.*)$", not_found),
]
