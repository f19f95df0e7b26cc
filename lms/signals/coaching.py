"""Receivers around signing in and passwords.

At sign-in: the way the session was opened is kept in the session
(`SIGNIN_METHOD_KEY`, read when an exam starts), and a person with a pending
consent request or a paper consent to confirm is told where to answer it; a
consent that a second member of an organisation confirmed from a scan is
announced once. When the person chooses a password (allauth's sign-up,
change, set and reset), it is recorded on the account."""

import time

from django.contrib import messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from lms.models import SigninMethod
from lms.selectors.coaching import consent_requests_pending, consents_checked_untold
from lms.services.accounts import user_password_chosen
from lms.services.coaching import consents_told_mark

SIGNIN_METHOD_KEY = "lms_signin_method"
_ALLAUTH_METHODS = {"password": SigninMethod.PASSWORD, "code": SigninMethod.CODE}


def signin_method_of(request) -> str:
    """How the current session was opened (SigninMethod), "other" if unknown."""
    session = getattr(request, "session", None)
    value = session.get(SIGNIN_METHOD_KEY) if session is not None else None
    return value if value in SigninMethod.values else SigninMethod.OTHER


def _method_now(request) -> str:
    explicit = getattr(request, "signin_method", None)
    if explicit:
        return explicit
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY

    records = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY) or []
    recent = [r for r in records if r.get("at", 0) >= time.time() - 120]
    if recent:
        return _ALLAUTH_METHODS.get(recent[-1].get("method"), SigninMethod.OTHER)
    # A new login of the same person in the same session (e.g. after taking
    # over the account) keeps the way the session was opened.
    return request.session.get(SIGNIN_METHOD_KEY) or SigninMethod.OTHER


def on_user_logged_in(sender, request, user, **kwargs) -> None:
    if request is None or getattr(request, "session", None) is None:
        return
    request.session[SIGNIN_METHOD_KEY] = _method_now(request)
    pending = consent_requests_pending(learner=user)
    if pending.exists():
        paper = pending.filter(status="pending").exists()
        messages.info(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _("A consent form was signed on paper in your name. Is it yours?")
                if paper
                else _("A digital helper asks for your consent."),
                reverse("lms:my_helpers"),
                _("Answer on “My helpers”"),
            ),
            fail_silently=True,  # sign-ins without the messages middleware (tests, API)
        )
    checked = list(consents_checked_untold(learner=user))
    if checked:
        messages.info(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _(
                    "A consent form signed on paper in your name was checked and is now in "
                    "force. You can withdraw it at any time."
                ),
                reverse("lms:my_helpers"),
                _("See it on “My helpers”"),
            ),
            fail_silently=True,
        )
        consents_told_mark(consents=checked)


def on_password_chosen(sender, request=None, user=None, **kwargs) -> None:
    """allauth: the person chose a password themselves."""
    if user is not None and user.pk is not None:
        user_password_chosen(user=user)


def on_user_signed_up(sender, request=None, user=None, **kwargs) -> None:
    """allauth: a sign-up with a password is a password the person chose."""
    if user is not None and user.has_usable_password():
        user_password_chosen(user=user)
