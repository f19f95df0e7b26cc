"""Writes for certificates: issue (exactly once), sign, e-mail the holder, revoke,
stop sharing, render PDFs, record verification receipts, rotate keys, bulk issue."""

import hashlib
import logging
import secrets
import uuid
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from audit.services import audit_record
from certificates import codes, keys
from certificates.dates import issuer_date
from certificates.models import (
    STATUS_LIST_SIZE,
    BulkIssueJob,
    Certificate,
    IssuedFile,
    SigningKey,
    StatusList,
    VerificationReceipt,
)
from certificates.services_credentials import credentials_sign, holder_subject_id
from courses.models import CoursePage
from courses.models.digcomp import DigCompLevel
from courses.models.pages import Track
from lms.models import User
from lms.selectors.exams import enrolment_exam_pass, enrolment_exam_passed

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# A list is retired from new entries when half full, so that a random free
# index is found in a couple of tries and every list stays a large crowd.
STATUS_LIST_FILL = STATUS_LIST_SIZE // 2
logger = logging.getLogger(__name__)


@transaction.atomic
def signing_key_rotate(
    *, actor: User | None = None, purpose: str = SigningKey.Purpose.CREDENTIAL
) -> SigningKey:
    """Retire the key in use for `purpose` and create a new one. Old public keys
    stay published so that every credential ever signed still verifies."""
    if purpose not in SigningKey.Purpose.values:
        raise ValueError(f"unknown key purpose {purpose!r}")
    now = timezone.now()
    for old in SigningKey.objects.select_for_update().filter(active=True, purpose=purpose):
        old.active = False
        old.retired_at = now
        old.save(update_fields=["active", "retired_at"])
    certificate_pem = ""
    if purpose == SigningKey.Purpose.DATA_INTEGRITY:
        kid, public, private = keys.new_ed25519_key()
    elif purpose == SigningKey.Purpose.DOCUMENT:
        # The PDF seal: an RSA key with its X.509 certificate.
        kid, public, private, certificate_pem = keys.new_document_key()
    else:
        kid, public, private = keys.new_key_pair()
    key = SigningKey.objects.create(
        kid=kid,
        purpose=purpose,
        public_jwk=public,
        private_jwk_encrypted=keys.encrypt_private_jwk(private, kid=kid),
        certificate_pem=certificate_pem,
    )
    audit_record(
        actor=actor,
        action="certificates.key.rotate",
        target=key,
        data={"kid": kid, "purpose": purpose},
    )
    return key


def _signing_key(purpose: str = SigningKey.Purpose.CREDENTIAL) -> SigningKey:
    """The active key for `purpose`, created on first use."""
    key = SigningKey.objects.filter(active=True, purpose=purpose).first()
    if key is None:
        try:
            with transaction.atomic():
                key = signing_key_rotate(purpose=purpose)
        except IntegrityError:
            # Another process created the first key at the same moment.
            key = SigningKey.objects.get(active=True, purpose=purpose)
    return key


def document_key() -> SigningKey:
    """The active key that seals the PDFs (PAdES), created on first use."""
    return _signing_key(SigningKey.Purpose.DOCUMENT)


def _status_list() -> StatusList:
    current = StatusList.objects.select_for_update().order_by("-id").first()
    if current is None or Certificate.objects.filter(status_list=current).count() >= min(
        STATUS_LIST_FILL, current.size // 2
    ):
        current = StatusList.objects.create(size=STATUS_LIST_SIZE)
    return current


def _free_index(status_list: StatusList) -> int:
    while True:
        index = secrets.randbelow(status_list.size)
        if not Certificate.objects.filter(status_list=status_list, status_index=index).exists():
            return index


def _exam_score(*, user: User, course: CoursePage, enrolment_id: int | None) -> dict | None:
    """The result of the passed exam, as printed on the certificate."""
    attempt = enrolment_exam_pass(
        learner=user, course_key=course.translation_key, enrolment_id=enrolment_id
    )
    if attempt is None or attempt.score is None or not attempt.max_score:
        return None
    return {
        # Rounded down: a certificate never claims more than was scored.
        "percent": 100 * attempt.score // attempt.max_score,
        "pass_mark": attempt.pass_mark_percent,
    }


