"""The certificates part of "Download my data" and of erasing an account,
registered into `lms.hooks.personal_data` by `CertificatesConfig.ready`."""

from django.core.files.storage import default_storage
from django.db import transaction

from certificates.links import verify_url
from certificates.models import ERASED_REASON, Certificate, NameCorrection
from certificates.services import certificate_revoke
from lms.models import User

ERASED_MARK = "[erased]"


def certificates_personal_data(*, user: User) -> dict:
    """The person's certificates (codes, verification links) and name corrections."""
    certificates = [
        {
            "code": c.display_code,
            "verification_url": verify_url(c.code),
            "course": c.text("course", user.preferred_language),
            "holder_name": c.content.get("holder_name", ""),
            "language": c.language,
            "issued_at": c.issued_at,
            "expires_at": c.expires_at,
            "revoked_at": c.revoked_at,
            "revocation_reason": c.revocation_reason,
            "withdrawn_at": c.withdrawn_at,
        }
        for c in Certificate.objects.filter(holder=user).order_by("issued_at", "pk")
    ]
    corrections = list(
        NameCorrection.objects.filter(holder=user)
        .order_by("pk")
        .values(
            "given_name",
            "family_name",
            "previous_name",
            "reason",
            "status",
            "requested_at",
            "decided_at",
            "decision_note",
        )
    )
    return {"certificates": certificates, "name_corrections": corrections}


@transaction.atomic
def certificates_erase_for(*, user: User, actor: User | None, reason: str) -> int:
    """Revoke the person's certificates with `ERASED_REASON` and remove their
    name from them: the public page shows neither name nor picture, the signed
    credentials and PDFs (which carry the name) are deleted. The file hashes
    stay, so a PDF handed out earlier still verifies as revoked."""
    changed = 0
    for certificate in Certificate.objects.filter(holder=user).order_by("pk"):
        certificate = certificate_revoke(certificate=certificate, actor=actor, reason=ERASED_REASON)
        for name in (certificate.pdf_files or {}).values():
            if name and default_storage.exists(name):
                default_storage.delete(name)
        Certificate.objects.filter(pk=certificate.pk).update(
            revocation_reason=ERASED_REASON,
            content={**certificate.content, "holder_name": ""},
            credential_jwt="",
            credential_di=None,
            subject_id="",
            pdf_files={},
        )
        changed += 1
    changed += NameCorrection.objects.filter(holder=user).update(
        given_name=ERASED_MARK,
        family_name=ERASED_MARK,
        previous_name=ERASED_MARK,
        reason="",
        decision_note="",
    )
    return changed
