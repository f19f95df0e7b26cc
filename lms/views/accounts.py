from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from lms.forms import ProfileForm
from lms.notices import notice_text
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
    # What others did on my account (cards printed, card sign-ins, consent
    # forms...), in words, from the audit journal; my own actions are left out.
    entries = audit_entries_about(user=request.user).exclude(actor=request.user)[:30]
    journal = [{"entry": entry, "text": notice_text(entry)} for entry in entries]
    return render(request, "lms/profile.html", {"form": form, "journal": journal})
