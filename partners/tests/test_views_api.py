import pytest
from django.urls import reverse

from lms.tests.factories import UserFactory
from partners.models import ApiToken, Membership, WebhookDelivery
from partners.services import api_token_authenticate, webhook_endpoint_create, webhook_event_emit
from partners.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(db):
    return MembershipFactory(role=Membership.Role.MANAGER)


def _url(membership):
    return reverse("partners:api_tokens", kwargs={"slug": membership.organisation.slug})


def _create(client, membership, name="VDAB link"):
    return client.post(
        _url(membership), {"name": name, "scopes": ["cohorts:read", "learners:write"]}
    )


def test_a_manager_creates_a_token_and_sees_its_secret_once(client, manager):
    client.force_login(manager.user)
    response = _create(client, manager)
    assert response.status_code == 302
    page = client.get(_url(manager)).content.decode()
    token = ApiToken.objects.get()
    start = page.index("Bearer dsk_")
    value = page[start + len("Bearer ") :].split('"')[0]
    assert api_token_authenticate(value=value).token == token
    assert token.created_by == manager.user
    assert value not in client.get(_url(manager)).content.decode()
    # The secret is what follows the prefix; it may hold "_" itself (URL-safe base64).
    secret = value.removeprefix("dsk_").partition("_")[2]
    assert len(secret) == 43 and secret not in token.secret_hash


def test_a_double_submit_makes_one_token(client, manager):
    client.force_login(manager.user)
    _create(client, manager)
    response = _create(client, manager)
    assert response.status_code == 400
    assert ApiToken.objects.count() == 1


def test_a_token_needs_a_scope_and_says_so(client, manager):
    client.force_login(manager.user)
    response = client.post(_url(manager), {"name": "x"})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_manager_revokes_a_token_and_the_journal_shows_it(client, manager):
    client.force_login(manager.user)
    _create(client, manager)
    token = ApiToken.objects.get()
    url = reverse(
        "partners:api_token_revoke",
        kwargs={"slug": manager.organisation.slug, "token_id": token.pk},
    )
    assert client.post(url).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    page = client.get(_url(manager)).content.decode()
    assert page.count(f"dsk_{token.prefix}_") >= 3  # the table and two journal rows


def test_anonymous_people_are_sent_to_log_in(client, manager):
    response = client.get(_url(manager))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", [Membership.Role.TRAINER, Membership.Role.REPORTER])
def test_staff_who_are_not_managers_get_404(client, role):
    membership = MembershipFactory(role=role)
    client.force_login(membership.user)
    assert client.get(_url(membership)).status_code == 404


def test_a_manager_of_another_organisation_gets_404_and_revokes_nothing(client, manager):
    client.force_login(manager.user)
    _create(client, manager)
    token = ApiToken.objects.get()
    outsider = MembershipFactory(role=Membership.Role.MANAGER)
    client.force_login(outsider.user)
    assert client.get(_url(manager)).status_code == 404
    url = reverse(
        "partners:api_token_revoke",
        kwargs={"slug": outsider.organisation.slug, "token_id": token.pk},
    )
    assert client.post(url).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_learner_without_membership_gets_404(client, manager):
    client.force_login(UserFactory())
    assert client.get(_url(manager)).status_code == 404


@pytest.fixture
def delivery(manager):
    webhook_endpoint_create(
        organisation=manager.organisation,
        url="https://hooks.example.be/in",
        events=["learner.enrolled"],
        created_by=None,
    )
    [delivery] = webhook_event_emit(
        organisation_id=manager.organisation.pk, event_type="learner.enrolled", data={}
    )
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=WebhookDelivery.Status.FAILED, attempts=8, last_response_code=500
    )
    return delivery


def _log_url(manager, delivery):
    return reverse(
        "partners:webhook_deliveries",
        kwargs={"slug": manager.organisation.slug, "endpoint_id": delivery.endpoint_id},
    )


def test_the_delivery_log_shows_each_delivery(client, manager, delivery):
    client.force_login(manager.user)
    page = client.get(_log_url(manager, delivery)).content.decode()
    assert str(delivery.event_id) in page
    assert "HTTP 500" in page


def test_send_again_queues_one_new_delivery_of_the_same_event(client, manager, delivery):
    client.force_login(manager.user)
    url = reverse(
        "partners:webhook_redeliver",
        kwargs={
            "slug": manager.organisation.slug,
            "endpoint_id": delivery.endpoint_id,
            "delivery_id": delivery.pk,
        },
    )
    assert client.post(url).status_code == 302
    client.post(url)
    again = WebhookDelivery.objects.exclude(pk=delivery.pk)
    assert again.count() == 1
    assert again.get().event_id == delivery.event_id


def test_another_organisation_cannot_read_the_log_or_send_again(client, delivery, manager):
    outsider = MembershipFactory(role=Membership.Role.MANAGER)
    client.force_login(outsider.user)
    log = reverse(
        "partners:webhook_deliveries",
        kwargs={"slug": outsider.organisation.slug, "endpoint_id": delivery.endpoint_id},
    )
    assert client.get(log).status_code == 404
    assert client.get(_log_url(manager, delivery)).status_code == 404
    redeliver = reverse(
        "partners:webhook_redeliver",
        kwargs={
            "slug": outsider.organisation.slug,
            "endpoint_id": delivery.endpoint_id,
            "delivery_id": delivery.pk,
        },
    )
    assert client.post(redeliver).status_code == 404
    assert WebhookDelivery.objects.count() == 1


def test_the_tokens_page_is_translated(client, manager):
    client.force_login(manager.user)
    url = reverse("partners:api_tokens", kwargs={"slug": manager.organisation.slug})
    page = client.get(url.replace("/en/", "/fr/", 1)).content.decode()
    assert "Créer un jeton" in page
