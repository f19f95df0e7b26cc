import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.urls import reverse

from lms.models import Statement
from lms.roles import Role
from lms.services import lesson_progress_record, role_grant
from lms.tasks import statement_forward
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_learning_event_is_an_xapi_statement_with_the_server_decided_actor(
    enrolment, tree, learner
):
    lesson_progress_record(
        enrolment=enrolment, lesson=tree.lessons[0], event="completed", idempotency_key="x"
    )
    statement = Statement.objects.get(verb="http://adlnet.gov/expapi/verbs/completed")
    assert statement.learner == learner
    assert statement.statement["actor"]["account"]["name"] == str(learner.public_id)
    assert learner.email not in json.dumps(statement.statement)
    assert statement.course_key == tree.course.translation_key
    assert statement.object_id.endswith(f"/lesson/{tree.lessons[0].translation_key}")


def test_a_learner_exports_only_their_own_statements(client, enrolment, tree, learner):
    other = UserFactory()
    from lms.services import enrolment_create

    enrolment_create(learner=other, course=tree.course, source="self")
    client.force_login(learner)
    response = client.get(reverse("lms:statements_export"))
    body = json.loads(b"".join(response.streaming_content))
    names = {s["actor"]["account"]["name"] for s in body["statements"]}
    assert names == {str(learner.public_id)}


def test_a_data_protection_officer_exports_a_course_s_statements(client, enrolment, tree):
    officer = UserFactory()
    role_grant(user=officer, role=Role.DATA_PROTECTION_OFFICER, granted_by=None)
    client.force_login(officer)
    response = client.get(
        reverse("lms:statements_export"), {"course": str(tree.course.translation_key)}
    )
    body = json.loads(b"".join(response.streaming_content))
    assert (
        len(body["statements"])
        == Statement.objects.filter(course_key=tree.course.translation_key).count()
        > 0
    )


def test_a_learner_cannot_export_a_course_s_statements(client, enrolment, tree, learner):
    client.force_login(learner)
    response = client.get(
        reverse("lms:statements_export"), {"course": str(tree.course.translation_key)}
    )
    assert response.status_code == 403


class _LRS(BaseHTTPRequestHandler):
    received: list = []
    status = 204

    def do_PUT(self):  # noqa: N802 (http.server's naming)
        length = int(self.headers["Content-Length"])
        type(self).received.append(
            (self.path, self.headers.get("Authorization"), json.loads(self.rfile.read(length)))
        )
        self.send_response(type(self).status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def lrs(settings):
    server = HTTPServer(("127.0.0.1", 0), _LRS)
    _LRS.received = []
    _LRS.status = 204
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.LRS_ENDPOINT = f"http://127.0.0.1:{server.server_port}/xAPI"
    settings.LRS_USERNAME = "digiskills"
    settings.LRS_PASSWORD = "lrs-secret"
    yield _LRS
    server.shutdown()
    server.server_close()


def test_statements_are_sent_to_the_configured_lrs_after_commit(
    lrs, tree, learner, django_capture_on_commit_callbacks
):
    from lms.services import enrolment_create

    with django_capture_on_commit_callbacks(execute=True):
        enrolment_create(learner=learner, course=tree.course, source="self")
    statement = Statement.objects.get()
    assert len(lrs.received) == 1
    path, authorization, body = lrs.received[0]
    assert path == f"/xAPI/statements?statementId={statement.pk}"
    assert authorization.startswith("Basic ")
    assert body["id"] == str(statement.pk)
    statement.refresh_from_db()
    assert statement.forwarded_at is not None


def test_a_statement_already_forwarded_is_not_sent_again(lrs, tree, learner):
    from lms.services import enrolment_create

    enrolment_create(learner=learner, course=tree.course, source="self")
    statement = Statement.objects.get()
    assert statement_forward.run(str(statement.pk)) == "sent"
    assert statement_forward.run(str(statement.pk)) == "skipped"
    assert len(lrs.received) == 1


def test_an_lrs_error_raises_so_that_celery_retries(lrs, tree, learner):
    from lms.services import enrolment_create
    from lms.services.lrs import LRSError, lrs_statement_put

    enrolment_create(learner=learner, course=tree.course, source="self")
    lrs.status = 500
    with pytest.raises(LRSError):
        lrs_statement_put(statement=Statement.objects.get())
    assert Statement.objects.get().forwarded_at is None


def test_without_an_lrs_nothing_is_sent(
    settings, tree, learner, django_capture_on_commit_callbacks
):
    from lms.services import enrolment_create

    settings.LRS_ENDPOINT = ""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        enrolment_create(learner=learner, course=tree.course, source="self")
    assert callbacks == []
