import datetime

import pytest
from django.utils import timezone

from partners.models import Scope
from partners.services import api_token_revoke

pytestmark = pytest.mark.django_db

COHORTS = "/api/v1/cohorts"


def test_a_call_without_a_token_gets_401_with_the_error_body(client):
    response = client.get(COHORTS)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"
    assert response.json()["errors"] == []
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_wrong_secret_gets_401(caller, client):
    forged = caller.value[:-4] + "AAAA"
    response = client.get(COHORTS, HTTP_AUTHORIZATION=f"Bearer {forged}")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"


def test_a_revoked_token_gets_401(caller):
    api_token_revoke(token=caller.token, revoked_by=None)
    response = caller.get(COHORTS)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "token_revoked"


def test_an_expired_token_gets_401(make_caller):
    caller = make_caller(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = caller.get(COHORTS)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "token_expired"


def test_a_token_of_an_inactive_organisation_gets_401(caller):
    caller.organisation.is_active = False
    caller.organisation.save()
    assert caller.get(COHORTS).status_code == 401


def test_a_token_without_the_scope_gets_403(make_caller):
    caller = make_caller(scopes=[Scope.LEARNERS_WRITE])
    response = caller.get(COHORTS)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "insufficient_scope"


def test_error_messages_follow_accept_language(client):
    response = client.get(COHORTS, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 401
    assert "API-token" in response.json()["error"]["message"]


def test_the_rate_limit_answers_429_with_retry_after(caller, settings):
    settings.PARTNERS_API_RATE = "3/60"
    for _ in range(3):
        assert caller.get(COHORTS).status_code == 200
    response = caller.get(COHORTS)
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 60


def test_the_tokens_of_one_organisation_share_one_rate_limit(make_caller, settings):
    settings.PARTNERS_API_RATE = "5/60"
    first = make_caller(name="first")
    others = [make_caller(organisation=first.organisation, name=f"t{i}") for i in range(4)]
    for caller in [first, *others]:
        assert caller.get(COHORTS).status_code == 200
    for caller in [first, *others]:
        response = caller.get(COHORTS)
        assert response.status_code == 429
        assert 1 <= int(response["Retry-After"]) <= 60


def test_another_organisation_has_its_own_rate_limit(make_caller, settings):
    settings.PARTNERS_API_RATE = "1/60"
    first, second = make_caller(), make_caller()
    assert first.get(COHORTS).status_code == 200
    assert first.get(COHORTS).status_code == 429
    assert second.get(COHORTS).status_code == 200


def test_an_unknown_api_address_is_a_json_404_not_a_language_redirect(caller):
    response = caller.get("/api/v1/nothing/here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_missing_object_is_a_json_404_not_a_language_redirect(caller):
    response = caller.get("/api/v1/cohorts/999999/progress")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_malformed_json_body_is_refused_with_the_error_body(caller):
    response = caller.post("/api/v1/learners", data="{not json")
    assert response.status_code in (400, 422)
    assert "error" in response.json()


def test_last_used_is_recorded(caller):
    assert caller.get(COHORTS).status_code == 200
    caller.token.refresh_from_db()
    assert caller.token.last_used_at is not None


def test_a_token_without_the_scope_gets_403_before_its_body_is_read(make_caller):
    caller = make_caller(scopes=[Scope.COHORTS_READ])
    response = caller.post("/api/v1/learners", {"learners": [{"nonsense": True}]})
    assert response.status_code == 403
    assert response.json()["code"] == "insufficient_scope"
    response = caller.get("/api/v1/webhooks/1/deliveries?offset=-5")
    assert response.status_code == 403
