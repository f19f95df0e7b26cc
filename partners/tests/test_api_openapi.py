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
