"""Writes for the credential's two signed forms and the wallet: the holder's
pairwise subject id, signing at issue (VC-JWT and Data Integrity), signing
older certificates' Data Integrity form once, and the credential a wallet gets
for its DID."""

from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from certificates import credentials
from certificates.models import Certificate, SigningKey
from lms.models import User


def _data_integrity_key() -> SigningKey:
    from certificates.services import _signing_key

    return _signing_key(SigningKey.Purpose.DATA_INTEGRITY)


def holder_subject_id(*, user: User) -> str:
    """The holder's pairwise subject id: the one their certificates already
    carry (so it stays the same if the secret changes), else derived."""
    existing = (
        Certificate.objects.filter(holder=user)
        .exclude(subject_id="")
        .order_by("issued_at", "id")
        .values_list("subject_id", flat=True)
        .first()
    )
    return existing or credentials.pairwise_subject_id(user.pk)


def credentials_sign(certificate: Certificate) -> None:
    """Sign a new certificate's credential in both forms (not saved here): the
    VC-JWT and the Data Integrity credential, built from the same credential."""
    credential = credentials.credential_build(certificate)
    certificate.credential_jwt = credentials.credential_sign(credential, certificate=certificate)
    certificate.credential_di = credentials.credential_di_sign(
        credential,
        signing_key=_data_integrity_key(),
        created=timezone.now(),
    )


def certificate_credential_di(*, certificate: Certificate) -> dict:
    """The Data Integrity credential, signed once: certificates issued before it
    existed get it (and their holder's subject id) on first request, stored."""
    if certificate.credential_di:
        return certificate.credential_di
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if not locked.credential_di:
            if not locked.subject_id:
                locked.subject_id = holder_subject_id(user=locked.holder)
            locked.credential_di = credentials.credential_di_sign(
                credentials.credential_build(locked),
                signing_key=_data_integrity_key(),
                created=timezone.now(),
            )
            locked.save(update_fields=["subject_id", "credential_di"])
            audit_record(
                actor=None,
                action="certificates.sign_data_integrity",
                target=locked,
                subject_user=locked.holder,
            )
    certificate.subject_id = locked.subject_id
    certificate.credential_di = locked.credential_di
    return locked.credential_di


def wallet_credential_issue(*, certificate: Certificate, holder_did: str) -> dict:
    """The credential for a wallet that proved control of `holder_did` (VC-API
    exchange): the certificate's credential with that DID as its subject,
    freshly signed (Data Integrity), not stored; the audit row records it."""
    credential = credentials.credential_build(certificate)
    credential["credentialSubject"] = {**credential["credentialSubject"], "id": holder_did}
    document = credentials.credential_di_sign(
        credential,
        signing_key=_data_integrity_key(),
        created=timezone.now(),
    )
    audit_record(
        actor=None,
        action="certificates.wallet_exchange",
        target=certificate,
        subject_user=certificate.holder,
        data={"did": holder_did},
    )
    return document
