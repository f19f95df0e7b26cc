"""The JSON API of verification, for employers' systems; same verdicts, same
limits as the pages. GET a code, or POST a VC-JWT or a PDF.

The GET is the hot path: one rate-limit round trip to Redis, one SQL query, no
session, user or broker; it is answered in the stateless lane, before the
middlewares that serve a person (config/stateless.py). A lookup leaves a
receipt for the holder only when the caller names its organisation
(`?organisation=`): an anonymous machine lookup would tell the holder nothing,
and publishing a task for each cost about 40 % of the request."""

from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from certificates import verification
from certificates.models import VerificationReceipt
from certificates.presenters import verdict_data
from certificates.views.public import (
    receipt_enqueue,
    upload_too_large,
    verify_limited,
    verify_limited_receipt,
)
from config.stateless import never_cached, stateless

PDF = VerificationReceipt.Channel.PDF

# The input was refused or could not be read; every other verdict is a 200.
STATUS_CODES = {
    verification.MALFORMED: 400,
    verification.TOO_LARGE: 413,
    verification.NOT_PDF: 415,
    verification.UNREADABLE: 422,
    verification.TOO_COMPLEX: 422,
}
LANGUAGES = ("nl", "fr", "de", "en")


def _language(request: HttpRequest) -> str:
    """`?lang=`, else the language LocaleMiddleware read from Accept-Language
    (which is why the answer says `Vary: Accept-Language`)."""
    wanted = request.GET.get("lang", "")
    if wanted in LANGUAGES:
        return wanted
    current = translation.get_language() or "en"
    return current if current in LANGUAGES else "en"


def _too_many(wait: int) -> JsonResponse:
    response = JsonResponse({"status": "rate_limited"}, status=429)
    response["Retry-After"] = str(wait)
    return response


def _organisation(request: HttpRequest) -> str:
    return request.GET.get("organisation", "").strip()[:200]


def _answer(request, verdict, channel: str, *, recorded: bool = False) -> JsonResponse:
    """The verdict as JSON; the receipt of a named organisation's check, unless
    already `recorded` with the rate limit's count."""
    language = _language(request)
    organisation = _organisation(request)
    if organisation and not recorded:
        receipt_enqueue(request, verdict, channel, organisation)
    with translation.override(language):
        data = verdict_data(verdict, language)
    response = JsonResponse(data, status=STATUS_CODES.get(verdict.status, 200))
    response["Content-Language"] = language
    # Never stored by a cache: a revocation must show at once, and the answer
    # carries the holder's name.
    return never_cached(response)


@stateless
@require_GET
def verify_code(request: HttpRequest, code: str) -> JsonResponse:
    """GET /api/certificates/verify/<code>?lang=nl"""
    channel = VerificationReceipt.Channel.API
    if organisation := _organisation(request):
        # A receipt: counted and recorded in one round trip, after the lookup.
        verdict = verification.verify_code(code)
        if (wait := verify_limited_receipt(request, verdict, channel, organisation)) is not None:
            return _too_many(wait)
        return _answer(request, verdict, channel, recorded=True)
    if (wait := verify_limited(request)) is not None:
        return _too_many(wait)
    return _answer(request, verification.verify_code(code), channel)


@csrf_exempt  # no cookies, no session: a machine-to-machine endpoint
@require_POST
def verify_document(request: HttpRequest) -> JsonResponse:
    """POST a VC-JWT (text body) or a PDF (body or multipart field `file`): the
    same verdict codes for both. A body larger than any certificate is refused
    before it is read."""
    if (wait := verify_limited(request)) is not None:
        return _too_many(wait)
    if upload_too_large(request):
        return _answer(request, verification.Verdict(verification.TOO_LARGE), PDF)
    if request.content_type == "multipart/form-data":
        upload = request.FILES.get("file")
        if upload is None:
            return _answer(request, verification.Verdict(verification.NOT_PDF), PDF)
        if upload.size > verification.MAX_PDF_BYTES:
            return _answer(request, verification.Verdict(verification.TOO_LARGE), PDF)
        return _answer(request, verification.verify_pdf(upload.read()), PDF)
    # Read from the stream with a ceiling: `request.body` would refuse anything
    # over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) with a bare 400.
    data = request.read(verification.MAX_PDF_BYTES + 1)
    sent = request.content_type or ""
    if data.startswith(b"%PDF-") or sent == "application/pdf" or sent.startswith("image/"):
        return _answer(request, verification.verify_pdf(data), PDF)
    try:
        verdict = verification.verify_jwt(data.decode("ascii"))
    except UnicodeDecodeError:
        verdict = verification.Verdict(verification.NOT_A_CREDENTIAL)
    return _answer(request, verdict, VerificationReceipt.Channel.API)
