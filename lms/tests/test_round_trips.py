"""The lesson page's reads in one round trip (events, attempts and where the
learner is) and the signed-in person read with their groups (issue 21): the
same answers as the separate queries, fewer round trips, nothing stale."""

import pytest
from django.contrib.auth import get_user
from django.contrib.auth.models import Group, Permission
from django.db import connection, transaction
from django.test import RequestFactory
from django.urls import reverse

from conftest import connection_end_by_server
from lms.models import Attempt, Enrolment, User
from lms.roles import GROUP_NAMES, Role
from lms.selectors import course_progress
from lms.selectors.accounts import (
    _groups_and_admin_access,
    user_may_use_admin,
    user_roles,
    user_with_groups,
)
from lms.services import (
    enrolment_cancel,
    lesson_view_move,
    lesson_view_record,
    quiz_answer_save,
    quiz_attempt_start,
    quiz_attempt_submit,
)
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
POSTGRESQL = connection.vendor == "postgresql"


def _attempts(enrolment, tree):
    """A graded attempt and an open one, with their questions and answers (JSON)."""
    lesson = tree.practice_lesson
    key = tree.quiz_key(lesson)
    graded = quiz_attempt_start(enrolment=enrolment, lesson=lesson, activity_key=key)[0]
    answers = {q["question"]: tree.correct[q["question"]] for q in graded.questions}
    quiz_attempt_submit(attempt=graded, answers=answers)
    open_ = quiz_attempt_start(enrolment=enrolment, lesson=lesson, activity_key=key)[0]
    first = open_.questions[0]["question"]
    quiz_answer_save(attempt=open_, answers={first: [tree.wrong[first]]})
    return key


def _fields(attempt) -> dict:
    return {f.attname: getattr(attempt, f.attname) for f in Attempt._meta.concrete_fields}


def test_the_attempts_read_with_the_events_are_those_the_orm_reads(enrolment, tree):
    key = _attempts(enrolment, tree)
    progress = course_progress(enrolment=enrolment)
    read = progress.results[key].attempts
    expected = list(Attempt.objects.filter(enrolment=enrolment).order_by("number"))
    assert [_fields(a) for a in read] == [_fields(a) for a in expected]
    # JSON decoded as the ORM decodes it, not left as text.
    assert isinstance(read[0].questions, list) and isinstance(read[1].answers, dict)
    assert read[1].answers and read[0].status != read[1].status
    assert progress.results[key].graded == [read[0]]


def test_the_move_goes_with_the_reads_in_one_round_trip(enrolment, tree, django_assert_num_queries):
    lesson = tree.lessons[2]
    move = lesson_view_move(enrolment=enrolment, lesson=lesson)
    assert move is not None
    # The enrolment object says the new place at once.
    assert enrolment.last_lesson_key == lesson.translation_key
    with django_assert_num_queries(1 if POSTGRESQL else 3):
        progress = course_progress(enrolment=enrolment, then=move)
    assert progress.viewed_lessons == set()
    written = Enrolment.objects.get(pk=enrolment.pk)
    assert written.last_lesson_key == lesson.translation_key
    assert written.last_activity_at == enrolment.last_activity_at


def test_a_cancelled_enrolment_is_not_moved(enrolment, tree, learner):
    enrolment_cancel(enrolment=enrolment, cancelled_by=learner)
    enrolment.refresh_from_db()
    assert lesson_view_move(enrolment=enrolment, lesson=tree.lessons[2]) is None


def test_a_first_view_after_the_move_is_still_its_event(enrolment, tree):
    lesson = tree.lessons[3]
    move = lesson_view_move(enrolment=enrolment, lesson=lesson)
    progress = course_progress(enrolment=enrolment, then=move)
    first_view = lesson.translation_key not in progress.viewed_lessons
    assert first_view is True
    lesson_view_record(enrolment=enrolment, lesson=lesson, first_view=first_view, moved=True)
    again = course_progress(enrolment=enrolment)
    assert again.viewed_lessons == {lesson.translation_key}
    # A later view with the move done: nothing more is written.
    before = Enrolment.objects.get(pk=enrolment.pk).last_activity_at
    lesson_view_record(enrolment=enrolment, lesson=lesson, first_view=False, moved=True)
    assert Enrolment.objects.get(pk=enrolment.pk).last_activity_at == before


def _commit_setting() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


@pytest.mark.skipif(not POSTGRESQL, reason="PostgreSQL's commit setting")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_move_sent_with_the_reads_leaves_the_next_commits_waiting_for_the_disk(enrolment, tree):
    move = lesson_view_move(enrolment=enrolment, lesson=tree.lessons[1])
    assert move[0].startswith("SET LOCAL synchronous_commit TO OFF; ")
    course_progress(enrolment=enrolment, then=move)
    assert _commit_setting() == "on"
    enrolment.refresh_from_db()
    assert enrolment.last_lesson_key == tree.lessons[1].translation_key
    # Inside a caller's transaction the commit is theirs, as they set it.
    with transaction.atomic():
        move = lesson_view_move(enrolment=enrolment, lesson=tree.lessons[2])
        assert "synchronous_commit" not in move[0]
        course_progress(enrolment=enrolment, then=move)
        assert _commit_setting() == "on"


