"""Receivers of other apps' signals. They only enqueue a task once the
transaction commits; the task calls the idempotent issuing service."""

from courses.models import CoursePage
from lms.models import User


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
