"""A URLconf for config/tests/test_stateless.py: a marked view and an unmarked
one under the same start, a marked one that raises Http404, and one marked
view that is not stateless at all (it reads the user); the same for the page
lane, in the four languages."""

from django.conf.urls.i18n import i18n_patterns
from django.http import Http404, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.utils.translation import get_language

from config.stateless import sessionless_page, stateless
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


@sessionless_page
def page(request, number: int):
    if number == 0:
        raise Http404
    signed_in = request.user.is_authenticated
    return HttpResponse(f"{number} {get_language()} {signed_in} {len(get_token(request))}")


@sessionless_page
def page_reads_the_session(request):
    return HttpResponse(request.session.get("seen", "no"))


urlpatterns = [
    path("api/things/<int:number>", marked),
    path("api/things/<int:number>/page", unmarked),
    path("api/missing/<int:number>", missing),
    path("api/user", reads_the_user),
    *i18n_patterns(
        path("pages/<int:number>/", page),
        path("pages/session/", page_reads_the_session),
    ),
    # The site's own pages (the not-found page names them).
    *platform_urlpatterns,
]
