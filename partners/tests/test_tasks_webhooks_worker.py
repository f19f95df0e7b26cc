"""A webhook delivered by the real Celery worker on the real broker."""

import pytest

from conftest import wait_until
from partners.models import WebhookDelivery
from partners.services import webhook_endpoint_create, webhook_event_emit
from partners.tests.factories import OrganisationFactory

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_worker_delivers_a_signed_event_once(celery_worker, receiver):
    organisation = OrganisationFactory()
    endpoint = webhook_endpoint_create(
        organisation=organisation, url=receiver.url, events=["learner.enrolled"], created_by=None
    )
    [delivery] = webhook_event_emit(
        organisation_id=organisation.pk,
        event_type="learner.enrolled",
        data={"external_id": "VDAB-9"},
    )

    def delivered():
        return (
            WebhookDelivery.objects.get(pk=delivery.pk).status == WebhookDelivery.Status.DELIVERED
        )

    assert wait_until(delivered, timeout=30), celery_worker["log"].read_text()[-2000:]
    [call] = receiver.received
    assert call["body"]["data"] == {"external_id": "VDAB-9"}
    assert call["headers"]["Digiskills-Signature"].startswith("t=")
    assert endpoint.secret not in str(call["headers"])
