import logging

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from lms.identity_providers import identity_record
from lms.legal import SESSION_PENDING_KEY, TO_ACCEPT
from lms.models import User
from lms.roles import GROUP_NAMES, Role
from lms.selectors import legal_documents_to_accept
from lms.services import legal_accept, welcome_enqueue


def _language_for(request, user=None) -> str:
    """The language to continue in: the one in the address the person is on
    (someone on /de/ stays in German whatever their browser says), else the
    account's saved language, else the one in use."""
    from_path = translation.get_language_from_path(request.path_info)
    if from_path:
        return from_path
    saved = getattr(user, "preferred_language", "")
    if saved in dict(settings.LANGUAGES):
        return saved
    return translation.get_language() or settings.LANGUAGE_CODE


logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up through allauth: a new person is a learner in the language they
    were browsing in, and is welcomed by e-mail once the account is committed."""

    def clean_email(self, email: str) -> str:
        # Children never have an e-mail address (My account > E-mail refuses it).
        user = getattr(getattr(self, "request", None), "user", None)
        if user is not None and getattr(user, "account_type", None) == User.AccountType.YOUNG:
            raise ValidationError(_("Accounts of children in a class have no e-mail address."))
        return super().clean_email(email)

    def save_user(self, request, user, form, commit=True):
        user.preferred_language = translation.get_language() or user.preferred_language
        data = getattr(form, "cleaned_data", {})
        # The sign-up form asks for the legal name (lms.forms.accounts.SignupForm);
        # allauth copies first_name / last_name, we say where they come from.
        if data.get("first_name") and data.get("last_name"):
            user.legal_name_source = User.LegalNameSource.SELF
        user.display_name = (data.get("display_name") or "").strip() or (
            (data.get("first_name") or "").split(" ")[0]
        )
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            group, _ = Group.objects.get_or_create(name=GROUP_NAMES[Role.LEARNER])
            user.groups.add(group)
            if data.get("accept_terms"):
                legal_accept(user=user, documents=TO_ACCEPT)
            welcome_enqueue(user=user)
        return user

    def login(self, request, user):
        super().login(request, user)
        # Read once here, so that pages only look at the session to offer the
        # documents still to accept (lms.views.legal.legal_accept_page).
        request.session[SESSION_PENDING_KEY] = bool(legal_documents_to_accept(user=user))

    def get_login_redirect_url(self, request) -> str:
        language = _language_for(request, request.user)
        home = f"/{language}/"
        if request.session.get(SESSION_PENDING_KEY):
            with translation.override(language):
                return f"{reverse('lms:legal_accept')}?{urlencode({'next': home})}"
        return home

    def get_signup_redirect_url(self, request) -> str:
        return self.get_login_redirect_url(request)

    def get_logout_redirect_url(self, request) -> str:
        return f"/{_language_for(request, request.user)}/"


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Sign-in through itsme or CSAM/FAS (lms.identity_providers).

    Account takeover: an identity service account is never attached to an
    existing platform account because the e-mail addresses match
    (SOCIALACCOUNT_EMAIL_AUTHENTICATION stays off). A person who already has an
    account signs in to it first and links the service from "Connected
    accounts"; someone arriving from the service with the e-mail of an existing
    account is sent to allauth's sign-up form, which refuses that address.
    """

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ):
        # Why a sign-in through a service was refused, for the logs (the
        # person sees allauth's error page; never the token itself).
        logger.warning(
            "Sign-in through %s refused: %s %s",
            getattr(provider, "id", provider),
            error,
            exception,
        )
        return super().on_authentication_error(request, provider, error, exception, extra_context)

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        # The legal name is taken after saving, through lms.services (cleaned,
        # audited, marked verified); display name and language now.
        user.display_name = (data.get("first_name") or "").split(" ")[0][:150]
        user.first_name = user.last_name = ""
        return user

    def save_user(self, request, sociallogin, form=None):
        # The language of the page the person left from (the service sends
        # them back to one address for every language).
        next_url = (sociallogin.state or {}).get("next") or ""
        sociallogin.user.preferred_language = (
            translation.get_language_from_path(next_url)
            or translation.get_language()
            or sociallogin.user.preferred_language
        )
        user = super().save_user(request, sociallogin, form)
        if form is None:
            # Auto sign-up skips AccountAdapter.save_user: a learner, welcomed.
            group, _ = Group.objects.get_or_create(name=GROUP_NAMES[Role.LEARNER])
            user.groups.add(group)
            welcome_enqueue(user=user)
        identity_record(sociallogin)
        user.refresh_from_db()
        return user
