"""Receivers for digital helpers: at sign-in, a person with a pending consent
request is told where to answer it."""

from django.contrib import messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from lms.selectors.coaching import consent_requests_pending


def on_user_logged_in(sender, request, user, **kwargs) -> None:
    if request is None or not consent_requests_pending(learner=user).exists():
        return
    messages.info(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            _("A digital helper asks for your consent."),
            reverse("lms:my_helpers"),
            _("Answer on “My helpers”"),
        ),
        fail_silently=True,  # sign-ins without the messages middleware (tests, API)
    )
