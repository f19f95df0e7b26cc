"""The partner REST API, version 1, mounted at /api/v1/ (outside the language
prefixes): OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs."""

from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from partners.api import certificates, cohorts, errors, learners, webhooks
from partners.api.auth import TokenAuth

DESCRIPTION = """\
For the systems of DBSF project holders and public employment agencies: enrol
learners, follow cohorts, record outcomes, list certificates, and receive
webhooks. Authenticate with `Authorization: Bearer dsk_<prefix>_<secret>` (a
token of your organisation, created by a manager on the partner pages). Every
error has the body `{"error": {"code", "message", "details"}}`; messages follow
`Accept-Language` (nl, fr, de, en).
"""


class PartnerApi(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        # The API has no language prefix: tell LocaleMiddleware so, or a 404
        # would be "corrected" into a redirect to /<lang>/api/v1/….
        request.urlconf = "partners.api.urls"
        return super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )


api = PartnerApi(
    title="Digiskills partner API",
    version="1",
    description=DESCRIPTION,
    auth=TokenAuth(),
    urls_namespace="partners_api",
    docs=Swagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)
api.add_router("/", learners.router)
api.add_router("/", cohorts.router)
api.add_router("/", certificates.router)
api.add_router("/", webhooks.router)
