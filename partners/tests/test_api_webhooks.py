import pytest

from partners.models import Scope, WebhookDelivery, WebhookEndpoint
from partners.services import webhook_endpoint_create, webhook_event_emit

pytestmark = pytest.mark.django_db

URL = "/api/v1/webhooks"
EVENTS = ["learner.enrolled", "certificate.issued"]


def _endpoint(organisation, url="https://hooks.example.be/digiskills"):
    return webhook_endpoint_create(
        organisation=organisation, url=url, events=EVENTS, created_by=None
    )


def test_registering_an_endpoint_returns_its_secret_once(caller):
    response = caller.post(URL, {"url": "https://hooks.example.be/in", "events": EVENTS})
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["secret"].startswith("whsec_")
    [listed] = caller.get(URL).json()
    assert listed["id"] == created["id"]
    assert "secret" not in listed
    assert sorted(listed["events"]) == sorted(EVENTS)


def test_plain_http_is_refused_in_production(caller, settings):
    settings.PARTNERS_WEBHOOK_ALLOW_HTTP = False
    response = caller.post(URL, {"url": "http://hooks.example.be/in", "events": EVENTS})
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "url"
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize(
    "url", ["https://127.0.0.1/in", "https://10.1.2.3/in", "https://localhost/in"]
)
def test_a_private_address_is_refused_in_production(caller, settings, url):
    settings.PARTNERS_WEBHOOK_ALLOW_HTTP = False
    settings.PARTNERS_WEBHOOK_ALLOW_LOOPBACK = False
    assert caller.post(URL, {"url": url, "events": EVENTS}).status_code == 422


def test_an_unknown_event_is_refused(caller):
    response = caller.post(URL, {"url": "https://hooks.example.be/in", "events": ["everything"]})
    assert response.status_code == 422
    assert not WebhookEndpoint.objects.exists()


def test_deleting_an_endpoint_stops_it_and_keeps_its_log(caller):
    endpoint = _endpoint(caller.organisation)
    webhook_event_emit(
        organisation_id=caller.organisation.pk, event_type="learner.enrolled", data={}
    )
    assert caller.delete(f"{URL}/{endpoint.pk}").status_code == 204
    assert caller.get(URL).json() == []
    assert WebhookDelivery.objects.filter(endpoint=endpoint).count() == 1
    assert (
        webhook_event_emit(
            organisation_id=caller.organisation.pk, event_type="learner.enrolled", data={}
        )
        == []
    )


def test_the_delivery_log_lists_the_endpoint_s_deliveries(caller):
    endpoint = _endpoint(caller.organisation)
    webhook_event_emit(
        organisation_id=caller.organisation.pk,
        event_type="learner.enrolled",
        data={"external_id": "A"},
    )
    response = caller.get(f"{URL}/{endpoint.pk}/deliveries")
    assert response.status_code == 200
    [delivery] = response.json()["results"]
    assert delivery["event_type"] == "learner.enrolled"
    assert delivery["status"] == "pending"


def test_redelivery_makes_a_new_delivery_of_the_same_event_once(caller):
    endpoint = _endpoint(caller.organisation)
    [delivery] = webhook_event_emit(
        organisation_id=caller.organisation.pk, event_type="learner.enrolled", data={}
    )
    WebhookDelivery.objects.filter(pk=delivery.pk).update(status=WebhookDelivery.Status.FAILED)
    path = f"{URL}/{endpoint.pk}/deliveries/{delivery.pk}/redeliver"
    first = caller.post(path)
    second = caller.post(path)
    assert first.status_code == 202
    assert first.json()["event_id"] == str(delivery.event_id)
    assert first.json()["id"] != delivery.pk
    assert second.json()["id"] == first.json()["id"]


def test_another_organisation_s_endpoint_is_404_everywhere(caller, stranger):
    endpoint = _endpoint(caller.organisation)
    [delivery] = webhook_event_emit(
        organisation_id=caller.organisation.pk, event_type="learner.enrolled", data={}
    )
    assert stranger.get(URL).json() == []
    assert stranger.get(f"{URL}/{endpoint.pk}/deliveries").status_code == 404
    assert stranger.delete(f"{URL}/{endpoint.pk}").status_code == 404
    path = f"{URL}/{endpoint.pk}/deliveries/{delivery.pk}/redeliver"
    assert stranger.post(path).status_code == 404
    endpoint.refresh_from_db()
    assert endpoint.active


def test_managing_webhooks_needs_the_webhooks_scope(make_caller):
    caller = make_caller(scopes=[Scope.COHORTS_READ, Scope.LEARNERS_WRITE])
    endpoint = _endpoint(caller.organisation)
    assert caller.get(URL).status_code == 403
    assert caller.post(URL, {"url": "https://a.example.be", "events": EVENTS}).status_code == 403
    assert caller.delete(f"{URL}/{endpoint.pk}").status_code == 403
    assert caller.get(f"{URL}/{endpoint.pk}/deliveries").status_code == 403


def test_registering_the_same_address_twice_makes_one_endpoint(caller):
    payload = {"url": "https://hooks.example.be/in", "events": EVENTS}
    assert caller.post(URL, payload).status_code == 201
    response = caller.post(URL, payload)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "webhook_exists"
    assert WebhookEndpoint.objects.count() == 1
