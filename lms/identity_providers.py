"""Belgian login: itsme and the federal CSAM/FAS login, through django-allauth's
OpenID Connect provider (settings: SOCIALACCOUNT_PROVIDERS["openid_connect"],
one app per service, see config/settings/base.py).

allauth's provider (65.21) checks the ID token's issuer against the discovery
document, its audience and its expiry. For an identity that ends up on
certificates we check more, here:

- the signature, always, against the service's published keys (allauth skips it
  when the token came straight from the token endpoint, which OpenID Connect
  Core allows over TLS; we do not rely on the transport alone);
- a nonce: sent with every authorisation request, kept in the session, and
  required, once, in the ID token (allauth sends none);
- the issuer against the one configured for the service, not only against the
  discovery document the same server returns;
- that the userinfo answer is about the same person as the ID token (`sub`).
Any failure is an OAuth2Error: allauth shows its sign-in error page.
"""

import secrets
import time

from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.internal import jwtkit, statekit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from allauth.utils import build_absolute_uri
from django.contrib import messages
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from lms.models import User

# provider_id of each app (settings) -> where the legal name then comes from.
SERVICES = {"itsme": User.LegalNameSource.ITSME, "csam": User.LegalNameSource.CSAM}
SERVICE_NAMES = {"itsme": "itsme", "csam": "CSAM"}

NONCES_SESSION_KEY = "identity_service_nonces"
# A person has this long between leaving for the service and coming back.
NONCE_TTL_SECONDS = 15 * 60
NONCES_KEPT = 8


def nonce_issue(request, *, provider_id: str) -> str:
    """A fresh nonce for one authorisation request, remembered in the session."""
    now = time.time()
    pending = {
        nonce: (pid, at)
        for nonce, (pid, at) in (request.session.get(NONCES_SESSION_KEY) or {}).items()
        if now - at < NONCE_TTL_SECONDS
    }
    nonce = secrets.token_urlsafe(32)
    pending[nonce] = (provider_id, now)
    newest = sorted(pending.items(), key=lambda item: item[1][1])[-NONCES_KEPT:]
    request.session[NONCES_SESSION_KEY] = dict(newest)
    return nonce


def nonce_redeem(request, *, provider_id: str, nonce: str | None) -> bool:
    """True once for a nonce this session sent to this service, not expired."""
    pending = dict(request.session.get(NONCES_SESSION_KEY) or {})
    entry = pending.pop(nonce, None) if isinstance(nonce, str) else None
    request.session[NONCES_SESSION_KEY] = pending
    if entry is None:
        return False
    pid, at = entry
    return pid == provider_id and time.time() - at < NONCE_TTL_SECONDS


class IdentityServiceAdapter(OpenIDConnectOAuth2Adapter):
    def get_callback_url(self, request, app):
        # One address per service, whatever the language of the page the
        # person came from: that is what itsme and CSAM register.
        path = reverse("identity_service_callback", kwargs={"provider_id": self.provider_id})
        return build_absolute_uri(request, path, self.redirect_uri_protocol)

    def complete_login(self, request, app, token, **kwargs):
        if not kwargs["response"].get("id_token"):
            raise OAuth2Error("The identity service sent no ID token.")
        login = super().complete_login(request, app, token, **kwargs)
        data = login.account.extra_data
        userinfo, id_token = data.get("userinfo"), data.get("id_token")
        if userinfo is not None and userinfo.get("sub") != id_token.get("sub"):
            raise OAuth2Error("The userinfo answer is about another person than the ID token.")
        return login

    def _decode_id_token(self, app, id_token):
        provider = self.get_provider()
        issuer = provider.expected_issuer
        if self.openid_config.get("issuer") != issuer:
            raise OAuth2Error("The identity service names another issuer than configured.")
        data = jwtkit.verify_and_decode(
            credential=id_token,
            keys_url=self.openid_config["jwks_uri"],
            issuer=issuer,
            audience=app.client_id,
            lookup_kid=jwtkit.lookup_kid_jwk,
            verify_signature=True,
        )
        if not nonce_redeem(self.request, provider_id=self.provider_id, nonce=data.get("nonce")):
            raise OAuth2Error("The ID token's nonce is missing, unknown or already used.")
        return data


class IdentityServiceProvider(OpenIDConnectProvider):
    """allauth's OpenID Connect provider with the checks above (registered
    through SOCIALACCOUNT_PROVIDERS["openid_connect"]["provider_class"])."""

    oauth2_adapter_class = IdentityServiceAdapter
    # allauth builds the provider's URLs from this package (its login view).
    package = "allauth.socialaccount.providers.openid_connect"

    @property
    def expected_issuer(self) -> str:
        configured = self.app.settings.get("issuer") or self.app.settings["server_url"]
        return configured.split("/.well-known/")[0]

    def get_callback_url(self):
        return reverse("identity_service_callback", kwargs={"provider_id": self.app.provider_id})

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        auth_params = kwargs.pop("auth_params", None)
        if auth_params is None:
            auth_params = self.get_auth_params()
        auth_params = {
            **auth_params,
            "nonce": nonce_issue(request, provider_id=self.app.provider_id),
        }
        return super().redirect(request, process, next_url, data, auth_params=auth_params, **kwargs)


@login_not_required
def callback(request, provider_id: str):
    """Where the service sends the person back (allauth's callback view, with
    our adapter: allauth's own `callback` always uses its plain adapter)."""
    # The service sends everyone to one address: answer in the language of
    # the page the person left from (error page, messages, new account).
    stashed = statekit.get_states(request).get(request.GET.get("state") or "")
    next_url = (stashed[0].get("next") or "") if stashed else ""
    language = translation.get_language_from_path(next_url)
    if language:
        translation.activate(language)
        request.LANGUAGE_CODE = language
    try:
        view = OAuth2CallbackView.adapter_view(IdentityServiceAdapter(request, provider_id))
        return view(request)
    except SocialApp.DoesNotExist as missing:
        raise Http404 from missing


def identity_claims(sociallogin) -> dict:
    """The verified person's claims: userinfo when fetched, else the ID token."""
    data = sociallogin.account.extra_data or {}
    return data.get("userinfo") or data.get("id_token") or {}


def identity_record(sociallogin) -> bool:
    """The service confirmed who the account's owner is: take their given and
    family name as the legal name, marked verified by that service today.
    Nothing for other providers; False when the name could not be taken."""
    from lms.services.identity_services import user_identity_verify

    service = SERVICES.get(sociallogin.account.provider)
    user = sociallogin.user
    if service is None or user is None or user.pk is None:
        return False
    claims = identity_claims(sociallogin)
    return user_identity_verify(
        user=user,
        service=service,
        given_name=str(claims.get("given_name") or ""),
        family_name=str(claims.get("family_name") or ""),
    )


def on_identity_asserted(sender, request=None, sociallogin=None, **kwargs) -> None:
    """allauth: an identity service account was linked (`social_account_added`)
    or used again to sign in (`social_account_updated`)."""
    if sociallogin is None or sociallogin.account.provider not in SERVICES:
        return
    if not identity_record(sociallogin) and request is not None:
        messages.warning(
            request,
            _(
                "%(service)s confirmed who you are, but your name on certificates was not "
                "changed: it is already on a certificate, or the service gave no usable name. "
                "If it is wrong, ask for a correction."
            )
            % {"service": SERVICE_NAMES[sociallogin.account.provider]},
        )
