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
token of your organisation, created by a manager on the partner pages).

**Errors.** Every error, whatever its status (400, 401, 403, 404, 405, 409,
413, 415, 422, 429, 500), is an RFC 9457 problem (`application/problem+json`):
`{"type", "title", "status", "code", "detail", "errors": [{"row", "field",
"pointer", "parameter", "code", "message"}]}`. `code` is stable, for programs;
`detail` and `message` follow `Accept-Language` (nl, fr, de, en). Every problem
of a request is listed at once, each with its `row` (the index in a bulk
request) and `field`. 409 `conflict` only means that another request wrote the
same data at the same moment: send it again. Everything else is permanent:
correct the request. The member `error` repeats the content in the body of v1
before problem details; it is deprecated.

**Requests.** Bodies are JSON (415 otherwise), at most 1 MB (413). A field the
API does not know is refused (422 `unknown_field`), and types are strict: text
is a JSON string, dates are `YYYY-MM-DD`. Vocabulary fields (language, gender,
situation, target groups) take the canonical codes or the aliases the learner
file accepts (listed per field under `x-aliases`) and answer with the codes.

**Pages.** `limit` 1–200, `offset` 0–1,000,000 (400 beyond); follow `next`.

**Rate limit.** Per organisation, shared by all its tokens (120 requests a
minute unless agreed otherwise): 429 with `Retry-After` in seconds.
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
