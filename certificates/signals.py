"""Signals certificates sends, and receivers of other apps' signals.

certificate_issued
    Sent once per certificate, after the transaction that issued it has
    committed (never for a retry or duplicate call that found it issued).
    Keyword arguments:
      certificate_id  int — the certificate
      user            lms.User — the holder
      course_key      UUID — the course (translation_key)
      code            str — the verification code (normalised)
      issued_at       datetime

Receivers only enqueue a task once the transaction commits; the task calls the
idempotent issuing service.
"""

from django.dispatch import Signal

from courses.models import CoursePage
from lms.models import User

certificate_issued = Signal()


def on_course_completed(
    sender, *, user: User, course: CoursePage, enrolment_id: int, completed_at, **kwargs
) -> None:
    """lms.signals.course_completed: issue the certificate (exactly once, in a task)."""
    from certificates.tasks import certificate_issue_for_completion

    if user.account_type == User.AccountType.YOUNG:
        return  # no public certificate for a child (the service refuses too)
    certificate_issue_for_completion.delay_on_commit(
        user.pk, course.pk, enrolment_id, completed_at.isoformat() if completed_at else None
    )


def on_legal_name_given(sender, *, user: User, **kwargs) -> None:
    """lms.signals.legal_name_given: issue the certificates that waited for it."""
    from certificates.services import certificates_pending_issue

    certificates_pending_issue(user=user)
