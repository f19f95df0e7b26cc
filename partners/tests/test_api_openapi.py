import re

import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


def test_the_openapi_document_validates(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert document["info"]["version"] == "1"


def test_the_openapi_document_lists_every_endpoint_with_bearer_auth(client):
    document = client.get("/api/v1/openapi.json").json()
    assert set(document["paths"]) >= {
        "/api/v1/learners",
        "/api/v1/cohorts",
        "/api/v1/cohorts/{cohort_id}/progress",
        "/api/v1/learners/{external_id}/outcomes/{point}",
        "/api/v1/certificates",
        "/api/v1/webhooks",
        "/api/v1/webhooks/{endpoint_id}",
        "/api/v1/webhooks/{endpoint_id}/deliveries",
    }
    schemes = document["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())


def test_the_docs_page_loads_no_asset_from_another_site(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    assert not re.search(r"""(src|href)=["']https?://""", html)


def test_the_openapi_document_lists_the_codes_and_aliases_of_each_vocabulary(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    learner = schemas["LearnerIn"]["properties"]
    assert learner["gender"]["x-canonical-codes"] == ["f", "m", "x", "u"]
    assert "vrouw" in learner["gender"]["x-aliases"]["f"]
    assert "werkzoekend" in learner["situation"]["x-aliases"]["jobseeker"]
    groups = learner["target_groups"]["items"]
    assert "seniors" in groups["x-canonical-codes"]
    assert "senioren" in groups["x-aliases"]["seniors"]
    assert "nederlands" in learner["language"]["x-aliases"]["nl"]
    assert schemas["OutcomeIn"]["properties"]["situation"]["x-canonical-codes"][0] == "jobseeker"


def test_the_openapi_document_refuses_unknown_fields_and_documents_problems(client):
    document = client.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    for name in ("LearnersIn", "LearnerIn", "OutcomeIn", "WebhookIn"):
        assert schemas[name]["additionalProperties"] is False, name
    responses = document["paths"]["/api/v1/learners"]["post"]["responses"]
    for status in ("400", "401", "403", "404", "405", "409", "413", "415", "422", "429", "500"):
        assert status in responses
    assert {"row", "field", "pointer", "code", "message"} <= set(
        schemas["ProblemItem"]["properties"]
    )
