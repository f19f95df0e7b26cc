"""The learner's certificates: download, share, LinkedIn, receipts, stop sharing,
a new verification code, the PDF made again."""

import json
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from certificates import selectors, services, services_codes, services_credentials
from certificates.dates import issuer_date
from certificates.exceptions import CertificateError
from certificates.links import verify_url
from certificates.permissions import access_own_certificate
from certificates.verification import certificate_status

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def linkedin_url(certificate, language: str) -> str:
    """LinkedIn's documented "add to profile" link for a certification."""
    issued = issuer_date(certificate.issued_at)  # the month printed, in Brussels
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": certificate.text("course", language),
        "organizationName": certificate.content["issuer"],
        "issueYear": issued.year,
        "issueMonth": issued.month,
        "certUrl": verify_url(certificate.code),
        "certId": certificate.display_code,
    }
    if certificate.expires_at:
        expires = issuer_date(certificate.expires_at)
        params["expirationYear"] = expires.year
        params["expirationMonth"] = expires.month
    return "https://www.linkedin.com/profile/add?" + urlencode(params)


@login_required
def certificate_list(request: HttpRequest) -> HttpResponse:
    """My certificates (query count does not grow with their number)."""
    from lms.selectors import legal_name_needed

    language = get_language()
    rows = []
    for certificate in selectors.certificates_of(user=request.user):
        if certificate.replaced_by_id is not None:
            continue  # a correction issued it again: the newer one is listed
        rows.append(
            {
                "certificate": certificate,
                "course": certificate.text("course", language),
                "status": certificate_status(certificate),
                "share_url": verify_url(certificate.code),
                "linkedin_url": linkedin_url(certificate, language),
                "receipts": list(certificate.receipts.all())[:10],
                "languages": [(code, LANGUAGE_NAMES[code]) for code, _name in settings.LANGUAGES],
            }
        )
    legal_name_missing = legal_name_needed(user=request.user)
    # Completed and earned, but its issuing has not run yet (a broker outage,
    # a lost task): said here, so that nobody thinks it is lost; the sweep
    # issues it. One query, none for children and people without a legal name.
    on_its_way = []
    if request.user.has_legal_name and not legal_name_missing:
        on_its_way = [
            enrolment.course.title
            for enrolment in selectors.completions_without_certificate(
                learner=request.user
            ).select_related("course")
        ]
    context = {
        "rows": rows,
        # No query for a person who has a legal name (most of them).
        "legal_name_needed": legal_name_missing,
        "on_its_way": on_its_way,
    }
    return render(request, "certificates/my_certificates.html", context)


@login_required
def certificate_download(request: HttpRequest, public_id, language: str) -> FileResponse:
    """The stored PDF (rendered the first time it is asked for in a language)."""
    certificate = access_own_certificate(request.user, public_id)
    if language not in LANGUAGE_NAMES:
        raise Http404
    name = services.certificate_pdf(certificate=certificate, language=language)
    return FileResponse(
        default_storage.open(name, "rb"),
        as_attachment=True,
        filename=f"certificate-{certificate.display_code}-{language}.pdf",
        content_type="application/pdf",
    )


@login_required
def certificate_credential(request: HttpRequest, public_id) -> HttpResponse:
    """The signed credential (VC-JWT) as a file, for wallets and the offline verifier."""
    certificate = access_own_certificate(request.user, public_id)
    response = HttpResponse(certificate.credential_jwt, content_type="application/vc+jwt")
    response["Content-Disposition"] = (
        f'attachment; filename="credential-{certificate.display_code}.jwt"'
    )
    return response


@login_required
def certificate_wallet(request: HttpRequest, public_id) -> HttpResponse:
    """The same credential with its Data Integrity proof (eddsa-rdfc-2022): one
    VerifiableCredential as JSON, the file the Learner Credential Wallet imports."""
    certificate = access_own_certificate(request.user, public_id)
    document = services_credentials.certificate_credential_di(certificate=certificate)
    # @context first for people reading the file (jsonb keeps no key order).
    document = {"@context": document["@context"], **document}
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/ld+json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="credential-{certificate.display_code}.json"'
    )
    return response


@login_required
@require_POST
def certificate_sharing(request: HttpRequest, public_id) -> HttpResponse:
    certificate = access_own_certificate(request.user, public_id)
    sharing = request.POST.get("sharing") == "on"
    services.certificate_sharing_set(certificate=certificate, holder=request.user, sharing=sharing)
    if sharing:
        messages.success(request, _("Your certificate can be checked again."))
    else:
        messages.success(
            request, _("You stopped sharing this certificate. Its page now says you withdrew it.")
        )
    return redirect("certificates:mine")


@login_required
@require_POST
def certificate_rerender(request: HttpRequest, public_id) -> HttpResponse:
    """Render the PDFs again (e.g. after a design change), on request only."""
    certificate = access_own_certificate(request.user, public_id)
    services.certificate_pdfs_rerender(certificate=certificate)
    messages.success(request, _("Your PDF has been made again."))
    return redirect("certificates:mine")


@login_required
@require_POST
def certificate_code_renew(request: HttpRequest, public_id) -> HttpResponse:
    """A new verification code; the old one stops verifying."""
    certificate = access_own_certificate(request.user, public_id)
    try:
        renewed = services_codes.certificate_code_renew(
            certificate=certificate, holder=request.user
        )
    except CertificateError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _(
                "Your certificate has a new verification code: %(code)s. The old code and "
                "its link no longer work."
            )
            % {"code": renewed.display_code},
        )
    return redirect("certificates:mine")
