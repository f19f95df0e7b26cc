"""Writes for API tokens: create (the secret is returned once and only its
SHA-256 kept), revoke, and authenticate a presented token. Audited."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.services import audit_record
from lms.models import User
from partners.models import ApiToken, Organisation, Scope

TOKEN_PREFIX = "dsk_"  # noqa: S105 (a marker, not a secret)
# last_used_at is written at most this often per token, not on every request.
LAST_USED_PRECISION = timedelta(minutes=1)


class TokenNameTaken(ValueError):
    """An active token of the organisation already has this name."""


@dataclass(frozen=True)
class TokenCheck:
    """The outcome of presenting a token: the token when usable, else a reason
    ("malformed", "unknown", "revoked", "expired")."""

    token: ApiToken | None
    reason: str = ""


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def api_token_create(
    *,
    organisation: Organisation,
    name: str,
    scopes: list[str],
    created_by: User | None,
    expires_at: datetime | None = None,
) -> tuple[ApiToken, str]:
    """A new token of `organisation`; returns it and the full bearer value,
    which is never stored and cannot be shown again."""
    unknown = set(scopes) - set(Scope.values)
    if unknown:
        raise ValueError(f"unknown scopes: {sorted(unknown)}")
    prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    try:
        with transaction.atomic():
            token = ApiToken.objects.create(
                organisation=organisation,
                name=name,
                prefix=prefix,
                secret_hash=_hash(secret),
                scopes=sorted(set(scopes)),
                created_by=created_by,
                expires_at=expires_at,
            )
    except IntegrityError as error:
        raise TokenNameTaken(name) from error
    audit_record(
        actor=created_by,
        action="partners.api_token_create",
        target=token,
        data={"organisation": organisation.slug, "prefix": prefix, "scopes": token.scopes},
    )
    return token, f"{TOKEN_PREFIX}{prefix}_{secret}"


@transaction.atomic
def api_token_revoke(*, token: ApiToken, revoked_by: User | None) -> ApiToken:
    """Revoke a token at once (idempotent)."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=revoked_by,
            action="partners.api_token_revoke",
            target=token,
            data={"organisation_id": token.organisation_id, "prefix": token.prefix},
        )
    return token


def api_token_authenticate(*, value: str) -> TokenCheck:
    """Check a presented `dsk_<prefix>_<secret>` value in constant time and
    note when the token was last used."""
    if not value.startswith(TOKEN_PREFIX):
        return TokenCheck(None, "malformed")
    prefix, _sep, secret = value[len(TOKEN_PREFIX) :].partition("_")
    if not prefix or not secret:
        return TokenCheck(None, "malformed")
    token = (
        ApiToken.objects.select_related("organisation")
        .filter(prefix=prefix, organisation__is_active=True)
        .first()
    )
    if token is None:
        # Same work as a real comparison, so that timing tells nothing.
        hmac.compare_digest(_hash(secret), "0" * 64)
        return TokenCheck(None, "unknown")
    if not hmac.compare_digest(_hash(secret), token.secret_hash):
        return TokenCheck(None, "unknown")
    now = timezone.now()
    if token.revoked_at is not None:
        return TokenCheck(None, "revoked")
    if token.expires_at is not None and token.expires_at <= now:
        return TokenCheck(None, "expired")
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return TokenCheck(token)
