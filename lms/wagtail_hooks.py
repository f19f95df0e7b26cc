from django.urls import reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

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


@hooks.register("register_admin_urls")
def register_exam_integrity_urls():
    from django.urls import path

    from lms.views import exams_admin

    return [
        path("exams/", exams_admin.exam_integrity_index, name="exam_integrity_index"),
        path(
            "exams/course/<int:course_id>/",
            exams_admin.exam_integrity_course,
            name="exam_integrity_course",
        ),
        path(
            "exams/bank/<int:bank_id>/",
            exams_admin.exam_bank_statistics,
            name="exam_bank_statistics",
        ),
    ]


class _ExamMenuItem(MenuItem):
    def is_shown(self, request):
        from lms.permissions_exams import EXAM_STATISTICS_PERMISSION

        return request.user.has_perm(EXAM_STATISTICS_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_exam_integrity_menu_item():
    return _ExamMenuItem(
        gettext_lazy("Exam integrity"),
        reverse("exam_integrity_index"),
        icon_name="table",
        order=460,
    )
