"""A person reads a real lesson (loaded from courses/content/courses/) on a
360 px phone in German: its pictures load and fit the screen, with their text
alternatives, and the lesson says when it was last reviewed and from which
sources."""

import pytest

from courses.content.banks import bank_read
from courses.content.files import COURSES_DIR, course_read
from courses.models import CatalogPage, LessonPage
from courses.services import question_bank_load
from courses.services_content import course_load
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _first_pictured_module(course: dict) -> dict:
    for module in course["modules"]:
        if any(k in ("image", "mockup") for lesson in module["lessons"] for k, _ in lesson["body"]):
            return module
    raise AssertionError("no lesson of the course has a picture")


@pytest.fixture
def lesson(home_page) -> LessonPage:
    """One module of the real basic course, in four languages."""
    data = course_read(COURSES_DIR / "basic-digital-skills")
    module = _first_pictured_module(data)
    data = {**data, "modules": [module], "certificate_enabled": False}
    keys = {v["bank"] for lesson in module["lessons"] for k, v in lesson["body"] if k == "quiz"}
    banks = {key: question_bank_load(data=bank_read(key)) for key in keys}
    catalogue = CatalogPage.objects.child_of(home_page).get()
    course_load(catalogue=catalogue, data=data, banks=banks)
    first = next(
        lesson
        for lesson in module["lessons"]
        if any(k in ("image", "mockup") for k, _ in lesson["body"])
    )
    return LessonPage.objects.get(slug=first["slug"], locale__language_code="de")


def test_a_lesson_with_pictures_reads_well_on_a_phone_in_german(page, lesson):
    page.goto(lesson.url)
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").inner_text() == lesson.title
    pictures = page.locator(".lesson-figure img")
    assert pictures.count() >= 1
    for index in range(pictures.count()):
        picture = pictures.nth(index)
        picture.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
        )
        assert picture.get_attribute("alt").strip()
        box = picture.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    about = page.locator(".lesson__about")
    assert "Zuletzt geprüft am" in about.inner_text()
    assert page.locator(".lesson__sources a").count() >= 1
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
