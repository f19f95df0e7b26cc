"""Celery tasks of certificates: thin, idempotent wrappers that load by id and
call a service. A retry or a second delivery changes nothing."""

from celery import shared_task

from certificates import services
from certificates.models import Certificate
from courses.models import CoursePage
from lms.models import User


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def certificate_issue_for_completion(
    self, user_id: int, course_id: int, enrolment_id: int | None, completed_at: str | None
) -> str:
    """Issue the certificate for a completed course, exactly once."""
    from django.utils.dateparse import parse_datetime

    user = User.objects.filter(pk=user_id).first()
    course = CoursePage.objects.filter(pk=course_id).first()
    if user is None or course is None:
        return "missing"
    certificate = services.certificate_issue(
        user=user,
        course=course,
        enrolment_id=enrolment_id,
        completed_at=parse_datetime(completed_at) if completed_at else None,
    )
    if certificate is None and not user.has_legal_name:
        # Not lost: the legal name form or the sweep issues it later.
        return "waiting for the legal name"
    return certificate.code if certificate else "no certificate"


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def certificate_pdf_render(self, certificate_id: int, language: str) -> str:
    """Render and store the PDF once, right after issue."""
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        return "missing"
    return services.certificate_pdf(certificate=certificate, language=language)


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def certificate_email_send(self, certificate_id: int) -> str:
    """E-mail the new certificate's link and PDF to the holder, once (SMTP errors
    are OSErrors: retried with backoff; the marker keeps a retry from resending)."""
    return services.certificate_email_send(certificate_id=certificate_id)


@shared_task
def receipt_record(certificate_id: int, channel: str, organisation: str = "") -> None:
    """Record a verification receipt (messages queued before receipts went
    through the buffer of `certificates.receipts`; nothing sends it now)."""
    services.receipt_record(
        certificate_id=certificate_id, channel=channel, organisation=organisation
    )


@shared_task(bind=True, acks_late=True)
def bulk_job_run(self, job_id: int, start: int = 0) -> str:
    """One chunk of a bulk issuing job, then queue the next: each task is short,
    and a chunk lost with its worker is taken over (redelivery or resume)."""
    next_start = services.bulk_job_chunk(job_id=job_id, start=start)
    while next_start is not None and self.request.is_eager:
        # In-process (no broker): the chunks run here, one after the other.
        next_start = services.bulk_job_chunk(job_id=job_id, start=next_start)
    if next_start is None:
        return "done or not mine"
    bulk_job_run.delay(job_id, next_start)
    return f"next from {next_start}"


@shared_task(keep_when_refused=False)
def receipts_drain() -> int:
    """Beat: move the buffered receipts of checks into the database (exactly
    once, however many drains run)."""
    from certificates.receipts import receipts_drain as drain

    return drain()


@shared_task(keep_when_refused=False)
def bulk_jobs_resume() -> int:
    """Beat: queue again the bulk jobs whose chunks stopped (a dead worker, a
    lost message); the chunk's claim makes a double harmless."""
    stalled = services.bulk_jobs_stalled()
    for job_id, done in stalled:
        bulk_job_run.delay(job_id, done)
    return len(stalled)


@shared_task(keep_when_refused=False)
def certificates_pending_sweep() -> int:
    """Beat: issue the certificates a lost task or a late legal name left behind,
    and queue the e-mails of new certificates that never went (sent once: the
    e-mail's own marker)."""
    from certificates.selectors import certificate_emails_unsent

    for certificate_id in certificate_emails_unsent():
        certificate_email_send.delay(certificate_id)
    return services.certificates_pending_sweep()


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def name_correction_email_send(self, correction_id: int) -> str:
    """Tell the holder what was decided on their name correction."""
    from certificates.services_corrections import name_correction_email_send as send

    return send(correction_id=correction_id)
