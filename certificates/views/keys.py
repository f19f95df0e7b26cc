"""Published keys, the issuer's did:web document, status lists and achievements:
public, cacheable, read by verifiers anywhere (CORS open)."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from certificates import credentials, selectors
from certificates.models import Certificate, SigningKey, StatusList
from config.stateless import stateless

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
JSON_TYPES = ("application/json", "application/ld+json")

# Seconds a cache may keep a status list: none, so that a revocation shows at
# once; it must stay far below credentials.STATUS_LIST_VALIDITY in any case.
STATUS_LIST_MAX_AGE = 0


def _public(response: HttpResponse, *, max_age: int) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response


@stateless
@require_GET
def did_document(request: HttpRequest) -> JsonResponse:
    """/.well-known/did.json: every public key, old and new."""
    document = credentials.did_document(
        selectors.signing_keys_public(),
        selectors.signing_keys_public(purpose=SigningKey.Purpose.DATA_INTEGRITY),
    )
    return _public(JsonResponse(document, content_type="application/did+json"), max_age=300)


@stateless
@require_GET
def jwks(request: HttpRequest) -> JsonResponse:
    return _public(JsonResponse({"keys": selectors.signing_keys_public()}), max_age=300)


@stateless
@require_GET
def jwk(request: HttpRequest, kid: str) -> JsonResponse:
    """The `kid` URL of one key."""
    for key in selectors.signing_keys_public():
        if key.get("kid") == kid:
            return _public(JsonResponse(key, content_type="application/jwk+json"), max_age=3600)
    raise Http404


@stateless
@require_GET
def seal_certificates(request: HttpRequest) -> HttpResponse:
    """/.well-known/pdf-seal.pem: the certificate of every key that ever sealed
    a certificate PDF (PAdES), old and new, as one PEM bundle."""
    bundle = "".join(pem for _kid, pem in selectors.document_certificates())
    return _public(
        HttpResponse(bundle, content_type="application/pem-certificate-chain"), max_age=300
    )


@stateless
@require_GET
def seal_certificate(request: HttpRequest, kid: str) -> HttpResponse:
    """The certificate of one PDF seal key."""
    for key_id, pem in selectors.document_certificates():
        if key_id == kid:
            return _public(HttpResponse(pem, content_type="application/x-pem-file"), max_age=3600)
    raise Http404


@stateless
@require_GET
def status_list(request: HttpRequest, list_id: int) -> HttpResponse:
    """The signed BitstringStatusListCredential, rebuilt on each request so that
    a revocation shows at once (one indexed query over at most 65,536 rows).
    Caches keep it no longer than STATUS_LIST_MAX_AGE, far inside its validUntil
    (credentials.STATUS_LIST_VALIDITY): a copy served from a cache is never stale."""
    if not StatusList.objects.filter(pk=list_id).exists():
        raise Http404
    key = selectors.signing_key_active()
    if key is None:
        raise Http404
    token = credentials.status_list_credential(
        status_list_id=list_id,
        revoked=selectors.revoked_indexes(status_list_id=list_id),
        signing_key=key,
        now=timezone.now(),
    )
    return _public(
        HttpResponse(token, content_type="application/vc+jwt"), max_age=STATUS_LIST_MAX_AGE
    )


def _language(request: HttpRequest) -> str:
    """`?lang=` if it names one of the four languages, else Accept-Language."""
    asked = request.GET.get("lang", "")
    if asked in LANGUAGE_CODES:
        return asked
    language = translation.get_language_from_request(request)
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


def _wants_json(request: HttpRequest) -> bool:
    if request.GET.get("format") == "json":
        return True
    accepted = request.headers.get("Accept", "")
    return any(kind in accepted for kind in JSON_TYPES) and "text/html" not in accepted


@require_GET
def achievement(request: HttpRequest, course_key, version: int) -> HttpResponse:
    """The OB 3.0 Achievement a credential points to, in the language asked
    (`?lang=` or Accept-Language): JSON-LD for `Accept: application/json` or
    `application/ld+json` (or `?format=json`), otherwise a page for people. Its `id` is the URL
    credentials name, whatever the query string."""
    certificate = (
        Certificate.objects.filter(course_key=course_key, content_version=version)
        .only("content", "course_key", "content_version")
        .first()
    )
    if certificate is None:
        raise Http404
    language = _language(request)
    document = {
        "@context": credentials.CONTEXTS,
        **credentials.achievement_build(
            content=certificate.content, course_key=course_key, version=version, language=language
        ),
    }
    if _wants_json(request):
        response = JsonResponse(document, content_type="application/ld+json")
        response["Content-Language"] = language
        patch_vary_headers(response, ("Accept", "Accept-Language"))
        return _public(response, max_age=3600)
    with translation.override(language):
        response = render(
            request,
            "certificates/achievement.html",
            {
                "achievement": document,
                "language": language,
                "other_languages": [
                    (code, name) for code, name in settings.LANGUAGES if code != language
                ],
            },
        )
    response["Content-Language"] = language
    patch_vary_headers(response, ("Accept", "Accept-Language"))
    return response
