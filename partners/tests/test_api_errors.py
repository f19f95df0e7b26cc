"""Every error under /api/v1/ is an RFC 9457 problem, whatever its status."""

import pytest
from django.test import Client

from partners.api import errors

pytestmark = pytest.mark.django_db

COHORTS = "/api/v1/cohorts"
PROBLEM = "application/problem+json"


def _is_problem(response, status, code):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == f"tag:digiskills.be,2026:problem:{code}"
    assert body["title"] and body["detail"]
    assert isinstance(body["errors"], list)
    # The body of v1 before problem details, kept for existing integrations.
    assert body["error"]["code"] == code
    assert body["error"]["message"] == body["detail"]
    return body


def test_401_is_a_problem(client):
    _is_problem(client.get(COHORTS), 401, "unauthenticated")


def test_403_is_a_problem(make_caller):
    caller = make_caller(scopes=["learners:write"])
    _is_problem(caller.get(COHORTS), 403, "insufficient_scope")


def test_404_of_an_unknown_api_address_is_a_problem(caller):
    _is_problem(caller.get("/api/v1/no/such/thing"), 404, "not_found")


def test_an_id_of_the_wrong_kind_in_the_address_is_a_problem_naming_it(caller):
    body = _is_problem(caller.get("/api/v1/cohorts/abc/progress"), 422, "invalid")
    [error] = body["errors"]
    assert (error["parameter"], error["code"]) == ("cohort_id", "wrong_type")


def test_404_of_a_missing_object_is_a_problem(caller):
    _is_problem(caller.get("/api/v1/cohorts/999999/progress"), 404, "not_found")


def test_405_of_a_method_the_address_does_not_accept_is_a_problem_with_allow(caller):
    response = caller.delete(COHORTS)
    body = _is_problem(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET"
    assert "DELETE" in body["detail"]


def test_405_on_learners_lists_post(caller):
    response = caller.get("/api/v1/learners")
    _is_problem(response, 405, "method_not_allowed")
    assert response["Allow"] == "POST"


def test_413_for_a_body_over_the_limit_and_nothing_read(caller):
    data = '{"learners": [' + " " * errors.MAX_BODY_BYTES + "]}"
    body = _is_problem(caller.post("/api/v1/learners", data=data), 413, "too_large")
    assert "1024 KB" in body["detail"]


def test_a_body_exactly_at_the_limit_is_read(caller):
    filler = " " * (errors.MAX_BODY_BYTES - len('{"learners": []}'))
    data = '{"learners": [' + filler + "]}"
    assert len(data.encode()) == errors.MAX_BODY_BYTES
    response = caller.post("/api/v1/learners", data=data)
    # Read and validated (an empty list is too short), not refused for its size.
    _is_problem(response, 422, "invalid")


def test_415_for_a_body_that_is_not_json(caller):
    response = caller.client.post(
        "/api/v1/learners",
        data="external_id=A",
        content_type="application/x-www-form-urlencoded",
        HTTP_AUTHORIZATION=f"Bearer {caller.value}",
    )
    _is_problem(response, 415, "unsupported_media_type")


def test_400_for_malformed_json(caller):
    _is_problem(caller.post("/api/v1/learners", data="{not json"), 400, "bad_request")


def test_429_is_a_problem_with_retry_after(caller, settings):
    settings.PARTNERS_API_RATE = "1/60"
    assert caller.get(COHORTS).status_code == 200
    response = caller.get(COHORTS)
    _is_problem(response, 429, "rate_limited")
    assert 1 <= int(response["Retry-After"]) <= 60


def test_500_is_a_problem_and_is_reported(caller, monkeypatch, caplog):
    from django.core.signals import got_request_exception

    def broken(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("partners.api.cohorts.cohorts_of", broken)
    reported = []

    def receiver(sender, request, **kwargs):
        reported.append(request.path)

    got_request_exception.connect(receiver)
    try:
        client = Client(raise_request_exception=False)
        response = client.get(COHORTS, HTTP_AUTHORIZATION=f"Bearer {caller.value}")
    finally:
        got_request_exception.disconnect(receiver)
    body = _is_problem(response, 500, "server_error")
    assert "a bug" not in body["detail"]
    assert reported == [COHORTS]
    assert "Internal Server Error: /api/v1/cohorts" in caplog.text


def test_messages_of_problems_follow_accept_language(client):
    response = client.get("/api/v1/nothing", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404
    assert response.json()["detail"] != "Nothing was found at this address."


def test_a_409_conflict_says_it_can_be_retried(caller, monkeypatch):
    from django.db import IntegrityError

    def race(**kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr("partners.api.learners.learners_enrol", race)
    response = caller.post(
        "/api/v1/learners", {"learners": [{"external_id": "A", "first_name": "Ana"}]}
    )
    _is_problem(response, 409, "conflict")
    assert response["Retry-After"] == "1"
