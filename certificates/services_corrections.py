"""Writes for name corrections: the holder asks, staff with
`certificates.review_name_correction` approve or reject. Approval changes the
account's legal name and issues each certificate again under a new code; the
old one is revoked in the status list with the reason "replaced" and its public
page points to the new one."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from certificates import codes
from certificates.exceptions import CertificateError
from certificates.models import Certificate, NameCorrection
from lms.exceptions import LearningError
from lms.identity import family_name_clean, given_name_clean
from lms.models import User
from lms.services import user_legal_name_set

REPLACED_REASON = "replaced"


@transaction.atomic
def name_correction_request(
    *,
    holder: User,
    certificates: list[Certificate],
    given_name: str,
    family_name: str,
    reason: str,
) -> NameCorrection:
    """The holder asks that some of their own current certificates carry a
    corrected legal name. One open request at a time."""
    if not certificates:
        raise CertificateError(_("Choose at least one certificate."), code="no_certificates")
    if any(c.holder_id != holder.pk for c in certificates):
        # Views only offer the holder's own; this is the last word.
        raise CertificateError(_("You can only correct your own certificates."), code="not_yours")
    if any(c.replaced_by_id or c.revoked_at for c in certificates):
        raise CertificateError(
            _("Only current certificates in your name can be corrected."), code="not_current"
        )
    given, family = given_name_clean(given_name), family_name_clean(family_name)
    reason = " ".join((reason or "").split())
    if not reason:
        raise CertificateError(_("Say why the name should change."), code="no_reason")
    if all(c.content.get("holder_name") == f"{given} {family}" for c in certificates):
        raise CertificateError(_("Your certificates already carry this name."), code="same_name")
    try:
        with transaction.atomic():
            correction = NameCorrection.objects.create(
                holder=holder,
                given_name=given,
                family_name=family,
                previous_name=holder.legal_name,
                reason=reason[:1000],
                requested_by=holder,
            )
    except IntegrityError as error:
        raise CertificateError(
            _("You already asked for a correction. Wait for the answer before asking again."),
            code="already_pending",
        ) from error
    correction.certificates.set(certificates)
    audit_record(
        actor=holder,
        action="certificates.name_correction.request",
        target=correction,
        subject_user=holder,
        data={
            "certificates": [c.code for c in certificates],
            "requested_name": correction.requested_name,
            "previous_name": correction.previous_name,
        },
    )
    return correction


def _decidable(correction: NameCorrection, actor: User) -> NameCorrection:
    locked = NameCorrection.objects.select_for_update().get(pk=correction.pk)
    if locked.status != NameCorrection.Status.PENDING:
        raise CertificateError(_("This request has already been decided."), code="decided")
    if locked.holder_id == actor.pk:
        raise CertificateError(
            _("Someone else must decide on a correction of your own name."), code="own_request"
        )
    return locked


@transaction.atomic
def name_correction_approve(
    *, correction: NameCorrection, actor: User, note: str = ""
) -> list[Certificate]:
    """Approve: the account's legal name becomes the requested one and every
    certificate of the request still current is issued again under a new code.
    Returns the new certificates."""
    correction = _decidable(correction, actor)
    holder = User.objects.get(pk=correction.holder_id)
    try:
        holder = user_legal_name_set(
            user=holder,
            given_name=correction.given_name,
            family_name=correction.family_name,
            source=User.LegalNameSource.STAFF,
            actor=actor,
            correction=True,
        )
    except LearningError as error:
        raise CertificateError(error.message, code=error.code) from error
    renewed = [
        certificate_reissue(certificate=old, actor=actor, correction=correction)
        for old in correction.certificates.order_by("pk")
        if old.replaced_by_id is None and old.revoked_at is None
    ]
    correction.status = NameCorrection.Status.APPROVED
    correction.decided_by = actor
    correction.decided_at = timezone.now()
    correction.decision_note = note.strip()[:1000]
    correction.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    audit_record(
        actor=actor,
        action="certificates.name_correction.approve",
        target=correction,
        subject_user=holder,
        data={"name": holder.legal_name, "new_certificates": [c.code for c in renewed]},
    )
    _tell_holder(correction)
    return renewed


@transaction.atomic
def name_correction_reject(*, correction: NameCorrection, actor: User, note: str) -> NameCorrection:
    """Reject with a note to the holder; the name and certificates stay as they are."""
    correction = _decidable(correction, actor)
    note = note.strip()
    if not note:
        raise CertificateError(_("Tell the holder why the request is rejected."), code="no_note")
    correction.status = NameCorrection.Status.REJECTED
    correction.decided_by = actor
    correction.decided_at = timezone.now()
    correction.decision_note = note[:1000]
    correction.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    audit_record(
        actor=actor,
        action="certificates.name_correction.reject",
        target=correction,
        subject_user=correction.holder,
        data={"note": correction.decision_note},
    )
    _tell_holder(correction)
    return correction


def certificate_reissue(
    *, certificate: Certificate, actor: User, correction: NameCorrection | None = None
) -> Certificate:
    """Issue the certificate again in the holder's current legal name, under a
    new code and a newly signed credential; everything else stays as issued
    (dates, course texts). The old one points to it and is revoked in the
    status list ("replaced"). Runs inside the caller's transaction."""
    from certificates.services import (
        _free_index,
        _issued_announce,
        _signing_key,
        _status_list,
    )
    from certificates.services_credentials import credentials_sign, holder_subject_id

    old = Certificate.objects.select_for_update().select_related("holder").get(pk=certificate.pk)
    if old.replaced_by_id is not None:
        return Certificate.objects.get(pk=old.replaced_by_id)
    holder = old.holder
    if not holder.has_legal_name:
        raise CertificateError(_("The holder has no legal name."), code="no_legal_name")
    now = timezone.now()
    # The constraint "one current certificate per learner and course version"
    # ignores replaced ones: mark the old one replaced (by itself, for the
    # moment) before the new one exists, then point it to the new one.
    old.replaced_by_id = old.pk
    old.save(update_fields=["replaced_by"])
    status_list = _status_list()
    new = Certificate(
        code=codes.generate(),
        holder=holder,
        course_key=old.course_key,
        content_version=old.content_version,
        course_page_id=old.course_page_id,
        enrolment_id=old.enrolment_id,
        language=old.language,
        content={**old.content, "holder_name": holder.legal_name},
        issued_at=old.issued_at,
        expires_at=old.expires_at,
        signing_key=_signing_key(),
        status_list=status_list,
        status_index=_free_index(status_list),
        withdrawn_at=old.withdrawn_at,
        subject_id=old.subject_id or holder_subject_id(user=holder),
    )
    credentials_sign(new)
    new.save()
    old.replaced_by = new
    old.revoked_at = now
    old.revocation_reason = REPLACED_REASON
    old.save(update_fields=["replaced_by", "revoked_at", "revocation_reason"])
    audit_record(
        actor=actor,
        action="certificates.reissue",
        target=new,
        subject_user=holder,
        data={
            "replaces": old.code,
            "code": new.code,
            "correction": correction.pk if correction else None,
        },
    )
    # The usual e-mail of a new certificate, with its PDF in the new name.
    _issued_announce(certificate=new, holder=holder)
    return new


