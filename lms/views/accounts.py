from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.selectors import audit_entries_about
from config.own_urls import own_url
from lms.exceptions import LearningError
from lms.forms.accounts import LegalNameForm, ProfileForm
from lms.hooks.account import account_links
from lms.hooks.identity import legal_name_in_use
from lms.models import User
from lms.notices import notice_text
from lms.services import user_legal_name_set, user_profile_update


def _legal_name_state(user: User) -> tuple[bool, bool]:
    """(the person can have a legal name, it may still be edited freely)."""
    if user.account_type == User.AccountType.YOUNG:
        return False, False
    return True, not legal_name_in_use(user=user)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """My account: my legal name (as on my identity card), the name I am greeted
    with and my language."""
    has_legal, editable = _legal_name_state(request.user)
    form = ProfileForm(request.POST or None, instance=request.user, legal_name_editable=editable)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            given, family = form.legal_name()
            try:
                user = user_profile_update(
                    user=request.user,
                    display_name=form.cleaned_data["display_name"],
                    preferred_language=form.cleaned_data["preferred_language"],
                    given_name=given,
                    family_name=family,
                )
            except LearningError as error:
                form.add_error(None, error.message)
                status = 400
            else:
                translation.activate(user.preferred_language)
                messages.success(request, _("Your account has been saved."))
                response = redirect("lms:profile")
                response.set_cookie(
                    settings.LANGUAGE_COOKIE_NAME,
                    user.preferred_language,
                    max_age=settings.LANGUAGE_COOKIE_AGE,
                    path=settings.LANGUAGE_COOKIE_PATH,
                    domain=settings.LANGUAGE_COOKIE_DOMAIN,
                    secure=settings.LANGUAGE_COOKIE_SECURE,
                    httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                    samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                )
                return response
        request.user.refresh_from_db()
    # What others did on my account (cards printed, card sign-ins, consent
    # forms...), in words, from the audit journal; my own actions are left out.
    entries = audit_entries_about(user=request.user).exclude(actor=request.user)[:30]
    journal = [{"entry": entry, "text": notice_text(entry)} for entry in entries]
    context = {
        "form": form,
        "journal": journal,
        "has_legal_name_section": has_legal,
        "legal_name_locked": has_legal and not editable,
        "more_links": account_links(user=request.user),
    }
    return render(request, "lms/profile.html", context, status=status)


def _back(request: HttpRequest) -> str:
    return own_url(request, request.POST.get("next", ""))


@login_required
@require_POST
def legal_name(request: HttpRequest) -> HttpResponse:
    """ "Give your name as on your identity card to receive your certificate":
    record it; the certificates that waited for it are issued after commit."""
    form = LegalNameForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            user_legal_name_set(
                user=request.user,
                given_name=form.cleaned_data["given_name"],
                family_name=form.cleaned_data["family_name"],
                actor=request.user,
            )
        except LearningError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Thank you. Your certificate is being issued in the name you gave."),
            )
            return redirect(_back(request) or "lms:dashboard")
    return render(
        request,
        "lms/legal_name.html",
        {"form": form, "next": _back(request)},
        status=400,
    )
