from wagtail import hooks

from courses.models import LessonPage
from lms.selectors import lesson_enrolment
from lms.services import lesson_view_record


@hooks.register("before_serve_page")
def remember_lesson_view(page, request, serve_args, serve_kwargs):
    """An enrolled learner opened a lesson: remember it for "continue where you
    left off" (the page itself is rendered as usual)."""
    if not isinstance(page, LessonPage) or not request.user.is_authenticated:
        return None
    if request.method != "GET" or getattr(request, "is_preview", False):
        return None
    course, enrolment = lesson_enrolment(learner=request.user, lesson=page)
    if enrolment is not None:
        lesson_view_record(enrolment=enrolment, lesson=page)
        request.lms_enrolment = enrolment
        request.lms_course = course
    return None
