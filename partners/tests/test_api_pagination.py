"""`limit` and `offset` are bounded: exactly at the bound accepted, one over
refused with 400 and a message, never a server error."""

import pytest

from partners.api.pagination import MAX_LIMIT, MAX_OFFSET

pytestmark = pytest.mark.django_db

URLS = ["/api/v1/cohorts", "/api/v1/certificates"]


def _problem(response, parameter):
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "invalid_parameter"
    [error] = body["errors"]
    assert (error["parameter"], error["field"], error["pointer"]) == (parameter, parameter, None)
    assert error["message"]
    return error


@pytest.mark.parametrize("url", URLS)
def test_the_largest_limit_and_offset_are_accepted(caller, url):
    response = caller.get(f"{url}?limit={MAX_LIMIT}&offset={MAX_OFFSET}")
    assert response.status_code == 200, response.content
    assert response.json()["results"] == []


@pytest.mark.parametrize("url", URLS)
def test_one_over_the_largest_offset_is_refused(caller, url):
    error = _problem(caller.get(f"{url}?offset={MAX_OFFSET + 1}"), "offset")
    assert error["code"] == "too_large"


def test_one_over_the_largest_limit_is_refused(caller):
    assert _problem(caller.get(f"/api/v1/cohorts?limit={MAX_LIMIT + 1}"), "limit")["code"] == (
        "too_large"
    )


@pytest.mark.parametrize(
    "query",
    [
        "offset=99999999999999999999999999",
        "offset=9223372036854775808",
        "offset=-1",
        "limit=0",
        "offset=1e3",
        "offset=abc",
    ],
)
def test_out_of_range_or_malformed_parameters_are_400_not_500(caller, query):
    name = query.split("=")[0]
    _problem(caller.get(f"/api/v1/cohorts?{query}"), name)


def test_a_huge_offset_on_a_cohort_s_progress_is_400(caller, api_cohort):
    response = caller.get(f"/api/v1/cohorts/{api_cohort.pk}/progress?offset=10000000000000000000")
    _problem(response, "offset")


def test_the_largest_offset_is_documented(client):
    document = client.get("/api/v1/openapi.json").json()
    parameters = document["paths"]["/api/v1/cohorts"]["get"]["parameters"]
    [offset] = [p for p in parameters if p["name"] == "offset"]
    assert offset["schema"]["maximum"] == MAX_OFFSET
