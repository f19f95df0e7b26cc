"""In the editor, a course issues a certificate only with a server-graded final
exam: switching it on without one is refused, and so is publishing a lesson
that takes the only exam away."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import CoursePage, LessonPage
from courses.page_forms import NO_FINAL_EXAM
from courses.selectors import exams
from courses.tests.test_admin_courses import course_form
from lms.roles import Role
from lms.services import role_grant
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, db):
    user = UserFactory(username="editor-jan")
    role_grant(user=user, role=Role.EDITOR, granted_by=None)
    client.force_login(user)
    return client


def _publish_course(admin, course, *, certificate: bool):
    data = course_form(
        title=course.title, slug=course.slug, certificate_enabled="on" if certificate else ""
    )
    return admin.post(
        reverse("wagtailadmin_pages:edit", args=[course.pk]), {**data, "action-publish": "1"}
    )


def _publish_lesson(admin, lesson, body):
    data = nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "body": streamfield(body),
            "sources": streamfield([]),
            "required": "on",
        }
    )
    return admin.post(
        reverse("wagtailadmin_pages:edit", args=[lesson.pk]), {**data, "action-publish": "1"}
    )


def _without_exam(tree):
    LessonPage.objects.filter(pk=tree.exam_lesson.pk).update(body=[])
    LessonPage.objects.filter(pk=tree.exam_lesson.pk).update(live=False)


def test_a_course_with_a_required_exam_may_issue_a_certificate(admin, home_page):
    tree = course_tree(home_page)
    response = _publish_course(admin, tree.course, certificate=True)
    assert response.status_code == 302
    assert CoursePage.objects.get(pk=tree.course.pk).certificate_enabled


def test_a_course_without_an_exam_cannot_switch_the_certificate_on(admin, home_page):
    tree = course_tree(home_page)
    CoursePage.objects.filter(pk=tree.course.pk).update(certificate_enabled=False)
    _without_exam(tree)
    response = _publish_course(admin, tree.course, certificate=True)
    assert response.status_code == 200
    assert str(NO_FINAL_EXAM) in response.content.decode().replace("&#x27;", "'")
    assert not CoursePage.objects.get(pk=tree.course.pk).certificate_enabled


def test_a_course_without_an_exam_may_publish_without_a_certificate(admin, home_page):
    tree = course_tree(home_page)
    _without_exam(tree)
    response = _publish_course(admin, tree.course, certificate=False)
    assert response.status_code == 302


def test_publishing_a_lesson_that_removes_the_only_exam_is_refused(admin, home_page):
    tree = course_tree(home_page)
    response = _publish_lesson(
        admin, tree.exam_lesson, [("paragraph", rich_text("<p>No exam any more.</p>"))]
    )
    assert response.status_code == 200
    assert "holds its only final exam" in response.content.decode()
    assert exams.body_has_final_exam(body=LessonPage.objects.get(pk=tree.exam_lesson.pk).body)


def test_the_exam_may_go_once_the_certificate_is_off(admin, home_page):
    tree = course_tree(home_page)
    CoursePage.objects.filter(pk=tree.course.pk).update(certificate_enabled=False)
    response = _publish_lesson(
        admin, tree.exam_lesson, [("paragraph", rich_text("<p>No exam any more.</p>"))]
    )
    assert response.status_code == 302
    assert not exams.body_has_final_exam(body=LessonPage.objects.get(pk=tree.exam_lesson.pk).body)


def test_an_h5p_activity_is_not_a_final_exam():
    body = [
        {"type": "h5p", "id": "a", "value": {"required": True, "pass_mark_percent": 100}},
        {"type": "quiz", "id": "b", "value": {"mode": "practice", "required": True}},
    ]
    assert not exams.body_has_final_exam(body=body)
    body.append({"type": "quiz", "id": "c", "value": {"mode": "exam", "required": False}})
    assert not exams.body_has_final_exam(body=body)
    body.append({"type": "quiz", "id": "d", "value": {"mode": "exam", "required": True}})
    assert exams.body_has_final_exam(body=body)


@pytest.fixture
def superuser(client, db):
    # Editors may not delete pages; administrators may.
    user = UserFactory(username="admin-lea", is_superuser=True, is_staff=True)
    client.force_login(user)
    return client


def test_the_only_exam_lesson_cannot_be_deleted_or_unpublished(superuser, home_page):
    admin = superuser
    tree = course_tree(home_page)
    lesson = tree.exam_lesson
    for view in ("wagtailadmin_pages:delete", "wagtailadmin_pages:unpublish"):
        response = admin.post(reverse(view, args=[lesson.pk]))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.live
    module = lesson.get_parent()
    response = admin.post(reverse("wagtailadmin_pages:delete", args=[module.pk]))
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[module.pk])
    assert LessonPage.objects.filter(pk=lesson.pk).exists()


def test_a_lesson_without_the_exam_can_be_deleted(superuser, home_page):
    tree = course_tree(home_page)
    response = superuser.post(reverse("wagtailadmin_pages:delete", args=[tree.lessons[0].pk]))
    assert response.status_code == 302
    assert not LessonPage.objects.filter(pk=tree.lessons[0].pk).exists()
