"""Demo certificate: the demo learner holds the security diploma. Demo only."""

from certificates import codes, services
from courses.models import CoursePage
from courses.models.pages import Track
from lms.models import User


def seed() -> str | None:
    """Issue the demo learner's certificate for the first security course, if
    the content has one; returns its printed verification code."""
    learner = User.objects.filter(username="learner").first()
    course = (
        CoursePage.objects.live()
        .filter(track=Track.SECURITY, certificate_enabled=True)
        .order_by("path")
        .first()
    )
    if learner is None or course is None:
        return None
    certificate = services.certificate_issue(user=learner, course=course)
    return codes.display(certificate.code) if certificate else None
