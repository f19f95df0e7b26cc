"""A URLconf for config/tests/test_stateless.py: a marked view and an unmarked
one under the same start, a marked one that raises Http404, and one marked
view that is not stateless at all (it reads the user)."""

from django.http import Http404, JsonResponse
from django.urls import path

from config.stateless import stateless
from config.urls import urlpatterns as platform_urlpatterns


def _seen(request, number: int):
    return JsonResponse({"number": number, "has_user": hasattr(request, "user")})


@stateless
def marked(request, number: int):
    return _seen(request, number)


def unmarked(request, number: int):
    return _seen(request, number)


@stateless
def missing(request, number: int):
    if number == 0:
        raise Http404
    return _seen(request, number)


@stateless
def reads_the_user(request):
    return JsonResponse({"signed_in": request.user.is_authenticated})


urlpatterns = [
    path("api/things/<int:number>", marked),
    path("api/things/<int:number>/page", unmarked),
    path("api/missing/<int:number>", missing),
    path("api/user", reads_the_user),
    # The site's own pages (the not-found page names them).
    *platform_urlpatterns,
]
