"""Admin: DigComp, question banks and questions grouped under one menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from courses.models import DigCompArea, DigCompCompetence, Question, QuestionBank


class DigCompAreaViewSet(SnippetViewSet):
    model = DigCompArea
    icon = "folder-open-inverse"
    menu_label = _("DigComp areas")
    list_display = ["code", "title_en", "title_nl", "title_fr", "title_de"]
    # The framework's 5 areas and 21 competences are fixed; only titles change.
    add_to_admin_menu = False


class DigCompCompetenceViewSet(SnippetViewSet):
    model = DigCompCompetence
    icon = "tag"
    menu_label = _("DigComp competences")
    list_display = ["code", "title_en", "title_nl", "title_fr", "title_de"]
    list_filter = ["area"]
    search_fields = ["title_en", "code"]


class QuestionBankViewSet(SnippetViewSet):
    model = QuestionBank
    icon = "folder-inverse"
    menu_label = _("Question banks")
    list_display = ["title", "locale"]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["__str__", "bank", "kind", "difficulty", "competence", "locale"]
    list_filter = ["bank", "kind", "difficulty"]


class CourseContentGroup(SnippetViewSetGroup):
    menu_label = _("Course content")
    menu_icon = "folder-open-1"
    menu_order = 250
    items = (QuestionBankViewSet, QuestionViewSet, DigCompCompetenceViewSet, DigCompAreaViewSet)


register_snippet(CourseContentGroup)
from courses.h5p import admin_views  # noqa: E402,F401 - registers the H5P admin pages


@hooks.register("register_admin_viewset")
def register_h5p_content_chooser():
    from courses.h5p.chooser import h5p_content_chooser_viewset

    return h5p_content_chooser_viewset


def _keep_the_final_exam(request, page):
    # Deleting or unpublishing the lesson (or module) that holds a certifying
    # course's only final exam would leave a certificate without an exam.
    from django.contrib import messages
    from django.shortcuts import redirect

    from courses.models import CoursePage, LessonPage, ModulePage
    from courses.page_forms import EXAM_REMOVED
    from courses.selectors import exams

    if not isinstance(page, LessonPage | ModulePage):
        return None
    course = CoursePage.objects.ancestor_of(page).first()
    if course is None or not course.certificate_enabled:
        return None
    if not exams.course_has_final_exam(course=course):
        return None  # nothing to keep (the certificate is refused at issue anyway)
    if exams.course_has_final_exam(course=course, excluding_path=page.path):
        return None
    messages.error(request, EXAM_REMOVED)
    return redirect("wagtailadmin_pages:edit", page.pk)


hooks.register("before_delete_page", _keep_the_final_exam)
hooks.register("before_unpublish_page", _keep_the_final_exam)


@hooks.register("register_reports_menu_item")
def register_lessons_to_review_menu_item():
    from courses import admin_reports

    return admin_reports.menu_item()


@hooks.register("register_admin_urls")
def register_lessons_to_review_urls():
    from courses import admin_reports

    return admin_reports.urls()


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    """A live page served by Wagtail may be kept in the shared page cache if
    nothing about its response forbids it (courses/page_cache.py decides)."""
    if request.method == "GET" and not getattr(request, "is_preview", False):
        from courses.page_cache import page_cache_allow

        page_cache_allow(request)
    return None
