"""A digital helper on a tablet (768 x 1024) creates an assisted account, logs
a session and opens the person's page; every page passes axe and fits the
screen."""

import pytest
from playwright.sync_api import expect

from lms.models import User
from lms.tests.factories_coaching import HelperProfileFactory
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def tablet(browser, live_server):
    """A fresh browser tab on a tablet held upright (768 x 1024)."""
    context = browser.new_context(viewport={"width": 768, "height": 1024}, base_url=live_server.url)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def helper_tab(tablet, live_server, home_page):
    profile = HelperProfileFactory(user__display_name="Jan Janssens")
    sign_in(tablet, profile.user, live_server)
    return tablet


def test_a_helper_creates_an_account_and_logs_a_session_on_a_tablet(helper_tab):
    page = helper_tab
    page.goto("/en/helpers/")
    assert page.get_by_role("link", name="People I coach").get_attribute("aria-current") == "page"
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.get_by_role("link", name="Create an account for a person").click()
    page.wait_for_url("**/helpers/people/new/")
    # Submitting empty shows the error summary, which is reachable and accessible.
    page.get_by_role("button", name="Create the account").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Name of the person").fill("Mariette Dubois")
    page.get_by_label("Language of the person").select_option("fr")
    page.get_by_label("one month").check()
    page.get_by_role("button", name="Create the account").click()
    page.wait_for_url("**/helpers/consents/*/paper/")
    person = User.objects.get(display_name="Mariette Dubois")
    # The paper form waits for the person: print it and the login card.
    expect(page.get_by_role("link", name="Print the consent form (PDF)")).to_be_visible()
    expect(page.get_by_role("button", name="Print the login card (PDF)")).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    # The person confirms it at the first sign-in (their side is tested below).
    from lms.models import HelperConsent
    from lms.services.coaching import consent_answer

    consent_answer(consent=HelperConsent.objects.get(learner=person), learner=person, accept=True)
    page.goto(f"/en/helpers/people/{person.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mariette Dubois"
    expect(page.get_by_role("button", name="Print a login card")).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.get_by_role("link", name="Log a session").click()
    page.wait_for_url(f"**/helpers/people/{person.pk}/sessions/new/")
    assert_accessible(page)
    page.get_by_label("Place").fill("Library")
    page.get_by_label("By phone").check()
    page.get_by_label("Notes for the person").fill("We opened the e-Box together.")
    page.get_by_role("button", name="Save the session").click()
    page.wait_for_url(f"**/helpers/people/{person.pk}/")
    assert "We opened the e-Box together." in page.content()

    page.get_by_role("button", name="Start a session together").click()
    expect(page.get_by_role("button", name="End the session")).to_be_visible()
    assert_accessible(page)

    page.goto("/en/helpers/")
    expect(page.get_by_role("link", name="Mariette Dubois")).to_be_visible()
    assert_accessible(page)


def test_a_person_signs_in_with_the_card_then_answers_and_withdraws_on_a_phone(
    page, live_server, home_page
):
    from django.core.cache import cache

    from lms.models import HelperConsent
    from lms.services.cards import login_card_issue
    from lms.services.coaching import assisted_account_create, consent_request

    cache.clear()
    profile = HelperProfileFactory(user__display_name="Jan Janssens")
    person, _paper = assisted_account_create(
        helper=profile.user,
        display_name="Maria Claes",
        preferred_language="en",
        duration="1m",
    )
    consent_request(
        helper=profile.user,
        learner=person,
        see_progress=True,
        enrol=False,
        act_in_session=False,
        duration="1y",
    )
    code = login_card_issue(user=person, issued_by=profile.user)

    page.goto(f"/en/card/?u={person.username}")
    assert page.get_by_label("Username").input_value() == person.username
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_label("Code on your card").fill(code.lower())
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/accounts/password/set/")

    page.goto("/en/me/helpers/")
    expect(page.get_by_text("Jan Janssens asks:")).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_role("button", name="Yes, I agree").click()
    page.wait_for_url("**/me/helpers/")
    page.get_by_role("button", name="Yes, I signed it and I agree").click()
    page.wait_for_url("**/me/helpers/")
    assert HelperConsent.objects.filter(learner=person, status="given").count() == 2

    page.get_by_role("button", name="Withdraw my consent").first.click()
    page.wait_for_url("**/me/helpers/")
    expect(page.get_by_role("status").filter(has_text="Consent withdrawn")).to_be_visible()
    assert_accessible(page)
    assert HelperConsent.objects.filter(learner=person, withdrawn_at__isnull=False).count() == 1
