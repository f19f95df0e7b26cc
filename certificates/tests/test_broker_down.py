"""The broker is down: the learner who completes a course, the employer who
verifies a certificate and the API answer as usual; what had to be queued waits
in the outbox and happens once the broker is back (here the flush runs the
tasks in-process; the worker tests do it on a real broker)."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from certificates import services
from certificates.models import Certificate, VerificationReceipt
from certificates.receipts import receipts_drain
from certificates.tests.helpers import issue_after_exam
from certificates.tests.journeys import course_complete_through_pages
from conftest import broker_at, free_port
from lms.models import Enrolment
from lms.tests.content import course_tree
from lms.tests.factories import UserFactory
from outbox.models import OutboxMessage
from outbox.services import messages_flush

# Committed for real, so that the tasks are sent from inside each request
# (after its commit), as in production.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def broker_down():
    with broker_at(f"redis://127.0.0.1:{free_port()}/0") as app:
        yield app


def test_a_learner_completes_a_course_while_the_broker_is_down(home_page):
    tree = course_tree(home_page)
    learner = UserFactory(preferred_language="en")
    client = Client(raise_request_exception=False)
    with broker_at(f"redis://127.0.0.1:{free_port()}/0"):
        responses = course_complete_through_pages(client, tree, learner)
        dashboard = client.get(reverse("lms:dashboard"))
        mine = client.get(reverse("certificates:mine"))
    assert [r.status_code for r in responses if r.status_code >= 400] == []
    assert responses[-1].status_code == 302
    assert Enrolment.objects.get(learner=learner).status == Enrolment.Status.COMPLETED
    assert not Certificate.objects.filter(holder=learner).exists()
    assert OutboxMessage.objects.filter(
        task_name="certificates.tasks.certificate_issue_for_completion"
    ).exists()
    assert dashboard.status_code == 200
    # My certificates says it is coming, not nothing at all.
    assert mine.status_code == 200
    assert "is on its way" in mine.content.decode()
    assert tree.course.title in mine.content.decode()
    # The broker is back: the flush sends what waited; the certificate is
    # issued, once, whatever runs after (another flush, the sweep).
    assert messages_flush() >= 1
    assert messages_flush() == 0
    services.certificates_pending_sweep()
    assert Certificate.objects.filter(holder=learner).count() == 1
    assert "on its way" not in client.get(reverse("certificates:mine")).content.decode()


def test_the_verification_page_answers_with_the_broker_down_and_the_receipt_comes_later(
    broker_down, security_course, learner
):
    certificate = issue_after_exam(user=learner, course=security_course)
    cache.clear()
    client = Client(raise_request_exception=False)
    page = client.get("/en/verify/", {"code": certificate.code})
    assert page.status_code == 200
    assert 'data-status="valid"' in page.content.decode()
    named = client.post("/en/verify/", {"code": certificate.code, "organisation": "ACME"})
    assert named.status_code == 200
    api = client.get(f"/api/certificates/verify/{certificate.code}", {"organisation": "ACME"})
    assert api.status_code == 200 and api.json()["status"] == "valid"
    # Receipts never wait for the broker: buffered in Redis (or written in the
    # request without it), stored by the drain.
    assert not OutboxMessage.objects.filter(task_name="certificates.tasks.receipt_record").exists()
    receipts_drain()
    assert sorted(VerificationReceipt.objects.values_list("channel", "organisation")) == [
        ("api", "ACME"),
        ("code", ""),
        ("code", "ACME"),
    ]
