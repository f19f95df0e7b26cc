"""Two URL sets: pages in the four languages (`certificates`), and language-free
public documents and the JSON API (`certificates_public`)."""

from django.urls import path

from certificates.views import api, corrections, keys, learner, public, staff, wallet

app_name = "certificates"


urlpatterns = [
    path("verify/", public.verify, name="verify"),
    path("verify/pdf/", public.verify_pdf, name="verify_pdf"),
    path("me/certificates/", learner.certificate_list, name="mine"),
    path(
        "me/certificates/<uuid:public_id>/pdf/<str:language>/",
        learner.certificate_download,
        name="download",
    ),
    path(
        "me/certificates/<uuid:public_id>/credential.jwt",
        learner.certificate_credential,
        name="credential",
    ),
    path(
        "me/certificates/<uuid:public_id>/credential.json",
        learner.certificate_wallet,
        name="wallet",
    ),
    path(
        "me/certificates/<uuid:public_id>/wallet/",
        wallet.wallet_page,
        name="wallet_page",
    ),
    path(
        "me/certificates/<uuid:public_id>/sharing/",
        learner.certificate_sharing,
        name="sharing",
    ),
    path(
        "me/certificates/<uuid:public_id>/rerender/",
        learner.certificate_rerender,
        name="rerender",
    ),
    path(
        "me/certificates/<uuid:public_id>/new-code/",
        learner.certificate_code_renew,
        name="code_renew",
    ),
    path("me/certificates/correction/", corrections.correction_request, name="correction_request"),
    path(
        "me/certificates/<uuid:public_id>/correction/",
        corrections.correction_request,
        name="correction_request_for",
    ),
    path("certificates/corrections/", corrections.correction_list, name="corrections"),
    path(
        "certificates/corrections/<int:correction_id>/",
        corrections.correction_detail,
        name="correction",
    ),
    path("certificates/<uuid:public_id>/revoke/", staff.revoke, name="revoke"),
    path("certificates/bulk/", staff.bulk_issue, name="bulk_issue"),
    path("certificates/bulk/<int:job_id>/", staff.bulk_progress, name="bulk_progress"),
]

public_urlpatterns = (
    [
        # First: the busiest of them (URL resolution tries them in order).
        path("api/certificates/verify/<str:code>", api.verify_code, name="api_verify_code"),
        path(".well-known/did.json", keys.did_document, name="did"),
        path(".well-known/pdf-seal.pem", keys.seal_certificates, name="seal_certificates"),
        path("certificates/keys.json", keys.jwks, name="jwks"),
        path(
            "certificates/keys/seal/<str:kid>.pem", keys.seal_certificate, name="seal_certificate"
        ),
        path("certificates/keys/<str:kid>.json", keys.jwk, name="jwk"),
        path("certificates/status/<int:list_id>", keys.status_list, name="status_list"),
        path(
            "certificates/achievements/<uuid:course_key>/v<int:version>",
            keys.achievement,
            name="achievement",
        ),
        path(
            "certificates/wallet/<str:token>",
            wallet.wallet_exchange,
            name="wallet_exchange",
        ),
        path(
            "certificates/as-issued/<str:token>.png",
            public.as_issued_image,
            name="as_issued_image",
        ),
        path("api/certificates/verify", api.verify_document, name="api_verify_document"),
    ],
    "certificates_public",
)