# --- The signed-in person with their groups ---------------------------------


def _admin_group() -> Group:
    group = Group.objects.create(name="Site editors")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def test_the_person_comes_with_the_groups_the_separate_query_reads(django_assert_num_queries):
    teacher = UserFactory()
    teacher.groups.add(Group.objects.get_or_create(name=GROUP_NAMES[Role.TEACHER])[0])
    teacher.groups.add(_admin_group())
    expected = _groups_and_admin_access(User.objects.get(pk=teacher.pk))
    with django_assert_num_queries(1 if POSTGRESQL else 2):
        user = user_with_groups(user_id=teacher.pk)
        assert user.pk == teacher.pk
        assert user_roles(user=user) == {Role.TEACHER}
        assert user_may_use_admin(user=user) is True
    assert _groups_and_admin_access(user) == expected
    assert len(expected) == 3  # Teachers, Site editors, the admin-access marker


def test_the_person_read_with_the_groups_is_the_one_the_orm_reads():
    person = UserFactory(display_name="Amélie", first_name="Amélie", last_name="Dupont")
    read = user_with_groups(user_id=person.pk)
    expected = User.objects.get(pk=person.pk)
    fields = [f.attname for f in User._meta.concrete_fields]
    assert {f: getattr(read, f) for f in fields} == {f: getattr(expected, f) for f in fields}
    assert read._state.adding is False and read._state.db == expected._state.db
    assert read.check_password("wrong") is False


def test_a_person_without_groups_reads_none(django_assert_num_queries):
    plain = UserFactory()
    with django_assert_num_queries(1 if POSTGRESQL else 2):
        user = user_with_groups(user_id=plain.pk)
        assert user_roles(user=user) == frozenset()
        assert user_may_use_admin(user=user) is False
    assert user_with_groups(user_id=plain.pk + 1000) is None


def test_admin_access_given_to_the_person_directly_is_read_along():
    editor = UserFactory()
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    assert user_may_use_admin(user=user_with_groups(user_id=editor.pk)) is True


def _request_as(client, user):
    client.force_login(user)
    request = RequestFactory().get("/")
    request.session = client.session
    return request


def test_every_request_reads_the_groups_afresh(client):
    teacher = UserFactory()
    group = Group.objects.get_or_create(name=GROUP_NAMES[Role.TEACHER])[0]
    teacher.groups.add(group)
    request = _request_as(client, teacher)
    assert user_roles(user=get_user(request)) == {Role.TEACHER}
    teacher.groups.remove(group)
    assert user_roles(user=get_user(request)) == frozenset()


def test_a_deactivated_person_is_signed_out_by_both_backends(client):
    person = UserFactory()
    request = _request_as(client, person)
    assert get_user(request).pk == person.pk
    User.objects.filter(pk=person.pk).update(is_active=False)
    assert not get_user(request).is_authenticated
    from lms.auth_backends import AuthenticationBackend, ModelBackend

    assert ModelBackend().get_user(person.pk) is None
    assert AuthenticationBackend().get_user(person.pk) is None


def test_a_teacher_sees_their_classes_in_the_menu_until_the_role_is_taken_away(client):
    teacher = UserFactory()
    group = Group.objects.get_or_create(name=GROUP_NAMES[Role.TEACHER])[0]
    teacher.groups.add(group)
    client.force_login(teacher)
    page = reverse("lms:dashboard")
    assert "My classes" in client.get(page).content.decode()
    teacher.groups.remove(group)
    assert "My classes" not in client.get(page).content.decode()


@pytest.mark.skipif(not POSTGRESQL, reason="the person with the groups is one read on PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_person_is_read_without_a_health_check_before_it(new_request_on_kept_connection):
    from django.test.utils import CaptureQueriesContext

    person = UserFactory()
    health_checks = new_request_on_kept_connection()
    with CaptureQueriesContext(connection) as queries:
        assert user_with_groups(user_id=person.pk) == person
    assert health_checks == [] and len(queries) == 1
    # Later reads of the request do not check either (Django checks once).
    with CaptureQueriesContext(connection) as queries:
        assert Enrolment.objects.filter(learner=person).count() == 0
    assert health_checks == [] and len(queries) == 1


@pytest.mark.skipif(not POSTGRESQL, reason="ending a server connection needs PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_dead_kept_connection_is_replaced_and_the_person_is_read(
    new_request_on_kept_connection,
):
    person = UserFactory()
    new_request_on_kept_connection()
    pid = connection_end_by_server()
    assert user_with_groups(user_id=person.pk) == person
    assert connection.connection.info.backend_pid != pid
