from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views import i18n
from django.views.decorators.csrf import csrf_exempt

from frontend.forms import DesignSystemExampleForm


def design_system(request: HttpRequest) -> HttpResponse:
    """Every component of the design system on one page, in the current language;
    the accessibility tests run against it. Submitting shows the error states."""
    form = DesignSystemExampleForm(request.POST or None)
    if request.method == "POST":
        form.is_valid()
    return render(request, "frontend/design_system.html", {"form": form})


def help_page(request: HttpRequest) -> HttpResponse:
    """The questions learners, parents and helpers ask, answered in the page's
    language, each answer leading to the page that does it."""
    return render(request, "frontend/help.html")


def _plain_error(template_name: str, status: int) -> HttpResponse:
    # No request, context processors or database: the page must render even
    # when those are what failed. Only the active language and a setting.
    body = loader.get_template(template_name).render(
        {"contact_email": settings.LEGAL_OPERATOR["email"]}
    )
    return HttpResponse(body, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400 in the site's look and the request's language, with a way back."""
    return _plain_error("400.html", 400)


def server_error(request: HttpRequest) -> HttpResponse:
    """500 in the site's look and the request's language, with a way back."""
    return _plain_error("500.html", 500)


@csrf_exempt
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch without a CSRF token: choosing a language
    changes nothing worth forging, and a token would make every anonymous page
    personal (and uncacheable). Django still only follows a `next` on this site."""
    return i18n.set_language(request)
