"""A partner manager creates an API token on a phone, copies it, revokes it,
and reads a webhook's delivery log: keyboard-usable, axe clean, no sideways
scrolling at 360 px."""

import pytest
from playwright.sync_api import expect

from partners.models import Membership, WebhookDelivery
from partners.services import webhook_endpoint_create, webhook_event_emit
from partners.tests.factories import MembershipFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_manager_creates_and_revokes_a_token_and_reads_the_delivery_log(
    page, live_server, home_page
):
    manager = MembershipFactory(role=Membership.Role.MANAGER)
    organisation = manager.organisation
    endpoint = webhook_endpoint_create(
        organisation=organisation,
        url="https://hooks.example.be/digiskills",
        events=["learner.enrolled"],
        created_by=None,
    )
    [delivery] = webhook_event_emit(
        organisation_id=organisation.pk, event_type="learner.enrolled", data={}
    )
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=WebhookDelivery.Status.FAILED, attempts=8, last_response_code=500
    )
    sign_in(page, manager.user, live_server)

    page.goto(f"/en/partners/{organisation.slug}/api/")
    # A form sent without a scope says what is wrong, at the top.
    page.get_by_label("Name").fill("VDAB link")
    page.get_by_role("button", name="Create the token").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Enrol learners").check()
    page.get_by_label("Read cohorts and their progress").check()
    page.get_by_role("button", name="Create the token").click()
    value = page.get_by_label("Authorization header").input_value()
    assert value.startswith("Bearer dsk_")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    page.get_by_role("button", name="Revoke: VDAB link").click()
    expect(page.get_by_text("The token VDAB link is revoked.")).to_be_visible()
    assert not page.get_by_label("Authorization header").count()

    page.get_by_role("link", name=endpoint.url).click()
    expect(page.get_by_role("heading", name="Webhook deliveries")).to_be_visible()
    expect(page.get_by_text("HTTP 500")).to_be_visible()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.get_by_role("button", name="Send again").first.click()
    expect(page.get_by_text("The event will be sent again.")).to_be_visible()
    assert WebhookDelivery.objects.filter(event_id=delivery.event_id).count() == 2
