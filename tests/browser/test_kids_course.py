"""A child in a class opens the coding-for-kids course: the course page says
that children earn a class diploma from their teacher, a lesson has no "mark
as done" but cards that open its puzzle levels, and the link leads to the
level in the player."""

import pytest
from playwright.sync_api import expect

from courses.content.files import COURSES_DIR, course_read
from courses.models import CatalogPage
from courses.puzzles.demo import seed as levels_seed
from courses.services_content import course_load
from lms.models import Enrolment
from lms.services import enrolment_create, section_children_add, section_create
from lms.tests.sections_fixtures import make_teacher
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DIPLOMA = "your teacher can print a class diploma for you"


def test_a_child_follows_the_kids_course_to_a_puzzle_level(page, live_server, home_page):
    levels_seed()
    course = course_load(
        catalogue=CatalogPage.objects.child_of(home_page).get(),
        data=course_read(COURSES_DIR / "coding-for-kids"),
    )
    teacher = make_teacher()
    section = section_create(
        teacher=teacher, name="4B", language="en", school_year="2026-2027", under_13=False
    )
    (child,) = section_children_add(section=section, text="Emma", added_by=teacher)
    enrolment_create(learner=child.user, course=course, source=Enrolment.Source.TEACHER)
    sign_in(page, child.user, live_server)

    page.goto(course.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Coding for kids")
    expect(page.locator(".class-diploma-notice")).to_contain_text(DIPLOMA)
    expect(page.get_by_text("Yes, when you complete the course")).to_have_count(0)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # The world's intro: Pip, drawn, with its text alternative.
    page.locator(".outline__lessons").get_by_role("link", name="Meet Pip").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meet Pip")
    expect(page.get_by_role("img", name="Pip, a small blue and yellow robot")).to_be_visible()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    page.goto(course.url)
    page.locator(".outline__lessons").get_by_role("link", name="Puzzles in Pip's garden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Puzzles in Pip's garden")
    expect(page.get_by_role("button", name="Mark as done")).to_have_count(0)
    expect(
        page.get_by_text("This lesson is done when you have solved its puzzles.")
    ).to_be_visible()
    expect(page.locator(".class-diploma-notice")).to_contain_text(DIPLOMA)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    cards = page.locator(".puzzle-cards")
    expect(cards.get_by_role("link")).to_have_count(9)
    cards.get_by_role("link", name="Level 1:").click()
    expect(page).to_have_url(f"{live_server.url}/en/puzzles/1/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Level 1")
    expect(page.locator(".class-diploma-notice")).to_contain_text(DIPLOMA)
    assert_accessible(page)
