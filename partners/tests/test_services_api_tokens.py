import datetime
import hashlib

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from partners.services import (
    TokenNameTaken,
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
)
from partners.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


def _create(organisation, **kwargs):
    return api_token_create(
        organisation=organisation,
        name=kwargs.pop("name", "link"),
        scopes=kwargs.pop("scopes", ["cohorts:read"]),
        created_by=None,
        **kwargs,
    )


def test_only_a_hash_of_the_secret_is_stored(organisation):
    token, value = _create(organisation)
    prefix, secret = value.removeprefix("dsk_").split("_", 1)
    assert prefix == token.prefix
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(token.__dict__)


def test_the_value_authenticates_and_nothing_else_does(organisation):
    token, value = _create(organisation)
    assert api_token_authenticate(value=value).token == token
    assert api_token_authenticate(value=value + "x").reason == "unknown"
    assert api_token_authenticate(value="dsk_00000000_" + value[-10:]).reason == "unknown"
    assert api_token_authenticate(value="Bearer").reason == "malformed"


def test_a_revoked_token_no_longer_authenticates_and_it_is_journalled(organisation):
    token, value = _create(organisation)
    api_token_revoke(token=token, revoked_by=None)
    api_token_revoke(token=token, revoked_by=None)
    assert api_token_authenticate(value=value).reason == "revoked"
    actions = list(
        AuditEntry.objects.filter(target_id=str(token.pk)).values_list("action", flat=True)
    )
    assert sorted(actions) == ["partners.api_token_create", "partners.api_token_revoke"]


def test_an_expired_token_no_longer_authenticates(organisation):
    _token, value = _create(organisation, expires_at=timezone.now() - datetime.timedelta(1))
    assert api_token_authenticate(value=value).reason == "expired"


def test_two_active_tokens_cannot_share_a_name_but_a_revoked_name_is_free(organisation):
    token, _value = _create(organisation)
    with pytest.raises(TokenNameTaken):
        _create(organisation)
    api_token_revoke(token=token, revoked_by=None)
    assert _create(organisation)[0].pk != token.pk


def test_an_unknown_scope_is_refused(organisation):
    with pytest.raises(ValueError):
        _create(organisation, scopes=["everything"])
