"""Receivers of the signals that become webhook events. They only call services."""

from partners.services.webhooks import (
    webhook_certificate_issued,
    webhook_course_completed,
    webhook_learners_enrolled,
)


def on_learners_enrolled(sender, *, organisation_id, enrolments, **kwargs) -> None:
    """partners.signals.learners_enrolled -> one `learner.enrolled` per enrolment."""
    webhook_learners_enrolled(organisation_id=organisation_id, enrolments=enrolments)


def on_course_completed(sender, *, user, course, enrolment_id, completed_at, **kwargs) -> None:
    """lms.signals.course_completed -> `course.completed`."""
    webhook_course_completed(
        user=user, course_key=course.translation_key, completed_at=completed_at
    )


def on_certificate_issued(sender, *, user, course_key, code, issued_at, **kwargs) -> None:
    """certificates.signals.certificate_issued -> `certificate.issued`."""
    webhook_certificate_issued(user=user, course_key=course_key, code=code, issued_at=issued_at)
