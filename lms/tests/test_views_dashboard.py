import pytest
from django.urls import reverse

from lms.services import enrolment_create, lesson_progress_record, quiz_attempt_start
from lms.tests.content import course_tree

pytestmark = pytest.mark.django_db


def _enrol_in(home_page, learner, count, offset=0):
    for n in range(count):
        tree = course_tree(home_page, title=f"Course {offset + n}")
        enrolment = enrolment_create(learner=learner, course=tree.course, source="self")
        lesson_progress_record(
            enrolment=enrolment, lesson=tree.lessons[0], event="completed", idempotency_key="a"
        )
        quiz_attempt_start(
            enrolment=enrolment,
            lesson=tree.practice_lesson,
            activity_key=tree.quiz_key(tree.practice_lesson),
        )


def test_the_dashboard_lists_my_courses_with_progress_and_next_step(
    client, tree, enrolment, learner
):
    lesson_progress_record(
        enrolment=enrolment, lesson=tree.lessons[0], event="completed", idempotency_key="a"
    )
    client.force_login(learner)
    page = client.get(reverse("lms:dashboard")).content.decode()
    assert tree.course.title in page
    assert 'aria-valuenow="16"' in page
    assert "Next step" in page and tree.lessons[1].title in page
    assert "Check what you know" in page and "Final exam" in page


def test_the_dashboard_shows_nothing_of_other_learners(client, tree, enrolment):
    from lms.tests.factories import UserFactory

    client.force_login(UserFactory())
    page = client.get(reverse("lms:dashboard")).content.decode()
    assert tree.course.title not in page
    assert "You have not started a course yet." in page


def test_the_dashboard_query_count_does_not_grow_with_courses(
    client, home_page, learner, django_assert_max_num_queries
):
    _enrol_in(home_page, learner, 1)
    client.force_login(learner)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one_course:
        client.get(reverse("lms:dashboard"))
    _enrol_in(home_page, learner, 4, offset=1)
    with django_assert_max_num_queries(len(one_course.captured_queries)):
        page = client.get(reverse("lms:dashboard")).content.decode()
    assert page.count("progress__track") == 5


def test_a_completed_course_links_to_my_certificates(client, tree, enrolment, learner):
    from django.utils import timezone

    from lms.models import Enrolment

    Enrolment.objects.filter(pk=enrolment.pk).update(
        status=Enrolment.Status.COMPLETED, completed_at=timezone.now()
    )
    client.force_login(learner)
    page = client.get(reverse("lms:dashboard")).content.decode()
    assert f'href="{reverse("certificates:mine")}"' in page
    assert "Your certificate" in page
    assert "Leave this course" not in page