def _identity_verified(user: User) -> dict | None:
    """How the holder's name was verified (itsme or CSAM), frozen with the
    certificate in the four languages; None when the name is not verified."""
    if not user.identity_verified:
        return None
    service = {User.LegalNameSource.ITSME: "itsme", User.LegalNameSource.CSAM: "CSAM"}[
        user.legal_name_source
    ]
    verified_on = issuer_date(user.legal_name_verified_at)
    text = {}
    for language in LANGUAGES:
        with translation.override(language):
            text[language] = _("Identity verified through %(service)s on %(date)s") % {
                "service": service,
                "date": formats.date_format(verified_on, "DATE_FORMAT"),
            }
    return {
        "service": user.legal_name_source,
        "verified_on": verified_on.isoformat(),
        "text": text,
    }


def _freeze(*, user: User, course: CoursePage, enrolment_id: int | None = None) -> dict:
    titles = {
        page.locale.language_code: page.title
        for page in course.get_translations(inclusive=True).select_related("locale")
    }
    competences = list(course.competences.order_by("code"))
    content = {
        # The legal name (lms.identity), as on the identity card; issuing
        # waits until there is one.
        "holder_name": user.legal_name,
        "issuer": settings.CERTIFICATES_ISSUER_NAME,
        "issuer_address": settings.CERTIFICATES_ISSUER_ADDRESS,
        "track_code": course.track,
        "level_number": course.target_level,
        "course": {},
        "track": {},
        "level": {},
        "criteria": {},
        "competences": [
            {"code": c.code, "title": {lang: c.title_in(lang) for lang in LANGUAGES}}
            for c in competences
        ],
    }
    score = _exam_score(user=user, course=course, enrolment_id=enrolment_id)
    if score is not None:
        content["score"] = score
    verified = _identity_verified(user)
    if verified is not None:
        content["identity_verified"] = verified
    for language in LANGUAGES:
        with translation.override(language):
            content["course"][language] = titles.get(language) or course.title
            content["track"][language] = str(Track(course.track).label)
            content["level"][language] = str(DigCompLevel(course.target_level).label)
            content["criteria"][language] = _(
                "Completed every required lesson and passed every required activity of the "
                "course, final assessment included."
            )
    return content


