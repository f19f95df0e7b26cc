"""A person opens Digiskills on a phone, in each language, with the keyboard."""

import re

import pytest
from playwright.sync_api import expect

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


def _tab_through(page, count: int) -> list[str]:
    focused = []
    for _ in range(count):
        page.keyboard.press("Tab")
        focused.append(
            page.evaluate(
                "() => { const e = document.activeElement;"
                " return (e.innerText || e.value || '').replace(/\\s+/g, ' ').trim(); }"
            )
        )
    return focused


def test_the_keyboard_reaches_the_skip_link_switcher_and_menu_in_order(page, home_page):
    """On a phone: skip link, brand, the other languages, then the menu button;
    Enter opens the menu and Tab goes through its links; Escape closes it and
    gives focus back to the button."""
    page.goto("/en/")
    focused = _tab_through(page, 6)
    assert focused[0] == "Skip to main content"
    assert focused[1:] == ["D Digiskills", "NL Nederlands", "FR Français", "DE Deutsch", "Menu"]
    menu = page.locator("details.site-menu")
    assert menu.get_attribute("open") is None
    expect(page.get_by_role("link", name="Sign in", exact=True)).not_to_be_visible()

    page.keyboard.press("Enter")
    assert menu.get_attribute("open") == ""
    assert _tab_through(page, 6) == [
        "Home",
        "Courses",
        "Check a certificate",
        "Help",
        "Sign in",
        "Create an account",
    ]
    page.keyboard.press("Escape")
    assert menu.get_attribute("open") is None
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"

    # The skip link moves focus to the main content.
    page.goto("/en/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_the_header_is_compact_on_a_phone_and_the_menu_always_open_on_a_wide_screen(
    page, home_page
):
    page.goto("/nl/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 120, header
    # A tap outside the open menu closes it.
    page.get_by_text("Menu", exact=True).click()
    expect(page.get_by_role("link", name="Hulp").first).to_be_visible()
    page.locator("h1").click()
    assert not page.locator("details.site-menu").evaluate("e => e.open")

    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto("/nl/")
    expect(page.get_by_role("link", name="Aanmelden", exact=True)).to_be_visible()
    expect(page.locator(".site-menu__toggle")).not_to_be_visible()
    assert page.get_by_role("button", name="Français").inner_text() == "Français"
    assert page.locator(".site-header").bounding_box()["height"] <= 130
    assert_accessible(page)


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
