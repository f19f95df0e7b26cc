"""Demo certificate: the demo learner holds the security diploma. Demo only."""

from certificates import codes, services
from courses.models import CoursePage
from courses.models.pages import Track
from lms.models import User


def seed() -> str | None:
    """Issue the demo learner's certificate for the first security course with
    a final exam, once the learner has passed it; returns the printed code."""
    learner = User.objects.filter(username="learner").first()
    from courses.selectors.exams import course_has_final_exam

    candidates = (
        CoursePage.objects.live()
        .filter(track=Track.SECURITY, certificate_enabled=True)
        .order_by("path")
    )
    course = next((c for c in candidates if course_has_final_exam(course=c)), None)
    if learner is None or course is None:
        return None
    from lms.demo import exam_pass_seed

    # A certificate only after a passed final exam: the demo learner sits it.
    if not exam_pass_seed(learner=learner, course=course):
        return None
    certificate = services.certificate_issue(user=learner, course=course)
    return codes.display(certificate.code) if certificate else None
