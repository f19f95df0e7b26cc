"""On a shared computer a signed-in page warns before the session ends for
inactivity, in an accessible alert dialog; "Stay signed in" keeps it."""

import pytest

from lms.tests.factories import UserFactory
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_idle_warning_appears_is_accessible_and_stay_signed_in_keeps_the_session(
    page, live_server, home_page, settings
):
    # Warned 120 s before the end of a 124 s limit: the dialog opens after ~4 s.
    settings.SESSION_IDLE_TIMEOUT = 124
    settings.SESSION_IDLE_WARNING = 120
    learner = UserFactory(preferred_language="en")
    sign_in(page, learner, live_server)
    page.goto("/en/learning/")
    page.locator(".site-menu__toggle").focus()

    dialog = page.get_by_role("alertdialog", name="Are you still there?")
    dialog.wait_for(state="visible", timeout=15_000)
    stay = dialog.get_by_role("button", name="Stay signed in")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Stay signed in"
    assert "you will be signed out in about 2 minutes" in dialog.inner_text()
    assert_accessible(page)

    with page.expect_response(lambda r: r.url.endswith("/en/me/session/keep-alive/")) as ping:
        stay.click()
    assert ping.value.json() == {"seconds_left": 124}
    dialog.wait_for(state="hidden")
    # Focus goes back where it was before the warning.
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Menu"
    page.goto("/en/learning/")
    assert page.url.endswith("/en/learning/")
