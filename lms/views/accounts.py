from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from lms.forms import ProfileForm
from lms.selectors import audit_entries_about
from lms.services import user_profile_update


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """My account: the name I am greeted with and my language."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = user_profile_update(
            user=request.user,
            display_name=form.cleaned_data["display_name"],
            preferred_language=form.cleaned_data["preferred_language"],
        )
        translation.activate(user.preferred_language)
        messages.success(request, _("Your account has been saved."))
        response = redirect("lms:profile")
        response.set_cookie(
            "django_language", user.preferred_language, max_age=365 * 24 * 3600, samesite="Lax"
        )
        return response
    journal = audit_entries_about(user=request.user)[:20]
    return render(request, "lms/profile.html", {"form": form, "journal": journal})
