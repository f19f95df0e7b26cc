"""A new verification code for a certificate, at its holder's request (a link
shared further than meant): the old code stops verifying at once."""

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from certificates import codes
from certificates.exceptions import CertificateError
from certificates.models import Certificate
from certificates.services import _signing_key
from certificates.services_credentials import credentials_sign
from lms.models import User


def _stored_files_delete(names: list[str]) -> None:
    # The files print the old code and its QR code: nobody downloads them again.
    for name in names:
        if default_storage.exists(name):
            default_storage.delete(name)


@transaction.atomic
def certificate_code_renew(*, certificate: Certificate, holder: User) -> Certificate:
    """Give the holder's certificate a new code and sign its credential again
    with the new link; the old code no longer verifies, the PDFs are made again
    (with the new code) on their next download. Audited. Revoked or replaced
    certificates keep their code, so that their page still says why."""
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.holder_id != holder.pk:
        raise CertificateError(_("This is not your certificate."), code="not_yours")
    if locked.revoked_at is not None or locked.replaced_by_id is not None:
        raise CertificateError(
            _("A revoked certificate keeps its code, so that its page says why."),
            code="revoked",
        )
    old_code = locked.code
    old_files = list(locked.pdf_files.values())
    locked.code = codes.generate()
    locked.signing_key = _signing_key()
    credentials_sign(locked)
    locked.pdf_files = {}
    # The fingerprints of the PDFs printing the old code: dropped on the check
    # page, such a file is no longer "exactly as issued"; its signed credential
    # names the old code and gets the "code replaced" verdict (no new code shown).
    locked.files.all().delete()
    locked.save(
        update_fields=["code", "signing_key", "credential_jwt", "credential_di", "pdf_files"]
    )
    audit_record(
        actor=holder,
        action="certificates.code_renew",
        target=locked,
        subject_user=holder,
        data={"replaces": old_code, "code": locked.code},
    )
    transaction.on_commit(lambda: _stored_files_delete(old_files))
    return locked