def certificate_issue(
    *,
    user: User,
    course: CoursePage,
    enrolment_id: int | None = None,
    completed_at: datetime | None = None,
    issued_by: User | None = None,
) -> Certificate | None:
    """Issue the course's certificate to the learner, exactly once per course
    version: calling again (retry, duplicate signal) returns the same one.
    None when the course gives no certificate."""
    # Only a passed exam graded on the server and taken alone earns a
    # certificate; browser-reported results (H5P) never do.
    if not enrolment_exam_passed(
        learner=user, course_key=course.translation_key, enrolment_id=enrolment_id
    ):
        logger.warning(
            "certificate refused: user %s has no passed server-graded exam in course %s",
            user.pk,
            course.pk,
        )
        return None
    if not course.certificate_enabled:
        return None
    if user.account_type == User.AccountType.YOUNG:
        # Children never get a certificate in their name on a public page.
        return None
    if not user.has_legal_name:
        # Waits for the name as on the identity card: lms asks for it, and
        # `legal_name_given` (or the sweep) issues it then.
        return None
    course_key = course.translation_key
    existing = Certificate.objects.filter(
        holder=user,
        course_key=course_key,
        content_version=course.content_version,
        replaced_by__isnull=True,
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            # Serialise the issuing of one learner's certificates; the unique
            # constraint is the last word if anything slips through.
            User.objects.select_for_update().filter(pk=user.pk).first()
            existing = Certificate.objects.filter(
                holder=user,
                course_key=course_key,
                content_version=course.content_version,
                replaced_by__isnull=True,
            ).first()
            if existing is not None:
                return existing
            certificate = _certificate_create(
                user=user,
                course=course,
                enrolment_id=enrolment_id,
                issued_at=completed_at or timezone.now(),
            )
            audit_record(
                actor=issued_by,
                action="certificates.issue",
                target=certificate,
                subject_user=user,
                data={"course_key": str(course_key), "version": course.content_version},
            )
    except IntegrityError:
        return Certificate.objects.get(
            holder=user,
            course_key=course_key,
            content_version=course.content_version,
            replaced_by__isnull=True,
        )
    _issued_announce(certificate=certificate, holder=user)
    return certificate


def _issued_announce(*, certificate: Certificate, holder: User) -> None:
    """After the commit that issued it: e-mail the holder the link and PDF (or
    only render the PDF when there is no address), then send `certificate_issued`."""
    from certificates.signals import certificate_issued
    from certificates.tasks import certificate_email_send, certificate_pdf_render

    if holder.email:
        # The e-mail task renders and stores the PDF it attaches.
        certificate_email_send.delay_on_commit(certificate.pk)
    else:
        certificate_pdf_render.delay_on_commit(certificate.pk, certificate.language)
    transaction.on_commit(
        lambda: certificate_issued.send(
            sender=Certificate,
            certificate_id=certificate.pk,
            user=holder,
            course_key=certificate.course_key,
            code=certificate.code,
            issued_at=certificate.issued_at,
        )
    )


def _certificate_create(
    *, user: User, course: CoursePage, enrolment_id: int | None, issued_at: datetime
) -> Certificate:
    status_list = _status_list()
    months = course.certificate_validity_months
    language = user.preferred_language if user.preferred_language in LANGUAGES else "en"
    certificate = Certificate(
        code=codes.generate(),
        holder=user,
        course_key=course.translation_key,
        content_version=course.content_version,
        course_page=course,
        enrolment_id=enrolment_id,
        language=language,
        content=_freeze(user=user, course=course, enrolment_id=enrolment_id),
        issued_at=issued_at,
        expires_at=issued_at + relativedelta(months=months) if months else None,
        signing_key=_signing_key(),
        status_list=status_list,
        status_index=_free_index(status_list),
        subject_id=holder_subject_id(user=user),
    )
    credentials_sign(certificate)
    certificate.save()
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, actor: User, reason: str) -> Certificate:
    """Revoke for a stated reason; the status list and public page show it at once."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        return certificate
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = reason.strip()
    certificate.save(update_fields=["revoked_at", "revocation_reason"])
    audit_record(
        actor=actor,
        action="certificates.revoke",
        target=certificate,
        subject_user=certificate.holder,
        data={"reason": certificate.revocation_reason},
    )
    return certificate


@transaction.atomic
def certificate_sharing_set(
    *, certificate: Certificate, holder: User, sharing: bool
) -> Certificate:
    """The holder stops (or resumes) sharing: the public page says it was withdrawn."""
    certificate.withdrawn_at = None if sharing else timezone.now()
    certificate.save(update_fields=["withdrawn_at"])
    audit_record(
        actor=holder,
        action="certificates.share" if sharing else "certificates.withdraw",
        target=certificate,
        subject_user=holder,
    )
    return certificate


def certificate_pdf(*, certificate: Certificate, language: str, rerender: bool = False) -> str:
    """The stored PDF's name in default storage, rendered on first request (or
    when asked to re-render) and kept."""
    from certificates.pdf import pdf_render

    name = certificate.pdf_files.get(language)
    if name and not rerender and default_storage.exists(name):
        return name
    data = pdf_render(certificate, language)
    path = f"certificates/{certificate.public_id}/certificate-{certificate.code}-{language}.pdf"
    if default_storage.exists(path):
        default_storage.delete(path)
    name = default_storage.save(path, ContentFile(data))
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        locked.pdf_files = {**locked.pdf_files, language: name}
        locked.save(update_fields=["pdf_files"])
        # Recorded before anyone can get the file: the hash is the evidence.
        IssuedFile.objects.get_or_create(
            sha256=hashlib.sha256(data).hexdigest(),
            defaults={"certificate": locked, "language": language, "size": len(data)},
        )
    certificate.pdf_files = locked.pdf_files
    return name


def certificate_pdfs_rerender(*, certificate: Certificate) -> list[str]:
    """Render again, on request only, every stored language of the PDF (and the
    learner's own); returns the languages rendered."""
    languages = sorted({certificate.language, *certificate.pdf_files})
    for language in languages:
        certificate_pdf(certificate=certificate, language=language, rerender=True)
    return languages


def certificate_email_send(*, certificate_id: int) -> str:
    """E-mail the holder, in their language, the link to their certificates page
    and the PDF; once (marker `emailed_at`, set under a row lock), never to an
    account without an e-mail address. Returns what happened."""
    from django.core.mail import EmailMultiAlternatives
    from django.template.loader import render_to_string
    from django.urls import reverse

    from certificates.links import absolute, verify_url

    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("holder")
            .filter(pk=certificate_id)
            .first()
        )
        if certificate is None:
            return "missing"
        if certificate.emailed_at is not None:
            return "already sent"
        holder = certificate.holder
        if not holder.email:
            return "no e-mail"
        language = certificate.language
        name = certificate_pdf(certificate=certificate, language=language)
        with default_storage.open(name, "rb") as stored:
            pdf = stored.read()
        with translation.override(language):
            context = {
                "name": certificate.content["holder_name"],
                "course": certificate.text("course", language),
                "code": certificate.display_code,
                "page_url": absolute(reverse("certificates:mine")),
                "verify_url": verify_url(certificate.code),
                "language": language,
            }
            subject = render_to_string("certificates/email/issued_subject.txt", context)
            message = EmailMultiAlternatives(
                subject=" ".join(subject.split()),
                body=render_to_string("certificates/email/issued_body.txt", context),
                to=[holder.email],
                headers={"Content-Language": language},
            )
            message.attach_alternative(
                render_to_string("certificates/email/issued_body.html", context), "text/html"
            )
            message.attach(
                f"certificate-{certificate.display_code}-{language}.pdf", pdf, "application/pdf"
            )
        # Sent inside the lock: a second run waits, then sees the marker. A crash
        # between sending and committing may send it again (at least once).
        message.send()
        certificate.emailed_at = timezone.now()
        certificate.save(update_fields=["emailed_at"])
    return "sent"


