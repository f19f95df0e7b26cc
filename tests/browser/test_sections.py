"""A teacher creates a class and prints the login cards; a child signs in
with the class code and the picture password, solves level 1 with the
keyboard only, and the teacher's grid shows three stars."""

import pytest
from playwright.sync_api import expect

from courses.puzzles.demo import seed as levels_seed
from lms.models import SectionChild
from lms.services import child_picture_password_set
from lms.tests.sections_fixtures import make_teacher
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in
from tests.browser.test_puzzles import IN_WORKSPACE, add_block_with_keyboard, tab_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def levels(home_page):
    levels_seed()


def test_a_class_from_creation_to_three_stars(page, browser, live_server, levels):
    teacher = make_teacher()
    sign_in(page, teacher, live_server)

    page.goto("/en/sections/")
    assert_accessible(page)
    page.get_by_label("Name of the class").fill("4B Sint-Jozef")
    page.get_by_label("Language of the class").select_option("en")
    page.get_by_role("button", name="Create the class").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("4B Sint-Jozef")
    code = page.locator(".section-code").inner_text()

    page.get_by_label("First names").fill("Emma\nNoah\nLina")
    page.get_by_role("button", name="Add the children").click()
    expect(page.locator(".class-grid tbody tr")).to_have_count(3)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # The print button posts the same form a click does; the PDF comes back.
    form = page.locator("form:has(#print-cards)")
    cards = page.request.post(
        form.get_attribute("action"),
        form={"csrfmiddlewaretoken": form.locator("[name=csrfmiddlewaretoken]").input_value()},
    )
    assert cards.status == 200
    assert cards.headers["content-type"] == "application/pdf"
    assert cards.body().startswith(b"%PDF")

    emma = SectionChild.objects.get(first_name="Emma")
    child_picture_password_set(child=emma, pictures=["sun", "tree", "key"], set_by=teacher)

    child_context = browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=live_server.url
    )
    child = child_context.new_page()
    child.set_default_timeout(10_000)
    child.goto(f"/en/class/?code={code}")
    expect(child.get_by_role("heading", level=1)).to_have_text("Who are you?")
    assert_accessible(child)
    child.get_by_role("link", name="Emma").click()
    expect(child.get_by_role("group", name="First picture")).to_be_visible()
    assert_no_horizontal_scroll(child)
    assert_accessible(child)
    for position, picture in (("First", "sun"), ("Second", "tree"), ("Third", "key")):
        group = child.get_by_role("group", name=f"{position} picture")
        group.get_by_role("radio", name=picture).check()
    child.get_by_role("button", name="Sign in").click()
    expect(child).to_have_url(f"{live_server.url}/en/puzzles/")

    child.goto("/en/puzzles/1/")
    tab_until(child, IN_WORKSPACE)
    add_block_with_keyboard(child)
    add_block_with_keyboard(child)
    expect(child.locator("#program-text")).to_have_text("when run\n  move forward\n  move forward")
    tab_until(child, "() => document.activeElement.id === 'run'")
    child.keyboard.press("Enter")
    expect(child.locator(".puzzle-stars")).to_have_attribute("data-stars", "3")
    child_context.close()

    page.reload()
    cell = page.locator(".class-grid tbody tr", has_text="Emma").locator('td[data-level="1"]')
    expect(cell).to_have_attribute("data-stars", "3")
    expect(cell).to_contain_text("solved, 3 stars")


def test_the_child_and_consent_pages_are_accessible(page, live_server, levels):
    from lms.services import section_children_add, section_create

    teacher = make_teacher()
    section = section_create(
        teacher=teacher, name="5A", language="en", school_year="2026-2027", under_13=True
    )
    (child,) = section_children_add(section=section, text="Lina", added_by=teacher)
    sign_in(page, teacher, live_server)
    page.goto(f"/en/sections/{section.pk}/children/{child.pk}/")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.get_by_role("button", name="Record the consent").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Name of the parent or guardian").fill("Anna Peeters")
    page.get_by_label("Signed reply slip").check()
    page.get_by_role("button", name="Record the consent").click()
    expect(page.get_by_role("table")).to_contain_text("Anna Peeters")
    assert_accessible(page)


def test_a_wrong_code_is_told_clearly_and_accessibly(page, levels):
    page.goto("/fr/class/?code=ZZZZZZ")
    expect(page.locator("#error-summary")).to_contain_text("Nous ne connaissons pas ce code")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
