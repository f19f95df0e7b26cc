"""Add to wallet: the holder's page with a QR code and a deep link, and the
capability URL a wallet calls (GET: the credential; POST: a VC-API exchange).
See certificates/wallet.py for what the Learner Credential Wallet sends."""

import json

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from certificates import linked_data, services_credentials, wallet
from certificates.models import Certificate
from certificates.permissions import access_own_certificate
from frontend.pdf import qr_make

MAX_BODY_BYTES = 64 * 1024


@login_required
@never_cache
def wallet_page(request: HttpRequest, public_id) -> HttpResponse:
    """A fresh exchange link (valid EXCHANGE_MAX_AGE) as a QR code for the
    wallet's scanner and as a deep link for the phone that has the wallet."""
    certificate = access_own_certificate(request.user, public_id)
    url = wallet.exchange_url(wallet.exchange_token(certificate.public_id))
    qr = qr_make(url).svg_inline(scale=4, border=4, omitsize=False)
    return render(
        request,
        "certificates/wallet.html",
        {
            "certificate": certificate,
            "course": certificate.text("course", request.LANGUAGE_CODE),
            "exchange_url": url,
            "deep_link": wallet.deep_link(url),
            "qr_svg": mark_safe(qr),  # noqa: S308 - segno's own SVG of our URL
            "minutes": wallet.EXCHANGE_MAX_AGE // 60,
        },
    )


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def wallet_exchange(request: HttpRequest, token: str) -> HttpResponse:
    """The token is the capability: no session, no CSRF (a wallet app calls)."""
    try:
        public_id, challenge = wallet.exchange_read(token)
    except signing.SignatureExpired:
        return _error("This link has expired. Open it again from My certificates.", 410)
    except signing.BadSignature:
        # 403, not 404: LocaleMiddleware would redirect a 404 to a language page.
        return _error("Unknown or forged exchange link.", 403)
    certificate = Certificate.objects.select_related("holder").filter(public_id=public_id).first()
    if certificate is None or certificate.revoked_at is not None:
        return _error("This certificate cannot be added to a wallet.", 410)
    if request.method == "GET":
        document = services_credentials.certificate_credential_di(certificate=certificate)
        document = {"@context": document["@context"], **document}
        return JsonResponse(document, content_type="application/ld+json")
    if len(request.body) > MAX_BODY_BYTES:
        return _error("Request too large.", 413)
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return _error("The request is not JSON.", 400)
    if not isinstance(body, dict):
        return _error("The request is not a JSON object.", 400)
    bare = "VerifiablePresentation" in (body.get("type") or [])
    presentation = body if bare else body.get("verifiablePresentation")
    if presentation is None:
        return JsonResponse(wallet.presentation_request(wallet.exchange_url(token), challenge))
    try:
        holder_did = wallet.did_auth_holder(presentation, challenge=challenge)
    except wallet.DidAuthError as error:
        return _error(f"DID Authentication failed: {error}.", 400)
    # One credential per link: a replayed presentation gets nothing.
    if not cache.add(f"certificates:wallet-exchange:{challenge}", 1, wallet.EXCHANGE_MAX_AGE):
        return _error("This link has already been used.", 410)
    document = services_credentials.wallet_credential_issue(
        certificate=certificate, holder_did=holder_did
    )
    if bare:
        return JsonResponse(document, content_type="application/ld+json")
    return JsonResponse(
        {
            "verifiablePresentation": {
                "@context": [linked_data.CREDENTIALS_V2],
                "type": ["VerifiablePresentation"],
                "verifiableCredential": [document],
            }
        }
    )
