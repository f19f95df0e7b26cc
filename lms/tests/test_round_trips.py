"""The lesson page's reads in one round trip (events, attempts and where the
learner is) and the signed-in person read with their groups (issue 21): the
same answers as the separate queries, fewer round trips, nothing stale."""

import pytest
from django.contrib.auth import get_user
from django.contrib.auth.models import Group, Permission
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.urls import reverse

from conftest import connection_end_by_server
from lms.models import Attempt, Enrolment, User
from lms.roles import GROUP_NAMES, Role
from lms.round_trips import _prepared, execute_prepared, prepared_statements_used
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


# --- Prepared statements ------------------------------------------------------


def test_a_statement_is_prepared_with_numbered_parameters_and_its_percent_signs():
    name, prepare, count = _prepared("SELECT %s, %s FROM t WHERE a LIKE 'x%%' AND b = %s")
    assert prepare == f"PREPARE {name} AS SELECT $1, $2 FROM t WHERE a LIKE 'x%%' AND b = $3"  # noqa: S608
    assert count == 3
    # Named by its text: the same text, the same name; another text, another.
    assert _prepared("SELECT %s, %s FROM t WHERE a LIKE 'x%%' AND b = %s")[0] == name
    assert _prepared("SELECT %s FROM t")[0] != name


def test_a_statement_with_the_wrong_number_of_parameters_is_refused():
    if not prepared_statements_used():
        pytest.skip("statements are prepared on PostgreSQL only")
    with connection.cursor() as cursor, pytest.raises(ValueError, match="2 placeholders"):
        execute_prepared(cursor, [("SELECT %s, %s", [1])])


def _sent(statements) -> tuple[str, list]:
    """What execute_prepared sends for `statements`, and their results."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries, connection.cursor() as cursor:
        execute_prepared(cursor, statements)
        results = [cursor.fetchall()]
        for _ in statements[1:]:
            cursor.nextset()
            results.append(cursor.fetchall())
    # The last round trip (the first failed when a statement was prepared again).
    return queries.captured_queries[-1]["sql"], results


needs_prepared = pytest.mark.skipif(
    not POSTGRESQL, reason="statements are prepared on PostgreSQL only"
)


@needs_prepared
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_statement_is_prepared_once_per_connection_then_only_executed():
    first = ("SELECT %s::int + 1, 'a%%'", [1])
    second = ("SELECT %s::text || %s::text", ["b", "c"])
    connection.close()
    sql, results = _sent([first, second])
    assert sql.startswith("PREPARE digiskills_") and sql.count("PREPARE") == 2
    assert results == [[(2, "a%")], [("bc",)]]
    sql, results = _sent([first, second])
    assert sql.startswith("EXECUTE digiskills_") and "PREPARE" not in sql
    assert results == [[(2, "a%")], [("bc",)]]
    # A new connection is a new session: prepared afresh.
    connection.close()
    sql, results = _sent([first])
    assert sql.startswith("PREPARE") and results == [[(2, "a%")]]


@needs_prepared
def test_without_prepared_statements_the_statements_themselves_are_sent(settings):
    settings.DATABASE_PREPARED_STATEMENTS = False
    sql, results = _sent([("SELECT %s::int + 1", [1]), ("SELECT 'a%%'", [])])
    assert sql == "SELECT 1::int + 1; SELECT 'a%'"
    assert results == [[(2,)], [("a%",)]]


@needs_prepared
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_statement_deallocated_under_it_is_prepared_again_in_autocommit():
    statement = ("SELECT %s::int * 2", [21])
    _sent([statement])
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # as a pooler's reset would
    sql, results = _sent([statement])
    assert results == [[(42,)]]
    # Inside a transaction the error stands; the next call prepares afresh.
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    with pytest.raises(DatabaseError), transaction.atomic():
        _sent([statement])
    assert _sent([statement])[1] == [[(42,)]]


@needs_prepared
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_statement_whose_result_changed_after_a_migration_is_prepared_again():
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE prepared_probe (a int)")
        cursor.execute("INSERT INTO prepared_probe VALUES (7)")
    statement = ("SELECT a FROM prepared_probe WHERE a = %s", [7])
    assert _sent([statement])[1] == [[(7,)]]
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE prepared_probe ALTER COLUMN a TYPE bigint")
    assert _sent([statement])[1] == [[(7,)]]


@needs_prepared
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_a_failed_batch_every_statement_is_prepared_afresh():
    good = ("SELECT %s::int", [1])
    failing = ("SELECT 1 / %s::int", [0])
    with pytest.raises(DatabaseError):
        _sent([good, failing])  # both prepared, the second failed when executed
    sql, results = _sent([good, ("SELECT 1 / %s::int", [1])])
    assert sql.startswith("DEALLOCATE ALL; PREPARE") and sql.count("PREPARE") == 2
    assert results == [[(1,)], [(1,)]]
    assert _sent([good])[0].startswith("EXECUTE")


@needs_prepared
def test_the_busiest_reads_and_the_progress_write_are_prepared(
    enrolment, tree, django_assert_num_queries
):
    from django.test.utils import CaptureQueriesContext

    from lms.services import lesson_progress_record

    learner = enrolment.learner
    lesson = tree.lessons[0]
    with CaptureQueriesContext(connection) as queries:
        for _ in range(2):
            assert user_with_groups(user_id=learner.pk) == learner
        lesson_progress_record(
            enrolment=enrolment,
            lesson=lesson,
            event="completed",
            idempotency_key=f"completed:{lesson.translation_key}",
        )
    sent = [q["sql"] for q in queries.captured_queries if "digiskills_" in q["sql"]]
    assert len(sent) == 3
    assert sent[1].startswith("EXECUTE")  # prepared by the first read
    # The write and the completion rule's first test, in one round trip.
    assert "lms_progressevent" in sent[2] or sent[2].startswith("EXECUTE")
    assert sent[2].count("EXECUTE digiskills_") == 2
    assert enrolment.events.filter(lesson_key=lesson.translation_key).count() == 1


@pytest.mark.parametrize(
    "table, column", [("lms_progressevent", "enrolment_id"), ("lms_statement", "learner_id")]
)
def test_the_written_tables_keep_no_index_that_a_wider_one_covers(table, column):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    indexes = [c["columns"] for c in constraints.values() if c["index"] or c["unique"]]
    assert [column] not in indexes  # one write less per row
    assert any(columns[0] == column for columns in indexes)  # its lookups still indexed
