"""Published keys, the issuer's did:web document, status lists and achievements:
public, cacheable, read by verifiers anywhere (CORS open)."""

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from certificates import credentials, selectors
from certificates.models import Certificate, StatusList

# Seconds a cache may keep a status list: none, so that a revocation shows at
# once; it must stay far below credentials.STATUS_LIST_VALIDITY in any case.
STATUS_LIST_MAX_AGE = 0


def _public(response: HttpResponse, *, max_age: int) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response


@require_GET
def did_document(request: HttpRequest) -> JsonResponse:
    """/.well-known/did.json: every public key, old and new."""
    document = credentials.did_document(selectors.signing_keys_public())
    return _public(JsonResponse(document, content_type="application/did+json"), max_age=300)


@require_GET
def jwks(request: HttpRequest) -> JsonResponse:
    return _public(JsonResponse({"keys": selectors.signing_keys_public()}), max_age=300)


@require_GET
def jwk(request: HttpRequest, kid: str) -> JsonResponse:
    """The `kid` URL of one key."""
    for key in selectors.signing_keys_public():
        if key.get("kid") == kid:
            return _public(JsonResponse(key, content_type="application/jwk+json"), max_age=3600)
    raise Http404


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


@require_GET
def achievement(request: HttpRequest, course_key, version: int) -> JsonResponse:
    """The Achievement a credential points to (from any certificate of it)."""
    certificate = (
        Certificate.objects.filter(course_key=course_key, content_version=version)
        .only("content", "course_key", "content_version")
        .first()
    )
    if certificate is None:
        raise Http404
    content = certificate.content
    return _public(
        JsonResponse(
            {
                "@context": credentials.CONTEXTS,
                "id": request.build_absolute_uri(),
                "type": ["Achievement"],
                "name": content["course"],
                "criteria": {"narrative": content["criteria"]["en"]},
                "alignment": [
                    {"targetCode": item["code"], "targetFramework": "DigComp 2.2"}
                    for item in content["competences"]
                ],
            }
        ),
        max_age=3600,
    )
