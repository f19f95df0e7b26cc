"""Admin forms of course pages: a course issues a certificate only when one
of its required lessons holds a required, server-graded exam."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

NO_FINAL_EXAM = _(
    "A course issues a certificate only when its completion includes a server-graded "
    "final assessment: add a required lesson with a required quiz in exam mode (drawn "
    "from an exam bank by a blueprint), publish it, then switch the certificate on."
)
EXAM_REMOVED = _(
    "This course issues a certificate and this lesson holds its only final exam: the "
    "certificate needs a server-graded final assessment. Keep the exam (required, exam "
    "mode) or switch the course's certificate off first."
)


class CoursePageForm(WagtailAdminPageForm):
    """Refuses “issue a certificate” for a course without a final exam."""

    def clean(self):
        cleaned = super().clean()
        from courses.selectors import exams

        page = self.instance
        if cleaned.get("certificate_enabled") and (
            page.pk is None or not exams.course_has_final_exam(course=page)
        ):
            self.add_error("certificate_enabled", NO_FINAL_EXAM)
        return cleaned


class LessonPageForm(WagtailAdminPageForm):
    """Refuses an edit that takes away the final exam of a certifying course."""

    def clean(self):
        cleaned = super().clean()
        from courses.models import CoursePage
        from courses.selectors import exams

        page = self.instance
        if page.pk is None or "body" not in cleaned:
            return cleaned
        keeps_exam = cleaned.get("required", True) and exams.body_has_final_exam(
            body=cleaned["body"]
        )
        if keeps_exam:
            return cleaned
        stored = type(page).objects.filter(pk=page.pk).only("id", "body", "required").first()
        had_exam = (
            stored is not None and stored.required and exams.body_has_final_exam(body=stored.body)
        )
        if not had_exam:
            return cleaned
        course = CoursePage.objects.ancestor_of(page).first()
        if (
            course is not None
            and course.certificate_enabled
            and not exams.course_has_final_exam(course=course, excluding_lesson_id=page.pk)
        ):
            self.add_error(None, EXAM_REMOVED)
        return cleaned
