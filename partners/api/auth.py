"""Bearer tokens for the partner API: who is calling, which scopes they hold,
and how often they may call (a fixed window per token in the shared cache)."""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from partners.api.errors import ApiError
from partners.models import ApiToken
from partners.services import api_token_authenticate


def _rate() -> tuple[int, int]:
    count, _sep, seconds = settings.PARTNERS_API_RATE.partition("/")
    return int(count), int(seconds or 60)


def rate_limit(token: ApiToken) -> None:
    """Count one request of `token`; 429 with Retry-After over the limit."""
    limit, seconds = _rate()
    now = time.time()
    window = int(now // seconds)
    key = f"partners-api:{token.pk}:{window}"
    try:
        used = cache.incr(key)
    except ValueError:
        used = 1 if cache.add(key, 1, timeout=seconds + 1) else cache.incr(key)
    if used > limit:
        retry_after = max(1, seconds - int(now) % seconds)
        raise ApiError(
            429,
            "rate_limited",
            _("Too many requests for this token; try again in %(seconds)s seconds.")
            % {"seconds": retry_after},
            headers={"Retry-After": str(retry_after)},
        )


class TokenAuth(HttpBearer):
    """`Authorization: Bearer dsk_<prefix>_<secret>`."""

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
        return check.token


def require(request, scope: str) -> ApiToken:
    """The calling token if it holds `scope`; else 403. Every endpoint calls it."""
    token: ApiToken = request.auth
    if scope not in token.scopes:
        raise ApiError(
            403,
            "insufficient_scope",
            _("This token does not have the scope %(scope)s.") % {"scope": scope},
        )
    return token