def certificates_pending_issue(*, user: User) -> int:
    """Queue the certificates that waited for the learner's legal name: one
    `certificate_issue_for_completion` task per completed certificate course
    without a certificate (issuing stays exactly once). Returns how many."""
    from certificates.selectors import completions_without_certificate
    from certificates.tasks import certificate_issue_for_completion

    pending = list(completions_without_certificate(learner=user))
    for enrolment in pending:
        completed_at = enrolment.completed_at.isoformat() if enrolment.completed_at else None
        certificate_issue_for_completion.delay_on_commit(
            user.pk, enrolment.course_id, enrolment.pk, completed_at
        )
    return len(pending)


def certificates_pending_sweep(*, limit: int = 500) -> int:
    """Issue what a lost task or a late legal name left behind: completed
    certificate courses of learners with a legal name and no certificate.
    Safe to run at any time (issuing is idempotent). Returns how many issued."""
    from certificates.selectors import completions_without_certificate
    from courses.selectors import course_in_language

    issued = 0
    for enrolment in completions_without_certificate().select_related("learner", "course")[:limit]:
        learner = enrolment.learner
        course = course_in_language(course=enrolment.course, language=learner.preferred_language)
        if certificate_issue(
            user=learner,
            course=course,
            enrolment_id=enrolment.pk,
            completed_at=enrolment.completed_at,
        ):
            issued += 1
    return issued


def receipt_record(*, certificate_id: int, channel: str, organisation: str = "") -> None:
    """Tell the holder that their certificate was checked (and by whom, if said)."""
    VerificationReceipt.objects.create(
        certificate_id=certificate_id, channel=channel, organisation=organisation.strip()[:200]
    )


