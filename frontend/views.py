from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from frontend.forms import DesignSystemExampleForm


def design_system(request: HttpRequest) -> HttpResponse:
    """Every component of the design system on one page, in the current language;
    the accessibility tests run against it. Submitting shows the error states."""
    form = DesignSystemExampleForm(request.POST or None)
    if request.method == "POST":
        form.is_valid()
    return render(request, "frontend/design_system.html", {"form": form})
