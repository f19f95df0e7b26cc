from django.urls import reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from courses.models import LessonPage
from courses.selectors import lesson_place
from lms.selectors import course_progress, lesson_enrolment
from lms.services import lesson_view_move, lesson_view_record


@hooks.register("before_serve_page")
def remember_lesson_view(page, request, serve_args, serve_kwargs):
    """An enrolled learner opened a lesson: remember it for "continue where you
    left off" (the page itself is rendered as usual)."""
    if not isinstance(page, LessonPage) or not request.user.is_authenticated:
        return None
    if request.method != "GET" or getattr(request, "is_preview", False):
        return None
    # The lesson's course from its place (kept under the page-tree version,
    # which the page's context reads too): the enrolment without a tree walk.
    place = lesson_place(lesson=page)
    if place.course is None:
        return None
    course, enrolment = lesson_enrolment(learner=request.user, lesson=page, course=place.course)
    if enrolment is not None:
        request.lms_enrolment = enrolment
        request.lms_course = course
        if enrolment.status == enrolment.Status.CANCELLED:
            return None
        # Read once here for the whole page (lms_tags), and it tells whether
        # this view is the first (the only one that is an event); where the
        # learner is goes in the same round trip as the reads.
        move = lesson_view_move(enrolment=enrolment, lesson=page)
        progress = course_progress(enrolment=enrolment, course=course, then=move)
        request.lms_progress = progress
        first_view = page.translation_key not in progress.viewed_lessons
        lesson_view_record(enrolment=enrolment, lesson=page, first_view=first_view, moved=True)
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
        from lms.permissions.exams import EXAM_STATISTICS_PERMISSION

        return request.user.has_perm(EXAM_STATISTICS_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_exam_integrity_menu_item():
    return _ExamMenuItem(
        gettext_lazy("Exam integrity"),
        reverse("exam_integrity_index"),
        icon_name="table",
        order=460,
    )
