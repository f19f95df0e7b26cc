"""Nobody acts as someone else: a trainer's reprint of a login card for a
learner who chose a password is refused with the reason, and a helper's paper
consent stays pending (no access) until the person signs in and confirms it.
Every page passes axe (no serious or critical violation)."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from lms.models import HelperConsent, LoginCard
from lms.services.accounts import user_password_chosen
from lms.tests.factories_coaching import HelperProfileFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _signed_in_tab(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 768, "height": 1024}, base_url=live_server.url)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    return tab


def test_a_trainers_reprint_for_a_learner_with_a_password_is_refused(
    browser, live_server, home_page
):
    from lms.tests.factories import UserFactory
    from partners.services import LearnerInput, learners_enrol, membership_grant
    from partners.tests.factories import CohortFactory, OrganisationFactory, ProjectFactory

    organisation = OrganisationFactory(language="en")
    cohort = CohortFactory(project=ProjectFactory(organisation=organisation))
    learners_enrol(
        organisation=organisation,
        learners=[LearnerInput(external_id="A-1", first_name="Zoë", last_name="Dupont")],
        cohort=cohort,
    )
    zoe = cohort.members.get().learner.user
    user_password_chosen(user=zoe)  # Zoë chose her own password after her first card
    trainer = UserFactory(preferred_language="en")
    membership_grant(organisation=organisation, user=trainer, role="trainer")

    page = _signed_in_tab(browser, live_server, trainer)
    page.goto(f"/en/partners/{organisation.slug}/cohorts/{cohort.pk}/cards/")
    refused = page.locator("#cards-refused-list")
    expect(refused).to_be_visible()
    assert f"{zoe.username}: " in refused.inner_text()
    assert "chose their own password" in refused.inner_text()
    assert page.get_by_role("button", name="Print the login cards (PDF)").count() == 0
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    # Forcing the request anyway is refused as a whole, with the reason.
    response = page.request.post(
        f"/en/partners/{organisation.slug}/cohorts/{cohort.pk}/cards/",
        headers={"X-CSRFToken": _csrf(page), "Referer": page.url},
    )
    assert response.status == 400
    assert "No card was printed" in response.text()
    assert not LoginCard.objects.exists()
    page.context.close()


def _csrf(page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")


def test_a_paper_consent_stays_pending_until_the_person_confirms_it(
    browser, live_server, home_page
):
    from partners.services import LearnerInput, learners_enrol

    profile = HelperProfileFactory(user__display_name="Jan Janssens")
    learners_enrol(
        organisation=profile.organisation,
        learners=[
            LearnerInput(
                external_id="L-7",
                first_name="Ilse",
                last_name="Peeters",
                email="ilse@example.be",
                language="en",
            )
        ],
    )
    person = profile.organisation.learners.get().user
    person.set_password("ilse-own-pass-2026")
    person.save()

    helper = _signed_in_tab(browser, live_server, profile.user)
    helper.goto("/en/helpers/consents/request/")
    helper.get_by_label("Username or e-mail address of the person").fill("ilse@example.be")
    helper.get_by_label("On paper: print the form for the person to sign").check()
    helper.get_by_label("See the person's progress").check()
    helper.get_by_label("one month").check()
    assert_accessible(helper)
    helper.get_by_role("button", name="Continue").click()
    helper.wait_for_url("**/helpers/consents/*/paper/")
    consent = HelperConsent.objects.get(learner=person)
    assert consent.status == "pending"
    assert helper.locator("#consent-status").inner_text().startswith("Waiting")
    expect(helper.get_by_role("link", name="Print the consent form (PDF)")).to_be_visible()
    assert_accessible(helper)
    assert_no_horizontal_scroll(helper)
    # Pending: the helper sees nothing of the person.
    assert helper.goto(f"/en/helpers/people/{person.pk}/").status == 404
    helper.goto("/en/helpers/")
    expect(helper.get_by_role("link", name=consent.paper_reference)).to_be_visible()
    assert helper.get_by_role("link", name="Ilse Peeters").count() == 0
    assert_accessible(helper)

    # The person signs in with their own password and is asked at once.
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url)
    phone = context.new_page()
    phone.set_default_timeout(10_000)
    phone.goto("/en/accounts/login/")
    phone.locator("input[name=login]").fill("ilse@example.be")
    phone.locator("input[name=password]").fill("ilse-own-pass-2026")
    with phone.expect_navigation():
        phone.locator("input[name=password]").press("Enter")
    expect(phone.get_by_text("A consent form was signed on paper in your name")).to_be_visible()
    assert_accessible(phone)
    phone.get_by_role("link", name="Answer on “My helpers”").click()
    phone.wait_for_url("**/me/helpers/")
    expect(phone.get_by_text(consent.paper_reference).first).to_be_visible()
    assert_accessible(phone)
    assert_no_horizontal_scroll(phone)
    phone.get_by_role("button", name="Yes, I signed it and I agree").click()
    phone.wait_for_url("**/me/helpers/")
    consent.refresh_from_db()
    assert consent.status == "given" and consent.confirmed_by == "person"
    context.close()

    # Now, and only now, the helper sees the person.
    assert helper.goto(f"/en/helpers/people/{person.pk}/").status == 200
    assert_accessible(helper)
    helper.context.close()
