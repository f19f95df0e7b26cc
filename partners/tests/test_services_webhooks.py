import datetime
import hashlib
import hmac
import json
import time

import pytest
from django.utils import timezone

from lms.signals import course_completed
from lms.tests.factories import exam_attempt_record
from partners.models import PartnerLearner, WebhookDelivery
from partners.services import (
    LearnerInput,
    learners_enrol,
    webhook_delivery_redeliver,
    webhook_endpoint_create,
    webhook_event_emit,
)
from partners.services.webhooks import webhook_delivery_attempt
from partners.tasks import webhook_deliver
from partners.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ALL_EVENTS = ["learner.enrolled", "course.completed", "certificate.issued"]


def verify(secret: str, headers: dict, body: bytes, tolerance: int = 300) -> bool:
    """The receiver's check, as documented in the README."""
    parts = dict(item.split("=", 1) for item in headers["Digiskills-Signature"].split(","))
    timestamp = int(parts["t"])
    if abs(time.time() - timestamp) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return hmac.compare_digest(expected.hexdigest(), parts["v1"])


@pytest.fixture
def endpoint(receiver, api_cohort):
    return webhook_endpoint_create(
        organisation=api_cohort.project.organisation,
        url=receiver.url,
        events=ALL_EVENTS,
        created_by=None,
    )


def _enrol(cohort, external_id="VDAB-1"):
    return learners_enrol(
        organisation=cohort.project.organisation,
        learners=[LearnerInput(external_id=external_id, first_name="Ana", last_name="Peeters")],
        cohort=cohort,
    )


