"""Admin report "Lessons to review": the lessons an editor marked for review,
with what to check, oldest review first (Reports menu)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView

from courses.models import LessonPage


class LessonsToReviewView(PageReportView):
    page_title = _("Lessons to review")
    header_icon = "warning"
    index_url_name = "courses_lessons_to_review"
    index_results_url_name = "courses_lessons_to_review_results"
    results_template_name = "courses/admin/lessons_to_review_results.html"
    list_export = [*PageReportView.list_export, "reviewed_on", "review_note"]
    export_headings = {
        **PageReportView.export_headings,
        "reviewed_on": _("Last reviewed"),
        "review_note": _("What to check"),
    }

    def get_queryset(self):
        return (
            LessonPage.objects.filter(review_requested=True)
            .select_related("locale")
            .order_by("reviewed_on", "title")
        )


def menu_item() -> MenuItem:
    return MenuItem(
        _("Lessons to review"), reverse("courses_lessons_to_review"), icon_name="warning"
    )


def urls() -> list:
    return [
        path(
            "reports/lessons-to-review/",
            LessonsToReviewView.as_view(),
            name="courses_lessons_to_review",
        ),
        path(
            "reports/lessons-to-review/results/",
            LessonsToReviewView.as_view(results_only=True),
            name="courses_lessons_to_review_results",
        ),
    ]
