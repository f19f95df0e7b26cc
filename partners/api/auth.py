"""Bearer tokens for the partner API: who is calling, which scopes they hold,
and how often they may call (a fixed window per organisation, counted by the
project's one rate limiter, config.ratelimit)."""

from django.conf import settings
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from config import ratelimit
from partners.api.errors import ApiError
from partners.models import ApiToken
from partners.services import api_token_authenticate


def rate_limit(token: ApiToken) -> None:
    """Count one request of `token`'s organisation (every token of an
    organisation shares one budget); 429 with Retry-After over the limit."""
    retry_after = ratelimit.hit(
        f"partners-api:org:{token.organisation_id}", rate=settings.PARTNERS_API_RATE
    )
    if retry_after is not None:
        raise ApiError(
            429,
            "rate_limited",
            _("Too many requests for your organisation; try again in %(seconds)s seconds.")
            % {"seconds": retry_after},
            headers={"Retry-After": str(retry_after)},
        )


class TokenAuth(HttpBearer):
    """`Authorization: Bearer dsk_<prefix>_<secret>`, holding `scope` if given.

    Each endpoint names its scope here (not in its body), so that a token
    without it gets 403 before anything of the request is read."""

    def __init__(self, scope: str | None = None):
        super().__init__()
        self.scope = scope

    def authenticate(self, request, token: str) -> ApiToken:
        check = api_token_authenticate(value=token.strip())
        if check.token is None:
            messages = {
                "revoked": _("This API token was revoked."),
                "expired": _("This API token has expired."),
            }
            raise ApiError(
                401,
                f"token_{check.reason}" if check.reason in messages else "invalid_token",
                messages.get(check.reason, _("This API token is not valid.")),
                headers={"WWW-Authenticate": 'Bearer realm="digiskills", error="invalid_token"'},
            )
        rate_limit(check.token)
        if self.scope is not None and self.scope not in check.token.scopes:
            raise ApiError(
                403,
                "insufficient_scope",
                _("This token does not have the scope %(scope)s.") % {"scope": self.scope},
            )
        return check.token