def test_an_enrolment_reaches_the_partner_signed_after_commit(
    endpoint, receiver, api_cohort, tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _enrol(api_cohort)
    [call] = receiver.received
    assert call["body"]["type"] == "learner.enrolled"
    assert call["body"]["data"] == {
        "external_id": "VDAB-1",
        "course_key": str(tree.course.translation_key),
    }
    delivery = WebhookDelivery.objects.get()
    assert call["headers"]["Digiskills-Event-Id"] == str(delivery.event_id)
    assert call["body"]["id"] == str(delivery.event_id)
    assert verify(endpoint.secret, call["headers"], call["raw"])
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert delivery.last_response_code == 204
    assert delivery.attempts == 1


def test_a_tampered_body_or_another_secret_does_not_verify(
    endpoint, receiver, api_cohort, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _enrol(api_cohort)
    [call] = receiver.received
    assert not verify(endpoint.secret, call["headers"], call["raw"].replace(b"VDAB", b"XDAB"))
    assert not verify("whsec_other", call["headers"], call["raw"])


def test_an_enrolment_that_rolls_back_sends_nothing(endpoint, receiver, api_cohort):
    class Abort(Exception):
        pass

    from django.db import transaction

    with pytest.raises(Abort), transaction.atomic():
        _enrol(api_cohort)
        raise Abort
    assert receiver.received == []
    assert not WebhookDelivery.objects.exists()


def test_a_delivered_delivery_is_never_sent_again(endpoint, receiver):
    [delivery] = webhook_event_emit(
        organisation_id=endpoint.organisation_id, event_type="learner.enrolled", data={}
    )
    assert webhook_delivery_attempt(delivery_id=delivery.pk).outcome == "delivered"
    assert webhook_delivery_attempt(delivery_id=delivery.pk).outcome == "skipped"
    assert webhook_deliver.run(delivery.pk) == "skipped"
    assert len(receiver.received) == 1


def test_a_delivery_held_by_another_worker_is_not_sent_twice(endpoint, receiver):
    [delivery] = webhook_event_emit(
        organisation_id=endpoint.organisation_id, event_type="learner.enrolled", data={}
    )
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=WebhookDelivery.Status.SENDING,
        locked_until=timezone.now() + datetime.timedelta(seconds=30),
    )
    assert webhook_delivery_attempt(delivery_id=delivery.pk).outcome == "skipped"
    assert receiver.received == []


def test_a_refusing_receiver_is_retried_with_growing_backoff_then_failed(
    endpoint, receiver, settings
):
    settings.PARTNERS_WEBHOOK_MAX_ATTEMPTS = 3
    receiver.statuses = [500, 503, 500]
    [delivery] = webhook_event_emit(
        organisation_id=endpoint.organisation_id, event_type="learner.enrolled", data={}
    )
    countdowns = []
    for _ in range(2):
        result = webhook_delivery_attempt(delivery_id=delivery.pk)
        assert result.outcome == "retry"
        countdowns.append(result.countdown)
        # Not due yet: a duplicate message does nothing.
        assert webhook_delivery_attempt(delivery_id=delivery.pk).outcome == "skipped"
        WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    assert countdowns[1] == 2 * countdowns[0]
    assert webhook_delivery_attempt(delivery_id=delivery.pk).outcome == "failed"
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.attempts == 3
    assert delivery.last_response_code == 500
    assert len(receiver.received) == 3


def test_an_unreachable_receiver_is_retried(endpoint):
    endpoint.url = "http://127.0.0.1:9/nothing-listens"
    endpoint.save()
    [delivery] = webhook_event_emit(
        organisation_id=endpoint.organisation_id, event_type="learner.enrolled", data={}
    )
    assert webhook_delivery_attempt(delivery_id=delivery.pk).outcome == "retry"
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.RETRYING
    assert delivery.last_response_code is None
    assert delivery.last_error


def test_every_attempt_is_signed_with_its_own_timestamp_and_the_same_event_id(endpoint, receiver):
    receiver.statuses = [500]
    [delivery] = webhook_event_emit(
        organisation_id=endpoint.organisation_id, event_type="learner.enrolled", data={}
    )
    webhook_delivery_attempt(delivery_id=delivery.pk)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    webhook_delivery_attempt(delivery_id=delivery.pk)
    first, second = receiver.received
    assert first["raw"] == second["raw"]
    assert first["headers"]["Digiskills-Event-Id"] == second["headers"]["Digiskills-Event-Id"]
    assert verify(endpoint.secret, second["headers"], second["raw"])


def test_the_task_in_process_retries_through_celery(endpoint, receiver):
    receiver.statuses = [500]
    [delivery] = webhook_event_emit(
        organisation_id=endpoint.organisation_id, event_type="learner.enrolled", data={}
    )
    webhook_deliver.apply(args=[delivery.pk])
    delivery.refresh_from_db()
    # In-process (eager) Celery runs the retry at once: it is not due yet, so
    # the delivery waits for its backoff (the periodic task queues it then).
    assert delivery.status == WebhookDelivery.Status.RETRYING
    assert delivery.next_attempt_at > timezone.now()
    assert len(receiver.received) == 1


def test_redelivery_sends_the_same_event_again(endpoint, receiver):
    [delivery] = webhook_event_emit(
        organisation_id=endpoint.organisation_id, event_type="learner.enrolled", data={}
    )
    webhook_delivery_attempt(delivery_id=delivery.pk)
    again = webhook_delivery_redeliver(delivery=delivery, requested_by=None)
    assert again.pk != delivery.pk
    webhook_delivery_attempt(delivery_id=again.pk)
    first, second = receiver.received
    assert first["body"]["id"] == second["body"]["id"]


def test_an_endpoint_only_gets_the_events_it_subscribed_to(receiver, api_cohort):
    webhook_endpoint_create(
        organisation=api_cohort.project.organisation,
        url=receiver.url,
        events=["certificate.issued"],
        created_by=None,
    )
    assert (
        webhook_event_emit(
            organisation_id=api_cohort.project.organisation_id,
            event_type="learner.enrolled",
            data={},
        )
        == []
    )


def test_completion_and_certificate_reach_only_the_organisation_that_enrolled_the_learner(
    endpoint, receiver, api_cohort, tree, django_capture_on_commit_callbacks
):
    [result] = _enrol(api_cohort)
    learner = PartnerLearner.objects.select_related("user").get(pk=result.learner_id)
    # Another organisation knows the same person, outside any of its cohorts.
    other = OrganisationFactory()
    PartnerLearner.objects.create(
        organisation=other, external_id="X", user=learner.user, first_name="Ana"
    )
    webhook_endpoint_create(
        organisation=other, url=receiver.url + "/other", events=ALL_EVENTS, created_by=None
    )
    # The learner passed the final exam (a certificate needs one).
    exam_attempt_record(user=learner.user, course=tree.course)
    receiver.received.clear()
    completed_at = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        course_completed.send(
            sender=None,
            user=learner.user,
            course=tree.course,
            enrolment_id=result.enrolment_ids[0],
            completed_at=completed_at,
        )
    events = {call["body"]["type"]: call for call in receiver.received}
    assert set(events) == {"course.completed", "certificate.issued"}
    assert all(call["path"] == "/hooks/digiskills" for call in receiver.received)
    assert events["course.completed"]["body"]["data"]["external_id"] == "VDAB-1"
    certificate = events["certificate.issued"]["body"]["data"]
    assert certificate["external_id"] == "VDAB-1"
    assert "/verify/?code=" in certificate["verification_url"]


def test_a_payload_is_compact_sorted_json(endpoint, receiver):
    [delivery] = webhook_event_emit(
        organisation_id=endpoint.organisation_id,
        event_type="learner.enrolled",
        data={"b": 1, "a": 2},
    )
    webhook_delivery_attempt(delivery_id=delivery.pk)
    [call] = receiver.received
    assert call["raw"] == json.dumps(call["body"], separators=(",", ":"), sort_keys=True).encode()


def test_the_periodic_task_sends_deliveries_whose_message_was_lost(endpoint, receiver):
    from partners.tasks import webhook_deliveries_resume

    [due] = webhook_event_emit(
        organisation_id=endpoint.organisation_id, event_type="learner.enrolled", data={}
    )
    WebhookDelivery.objects.filter(pk=due.pk).update(
        status=WebhookDelivery.Status.RETRYING,
        next_attempt_at=timezone.now() - datetime.timedelta(minutes=5),
    )
    [fresh] = webhook_event_emit(
        organisation_id=endpoint.organisation_id, event_type="learner.enrolled", data={}
    )
    assert webhook_deliveries_resume() == 1
    due.refresh_from_db()
    fresh.refresh_from_db()
    assert due.status == WebhookDelivery.Status.DELIVERED
    assert fresh.status == WebhookDelivery.Status.PENDING


def test_in_production_an_address_that_resolves_to_an_internal_host_is_not_called(
    endpoint, receiver, settings
):
    [delivery] = webhook_event_emit(
        organisation_id=endpoint.organisation_id, event_type="learner.enrolled", data={}
    )
    settings.PARTNERS_WEBHOOK_ALLOW_LOOPBACK = False
    assert webhook_delivery_attempt(delivery_id=delivery.pk).outcome == "retry"
    delivery.refresh_from_db()
    assert "private" in delivery.last_error
    assert receiver.received == []


def test_a_batch_of_enrolments_reads_the_endpoints_once(django_assert_num_queries):
    from partners.services.webhooks import webhook_learners_enrolled
    from partners.tests.factories import OrganisationFactory

    organisation = OrganisationFactory()
    enrolments = [
        {"learner_id": n, "external_id": f"X-{n}", "course_key": "c", "enrolment_id": n}
        for n in range(500)
    ]
    # The endpoints query, inside its savepoint: nothing per enrolment.
    with django_assert_num_queries(3):
        assert (
            webhook_learners_enrolled(organisation_id=organisation.pk, enrolments=enrolments) == []
        )
