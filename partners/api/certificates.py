"""GET /certificates: the certificates of your learners."""

from django.utils import timezone
from ninja import Query, Router

from certificates.codes import display
from certificates.dates import issuer_date, issuer_datetime
from certificates.links import verify_url
from certificates.verification import certificate_status
from partners.api.auth import TokenAuth
from partners.api.pagination import PageParams, page
from partners.api.schemas import ERRORS, CertificatePage
from partners.models import Scope
from partners.selectors import certificates_of_organisation

router = Router(tags=["certificates"])


@router.get(
    "/certificates",
    auth=TokenAuth(Scope.CERTIFICATES_READ),
    response={200: CertificatePage, **ERRORS},
    summary="Certificates of your learners",
    description=(
        "Certificates your learners earned in the courses you enrolled them in "
        "through your cohorts, newest first. A certificate whose holder's name was "
        "corrected is `replaced` (revoked in the status list for that reason) and the "
        "new one is listed under its own code. Dates are those printed on the "
        "certificate, in Brussels time. Scope: `certificates:read`."
    ),
)
def certificates_get(request, params: Query[PageParams]):
    token = request.auth
    language = token.organisation.language
    certificates, next_url = page(
        request, certificates_of_organisation(organisation=token.organisation), params
    )
    now = timezone.now()
    return {
        "next": next_url,
        "results": [
            {
                "code": display(c.code),
                "external_id": c.external_id,
                "course_key": c.course_key,
                "course_title": c.text("course", language),
                "issued_at": issuer_datetime(c.issued_at),
                "issued_on": issuer_date(c.issued_at),
                "expires_at": issuer_datetime(c.expires_at),
                "valid_until": issuer_date(c.expires_at),
                "status": certificate_status(c, now=now),
                "verification_url": verify_url(c.code),
            }
            for c in certificates
        ],
    }