@transaction.atomic
def bulk_job_create(*, actor: User, course: CoursePage, usernames: list[str]) -> BulkIssueJob:
    """Queue the issuing of a course's certificate to many learners."""
    job = BulkIssueJob.objects.create(
        created_by=actor, course_page=course, usernames=usernames, total=len(usernames)
    )
    audit_record(
        actor=actor,
        action="certificates.bulk_issue",
        target=job,
        data={"course": course.pk, "count": len(usernames)},
    )
    from certificates.tasks import bulk_job_run

    bulk_job_run.delay_on_commit(job.pk, 0)
    return job


def _bulk_job_claim(*, job_id: int, start: int, token: str) -> bool:
    """Take the job for one chunk: free and at `start` (the chunk queued by the
    previous one), or held by a chunk whose heartbeat stopped (its worker died).
    One conditional UPDATE, so two deliveries of a chunk never both run."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.JOBS_STALE_SECONDS)
    return bool(
        BulkIssueJob.objects.filter(pk=job_id)
        .exclude(state=BulkIssueJob.State.DONE)
        .filter(Q(claimed_by="", done=start) | Q(heartbeat_at__lt=stale))
        .update(claimed_by=token, heartbeat_at=now, state=BulkIssueJob.State.RUNNING)
    )


def bulk_job_chunk(*, job_id: int, start: int, size: int | None = None) -> int | None:
    """Issue the next `size` learners of a job (CERTIFICATES_BULK_CHUNK), saving
    progress and a heartbeat after each. Returns where the next chunk starts, or
    None when the job is done or not this chunk's to do (another chunk holds it,
    or it moved past `start`). Issuing is exactly once per learner and course,
    so a learner handled again after a crash gets no second certificate."""
    token = uuid.uuid4().hex
    if not _bulk_job_claim(job_id=job_id, start=start, token=token):
        return None
    job = BulkIssueJob.objects.get(pk=job_id)
    mine = BulkIssueJob.objects.filter(pk=job_id, claimed_by=token)
    course = CoursePage.objects.get(pk=job.course_page_id)
    end = min(job.done + (size or settings.CERTIFICATES_BULK_CHUNK), job.total)
    names = job.usernames[job.done : end]
    users = {u.username: u for u in User.objects.filter(username__in=names)}
    issued, errors = job.issued, list(job.errors)
    for position, username in enumerate(names, start=job.done):
        user = users.get(username)
        if user is None:
            errors.append(username)
        elif certificate_issue(user=user, course=course, issued_by=job.created_by):
            issued += 1
        if not mine.update(
            done=position + 1, issued=issued, errors=errors, heartbeat_at=timezone.now()
        ):
            return None  # taken over after a long stall: the other chunk goes on
    finished = end >= job.total
    mine.update(
        claimed_by="",
        heartbeat_at=timezone.now(),
        state=BulkIssueJob.State.DONE if finished else BulkIssueJob.State.RUNNING,
    )
    return None if finished else end


def bulk_job_run(*, job: BulkIssueJob) -> BulkIssueJob:
    """Run a job's chunks here, one after the other (what the chain of chunk
    tasks does on workers); safe to run again: a done job does nothing."""
    start = job.done
    while (start := bulk_job_chunk(job_id=job.pk, start=start)) is not None:
        pass
    job.refresh_from_db()
    return job


def bulk_jobs_stalled() -> list[tuple[int, int]]:
    """(job, position) of unfinished jobs with no heartbeat for JOBS_STALE_SECONDS:
    a lost chunk message or a dead worker."""
    stale = timezone.now() - timedelta(seconds=settings.JOBS_STALE_SECONDS)
    return list(
        BulkIssueJob.objects.exclude(state=BulkIssueJob.State.DONE)
        .filter(Q(heartbeat_at__lt=stale) | Q(heartbeat_at__isnull=True, created_at__lt=stale))
        .order_by("pk")
        .values_list("pk", "done")
    )
