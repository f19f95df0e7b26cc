"""The API's own URL configuration: mounted by config/urls.py, and used as
`request.urlconf` by API responses so that no language redirect applies."""

from django.http import JsonResponse
from django.urls import path, re_path
from django.utils.translation import gettext as _

from partners.api.errors import body
from partners.api.main import api


def not_found(request, rest=""):
    request.urlconf = "partners.api.urls"
    return JsonResponse(body("not_found", _("Nothing was found at this address.")), status=404)


urlpatterns = [
    path("api/v1/", api.urls),
    re_path(r"^api/v1/(?P<rest>.*)$", not_found),
]