def _tell_holder(correction: NameCorrection) -> None:
    from certificates.tasks import name_correction_email_send

    if correction.holder.email:
        name_correction_email_send.delay_on_commit(correction.pk)


def name_correction_email_send(*, correction_id: int) -> str:
    """E-mail the holder the decision on their request, in their language."""
    from django.core.mail import EmailMessage
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import translation

    from certificates.links import absolute, verify_url

    correction = NameCorrection.objects.select_related("holder").filter(pk=correction_id).first()
    if correction is None or correction.status == NameCorrection.Status.PENDING:
        return "nothing to say"
    holder = correction.holder
    if not holder.email:
        return "no e-mail"
    language = holder.preferred_language
    with translation.override(language):
        renewed = [
            {"code": c.replaced_by.display_code, "verify_url": verify_url(c.replaced_by.code)}
            for c in correction.certificates.select_related("replaced_by").order_by("pk")
            if c.replaced_by_id and c.replaced_by_id != c.pk
        ]
        context = {
            "correction": correction,
            "approved": correction.status == NameCorrection.Status.APPROVED,
            "renewed": renewed,
            "page_url": absolute(reverse("certificates:mine")),
        }
        subject = render_to_string("certificates/email/correction_subject.txt", context)
        EmailMessage(
            subject=" ".join(subject.split()),
            body=render_to_string("certificates/email/correction_body.txt", context),
            to=[holder.email],
            headers={"Content-Language": language},
        ).send()
    return "sent"
