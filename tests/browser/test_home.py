"""A person opens Digiskills on a phone, in each language, with the keyboard."""

import re

import pytest

from courses.content.home import HOME
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NAMES = {"nl": "Nederlands", "fr": "Français", "de": "Deutsch", "en": "English"}


@pytest.mark.parametrize("code", ["nl", "fr", "de", "en"])
def test_the_home_page_in_each_language_is_accessible_on_a_phone(page, home_page, code):
    page.goto(f"/{code}/")
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator("h1").inner_text() == HOME[code]["title"]
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_the_language_switcher_changes_the_language_and_remembers_it(page, home_page):
    page.goto("/nl/")
    page.get_by_role("button", name="Français").click()
    page.wait_for_url(re.compile(r"/fr/$"))
    assert page.locator("h1").inner_text() == HOME["fr"]["title"]
    # Coming back to the bare address later opens the remembered language.
    page.goto("/")
    page.wait_for_url(re.compile(r"/fr/$"))
    assert page.locator("html").get_attribute("lang") == "fr"


def test_the_keyboard_reaches_the_skip_link_navigation_and_switcher_in_order(page, home_page):
    page.goto("/en/")
    focused = []
    for _ in range(12):
        page.keyboard.press("Tab")
        focused.append(
            page.evaluate(
                "() => { const e = document.activeElement;"
                " return (e.innerText || e.value || '').replace(/\\s+/g, ' ').trim(); }"
            )
        )
    assert focused[0] == "Skip to main content"
    expected = [
        "Digiskills",
        "Home",
        "Sign in",
        "Create an account",
        NAMES["nl"],
        NAMES["fr"],
        NAMES["de"],
    ]
    positions = [
        next(i for i, text in enumerate(focused) if text.endswith(label)) for label in expected
    ]
    assert positions == sorted(positions), focused
    # The skip link moves focus to the main content.
    page.goto("/en/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_every_component_is_accessible_and_fits_a_phone_in_german(page, home_page):
    page.goto("/de/design-system/")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    # With errors shown, the form still passes and the summary links to the field.
    page.get_by_role("button", name="Formular prüfen").click()
    page.wait_for_selector(".error-summary")
    assert_accessible(page)
    page.locator(".error-summary a").first.click()
    assert page.evaluate("document.activeElement.id") == "id_full_name"
