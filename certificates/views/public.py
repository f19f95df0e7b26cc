"""Public verification: no account, rate limited per client, four languages."""

import hashlib

from csp.decorators import csp_update
from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from certificates import links, receipts, selectors, services_previews, verification
from certificates.forms import CodeForm, PdfForm, ReceiptForm
from certificates.models import VerificationReceipt
from certificates.presenters import verdict_data
from certificates.views import frame
from config import ratelimit
from config.stateless import never_cached_view, sessionless, sessionless_page


def verify_limited(request: HttpRequest) -> int | None:
    """Count one lookup of the client; the seconds to wait once over
    CERTIFICATES_VERIFY_RATE, else None."""
    return ratelimit.hit(
        f"cert-verify:{ratelimit.client_address(request)}", rate=settings.CERTIFICATES_VERIFY_RATE
    )


def too_many(request: HttpRequest, wait: int) -> HttpResponse:
    explanation = _("You checked many certificates in a short time.")
    return ratelimit.too_many(request, wait, context={"explanation": explanation})


def _receipt_marker(client: str, certificate_pk: int, channel: str, organisation: str) -> str:
    named = hashlib.blake2b(organisation.casefold().encode(), digest_size=8).hexdigest()
    return f"cert-receipt:{client}:{certificate_pk}:{channel}:{named}"


def receipt_enqueue(request: HttpRequest, verdict, channel: str, organisation: str = "") -> None:
    """Tell the holder their certificate was checked: once per client, channel and
    organisation an hour (reloading the page is not a new check). One Redis
    round trip, no broker: `certificates.receipts` drains it into the database."""
    if verdict.certificate is None:
        return
    organisation = organisation.strip()[:200]
    client = ratelimit.client_address(request)
    receipts.receipt_buffer(
        marker=_receipt_marker(client, verdict.certificate.pk, channel, organisation),
        certificate_id=verdict.certificate.pk,
        channel=channel,
        organisation=organisation,
    )


def verify_limited_receipt(
    request: HttpRequest, verdict, channel: str, organisation: str = ""
) -> int | None:
    """`verify_limited` and, within the limit, `receipt_enqueue`, in one Redis
    round trip (the lookup comes first, so its certificate is known). The
    seconds to wait once over CERTIFICATES_VERIFY_RATE (nothing recorded),
    else None."""
    if verdict.certificate is None:
        return verify_limited(request)
    organisation = organisation.strip()[:200]
    client = ratelimit.client_address(request)
    return receipts.limited_receipt(
        limit_key=f"cert-verify:{client}",
        rate=settings.CERTIFICATES_VERIFY_RATE,
        marker=_receipt_marker(client, verdict.certificate.pk, channel, organisation),
        certificate_id=verdict.certificate.pk,
        channel=channel,
        organisation=organisation,
    )


# Never cached: a revocation must show at once. A scanned QR code (no session)
# is answered in the page lane (config/stateless.py).
@sessionless_page
@never_cached_view
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Type a code, or arrive from the QR code with the code filled in."""
    language = get_language()
    context = {"form": CodeForm(request.GET or None), "receipt_sent": False}
    if request.method == "POST":
        # The verifier says who they are: a receipt with their organisation.
        receipt = ReceiptForm(request.POST)
        if not receipt.is_valid():
            if (wait := verify_limited(request)) is not None:
                return too_many(request, wait)
        else:
            verdict = verification.verify_code(receipt.cleaned_data["code"])
            wait = verify_limited_receipt(
                request,
                verdict,
                VerificationReceipt.Channel.CODE,
                receipt.cleaned_data["organisation"],
            )
            if wait is not None:
                return too_many(request, wait)
            context.update(
                form=CodeForm({"code": receipt.cleaned_data["code"]}),
                verdict=verdict_data(verdict, language),
                receipt_sent=True,
            )
        return _verify_render(request, context, language)
    form = context["form"]
    if form.is_bound and form.is_valid():
        verdict = verification.verify_code(form.cleaned_data["code"])
        wait = verify_limited_receipt(request, verdict, VerificationReceipt.Channel.CODE)
        if wait is not None:
            return too_many(request, wait)
        context["verdict"] = verdict_data(verdict, language)
        if verdict.certificate is not None:
            # The receipt form for this code: made where the page is rendered.
            context["receipt_code"] = verdict.certificate.code
    return _verify_render(request, context, language)


def _verify_render(request: HttpRequest, context: dict, language: str) -> HttpResponse:
    if sessionless(request):
        # The lane fills the receipt form's kept markup with the code.
        return HttpResponse(frame.verify_page_render(request, context, language))
    if (code := context.pop("receipt_code", None)) is not None:
        context["receipt_form"] = ReceiptForm(initial={"code": code})
    return render(request, "certificates/verify.html", context)


# A multipart body carries the file and a little form around it.
UPLOAD_OVERHEAD = 64 * 1024
PDF_TEMPLATE = "certificates/verify_pdf.html"


def upload_too_large(request: HttpRequest) -> bool:
    """Does the request declare a body larger than any certificate? Then it is
    refused before a byte of it is read."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return declared > verification.MAX_PDF_BYTES + UPLOAD_OVERHEAD


# The dropped PDF is shown beside the one issued in a frame of a blob: URL the
# page's own script makes (certificates/static/certificates/verify-pdf.js).
@csp_update({"frame-src": ["blob:"]})
@never_cache
@require_http_methods(["GET", "POST"])
def verify_pdf(request: HttpRequest) -> HttpResponse:
    """Drop the PDF: is it exactly a file we issued, which certificate does it
    carry, and that certificate as issued beside it. Refusals are 4xx."""
    if request.method != "POST":
        return render(request, PDF_TEMPLATE, {"form": PdfForm()})
    if (wait := verify_limited(request)) is not None:
        return too_many(request, wait)
    language = get_language()
    if upload_too_large(request):
        verdict = verification.Verdict(verification.TOO_LARGE)
        context = {"form": PdfForm(), "verdict": verdict_data(verdict, language)}
        return render(request, PDF_TEMPLATE, context, status=413)
    form = PdfForm(request.POST, request.FILES)
    if not form.is_valid():
        status = 413 if form.has_error("file", code="too_large") else 400
        return render(request, PDF_TEMPLATE, {"form": form}, status=status)
    verdict = verification.verify_pdf(form.cleaned_data["file"].read())
    receipt_enqueue(request, verdict, VerificationReceipt.Channel.PDF)
    context = {"form": PdfForm(), "verdict": verdict_data(verdict, language)}
    return render(request, PDF_TEMPLATE, context)


@require_GET
def as_issued_image(request: HttpRequest, token: str) -> FileResponse:
    """Page 1 of a certificate as we issued it, as PNG, at the signed address a
    verdict of a dropped file gave out (links.as_issued_image_path)."""
    key = links.as_issued_image_key(token)
    if key is None or key[1] not in verification.LANGUAGES:
        raise Http404
    code, language = key
    certificate = selectors.certificate_for_code(code=code)
    if (
        certificate is None
        or not certificate.holder_name
        or verification.certificate_status(certificate) == verification.WITHDRAWN
    ):
        raise Http404
    name = services_previews.certificate_page_image(certificate=certificate, language=language)
    response = FileResponse(default_storage.open(name, "rb"), content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response
