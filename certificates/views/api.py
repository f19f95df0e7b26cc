"""The JSON API of verification, for employers' systems; same verdicts, same
limits as the pages. GET a code, or POST a VC-JWT or a PDF.

The GET is the hot path: one rate-limit round trip to Redis, one SQL query, no
session, user or broker. A lookup leaves a receipt for the holder only when the
caller names its organisation (`?organisation=`): an anonymous machine lookup
would tell the holder nothing, and publishing a task for each cost about 40 %
of the request."""

from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from certificates import ratelimit, verification
from certificates.models import VerificationReceipt
from certificates.presenters import verdict_data
from certificates.views.public import receipt_enqueue

STATUS_CODES = {verification.MALFORMED: 400, verification.NOT_PDF: 415}
LANGUAGES = ("nl", "fr", "de", "en")


def _language(request: HttpRequest) -> str:
    """`?lang=`, else the language LocaleMiddleware read from Accept-Language
    (which is why the answer says `Vary: Accept-Language`)."""
    wanted = request.GET.get("lang", "")
    if wanted in LANGUAGES:
        return wanted
    current = translation.get_language() or "en"
    return current if current in LANGUAGES else "en"


def _too_many() -> JsonResponse:
    response = JsonResponse({"status": "rate_limited"}, status=429)
    response["Retry-After"] = str(ratelimit.retry_after())
    return response


def _answer(request, verdict, channel: str) -> JsonResponse:
    language = _language(request)
    organisation = request.GET.get("organisation", "").strip()[:200]
    if organisation:
        receipt_enqueue(request, verdict, channel, organisation)
    with translation.override(language):
        data = verdict_data(verdict, language)
    response = JsonResponse(data, status=STATUS_CODES.get(verdict.status, 200))
    response["Content-Language"] = language
    # Never stored by a cache: a revocation must show at once, and the answer
    # carries the holder's name.
    add_never_cache_headers(response)
    return response


@require_GET
def verify_code(request: HttpRequest, code: str) -> JsonResponse:
    """GET /api/certificates/verify/<code>?lang=nl"""
    if not ratelimit.allow(request):
        return _too_many()
    return _answer(request, verification.verify_code(code), VerificationReceipt.Channel.API)


@csrf_exempt  # no cookies, no session: a machine-to-machine endpoint
@require_POST
def verify_document(request: HttpRequest) -> JsonResponse:
    """POST a VC-JWT (text body) or a PDF (body or multipart field `file`)."""
    if not ratelimit.allow(request):
        return _too_many()
    upload = request.FILES.get("file")
    if upload is not None and upload.size > verification.MAX_PDF_BYTES:
        data = b""
    else:
        data = upload.read() if upload is not None else request.body
    if data.startswith(b"%PDF-") or upload is not None:
        verdict = verification.verify_pdf(data)
        channel = VerificationReceipt.Channel.PDF
    else:
        try:
            verdict = verification.verify_jwt(data.decode("ascii"))
        except UnicodeDecodeError:
            verdict = verification.Verdict(verification.NOT_A_CREDENTIAL)
        channel = VerificationReceipt.Channel.API
    return _answer(request, verdict, channel)
