"""A child on a 360 x 740 phone, in each language: from the home page to the
class sign-in, their name and their pictures, a level solved by dragging blocks,
then the stars in the level list, in the course's lesson and in "My learning".
Each page is photographed into var/artifacts/kids-journey/, its primary action
is on the first screen and axe finds nothing serious."""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext
from playwright.sync_api import expect

from courses.content.files import COURSES_DIR, course_read
from courses.models import CatalogPage
from courses.puzzles.demo import seed as levels_seed
from courses.services_content import course_load
from lms.models import Enrolment
from lms.services import (
    child_picture_password_set,
    enrolment_create,
    section_children_add,
    section_create,
)
from lms.tests.sections_fixtures import make_teacher
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.browser.test_puzzles import IN_WORKSPACE, tab_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCREEN_HEIGHT = 740
ARTIFACTS = Path(settings.BASE_DIR) / "var" / "artifacts" / "kids-journey"
PICTURES = ["sun", "tree", "key"]


def on_first_screen(locator) -> None:
    """The element is visible without scrolling: its bottom edge is within the
    first 740 px of the page."""
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    scrolled = locator.page.evaluate("window.scrollY")
    assert box["y"] + scrolled + box["height"] <= SCREEN_HEIGHT, box


def photograph(page, language: str, step: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{language}-{step}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 0


def checked_page(page, language: str, step: str) -> None:
    assert page.locator("html").get_attribute("lang") == language
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    photograph(page, language, step)


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_a_child_signs_in_with_the_class_and_sees_the_stars(page, home_page, language):
    levels_seed()
    course = course_load(
        catalogue=CatalogPage.objects.child_of(home_page).get(),
        data=course_read(COURSES_DIR / "coding-for-kids"),
    )
    teacher = make_teacher()
    section = section_create(
        teacher=teacher, name="4B", language=language, school_year="2026-2027", under_13=False
    )
    (child,) = section_children_add(section=section, text="Emma", added_by=teacher)
    child_picture_password_set(child=child, pictures=PICTURES, set_by=teacher)
    enrolment_create(learner=child.user, course=course, source=Enrolment.Source.TEACHER)
    with translation.override(language):
        words = {
            "class": gettext("Sign in with your class"),
            "code": gettext("Class code"),
            "next": gettext("Next"),
            "who": gettext("Who are you?"),
            "groups": [
                gettext("First picture"),
                gettext("Second picture"),
                gettext("Third picture"),
            ],
            "pictures": [str(p) for p in _picture_names(PICTURES)],
            "sign_in": gettext("Sign in"),
            "keys": gettext("Keys you can use"),
            "run": gettext("Run the program"),
            "program": "\n  ".join(
                [gettext("when run"), gettext("move forward"), gettext("move forward")]
            ),
            "esc": pgettext("key", "Esc"),
            "solved": ngettext("Solved: %(stars)s of 3 stars", "Solved: %(stars)s of 3 stars", 3)
            % {"stars": 3},
            "lesson_solved": ngettext("Solved: %(stars)s star", "Solved: %(stars)s stars", 3)
            % {"stars": 3},
            "summary": ngettext(
                "You solved %(solved)s puzzle and earned %(stars)s stars.",
                "You solved %(solved)s puzzles and earned %(stars)s stars.",
                1,
            )
            % {"solved": 1, "stars": 3},
            "course_levels": ngettext(
                "You solved %(done)s of %(total)s level in this course.",
                "You solved %(done)s of %(total)s levels in this course.",
                36,
            )
            % {"done": 1, "total": 36},
            "continue": gettext("Continue where you left off"),
            "play_next": gettext("Play level %(number)s") % {"number": 2},
            "my_puzzles": gettext("See your puzzles, world by world"),
        }

    # The home page: the children's way in, on the first screen.
    page.goto(f"/{language}/")
    entry = page.get_by_role("link", name=words["class"])
    on_first_screen(entry)
    checked_page(page, language, "1-home")
    entry.click()

    # The class code, as printed on the card.
    field = page.get_by_label(words["code"])
    on_first_screen(page.get_by_role("button", name=words["next"]))
    checked_page(page, language, "2-class-code")
    field.fill(section.code)
    page.get_by_role("button", name=words["next"]).click()

    # The child picks their name.
    expect(page.get_by_role("heading", level=1)).to_have_text(words["who"])
    name = page.get_by_role("link", name="Emma")
    on_first_screen(name)
    checked_page(page, language, "3-names")
    name.click()

    # The three pictures from the card, in order (the first choice on screen).
    first = page.get_by_role("group", name=words["groups"][0])
    on_first_screen(first.get_by_role("radio", name=words["pictures"][0]))
    checked_page(page, language, "4-pictures")
    page.set_viewport_size({"width": 320, "height": SCREEN_HEIGHT})
    assert_no_horizontal_scroll(page)
    page.set_viewport_size({"width": 360, "height": SCREEN_HEIGHT})
    for group, picture in zip(words["groups"], words["pictures"], strict=True):
        page.get_by_role("group", name=group).get_by_role("radio", name=picture).check()
    page.get_by_role("button", name=words["sign_in"]).click()
    expect(page).to_have_url(f"{page.url.split('/' + language + '/')[0]}/{language}/puzzles/")

    # Level 1, solved as on a phone: two blocks dragged under "when run", then Run.
    page.goto(f"/{language}/puzzles/1/")
    drag_block_under_last(page)
    drag_block_under_last(page)
    expect(page.locator("#program-text")).to_have_text(words["program"])
    page.get_by_role("button", name=words["run"]).click()
    expect(page.locator(".puzzle-stars")).to_have_attribute("data-stars", "3")
    checked_page(page, language, "5-solved")

    # "/" in the blocks lists the keys in the child's language, within the screen.
    tab_until(page, IN_WORKSPACE)
    page.keyboard.press("/")
    help_dialog = page.get_by_role("dialog", name=words["keys"])
    expect(help_dialog).to_be_visible()
    box = help_dialog.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    assert_no_horizontal_scroll(page)
    expect(help_dialog).to_contain_text(words["esc"])
    assert_accessible(page)
    photograph(page, language, "6-keys")
    page.keyboard.press("Escape")
    expect(help_dialog).to_be_hidden()

    # The level list: three stars on level 1, in words too; level 2 is next, on top.
    page.goto(f"/{language}/puzzles/")
    level = page.locator('.puzzle-level[data-level="1"]')
    expect(level.locator(".puzzle-level__stars")).to_have_attribute("data-stars", "3")
    expect(level).to_contain_text(words["solved"])
    on_first_screen(page.get_by_role("link", name=words["play_next"]))
    checked_page(page, language, "7-levels")

    # My learning counts the level and its stars, in the course too.
    page.goto(f"/{language}/learning/")
    expect(page.locator(".dashboard-puzzles")).to_contain_text(words["summary"])
    expect(page.locator(".dashboard-levels")).to_have_text(words["course_levels"])
    expect(page.get_by_role("link", name=words["continue"])).to_be_visible()
    on_first_screen(page.get_by_role("link", name=words["my_puzzles"]))
    checked_page(page, language, "8-my-learning")

    # The course's lesson lists its levels with the stars earned.
    page.goto(_garden_lesson(course, language).url)
    card = page.locator(".puzzle-card").first
    expect(card.locator(".puzzle-card__state--solved")).to_contain_text(words["lesson_solved"])
    checked_page(page, language, "9-lesson")


BOX = (
    "(element) => { const r = element.getBoundingClientRect(); return [r.left, r.top, r.bottom]; }"
)


def drag_block_under_last(page) -> None:
    """As a finger does on a phone: drag the first block on offer (move
    forward) and drop it under the last block of the program."""
    count = "() => Blockly.getMainWorkspace().getAllBlocks(false).length"
    before = page.evaluate(count)
    page.locator("#workspace").scroll_into_view_if_needed()
    offered = page.evaluate_handle(
        "() => Blockly.getMainWorkspace().getFlyout().getWorkspace()"
        ".getTopBlocks(true)[0].getSvgRoot()"
    )
    last = page.evaluate_handle(
        "() => { let b = Blockly.getMainWorkspace().getBlocksByType('maze_start')[0];"
        " while (b.getNextBlock()) b = b.getNextBlock(); return b.getSvgRoot(); }"
    )
    left, top, _bottom = offered.evaluate(BOX)
    to_left, to_top, to_bottom = last.evaluate(BOX)
    if page.evaluate(f"() => ({count})()") > 1:
        # The last block's own box: its path, not the group that holds the blocks below.
        to_top, to_bottom = last.evaluate(
            "(g) => { const r = g.querySelector(':scope > path').getBoundingClientRect();"
            " return [r.top, r.bottom]; }"
        )
    page.mouse.move(left + 8, top + 8)
    page.mouse.down()
    page.mouse.move(left + 40, top + 20, steps=5)
    page.mouse.move(to_left + 8, to_bottom + 8, steps=10)
    page.mouse.up()
    page.wait_for_function(f"() => ({count})() === {before + 1}")


def _garden_lesson(course, language: str):
    from wagtail.models import Locale

    from courses.models import LessonPage

    lesson = LessonPage.objects.descendant_of(course).get(title="Puzzles in Pip's garden")
    return lesson.get_translation(Locale.objects.get(language_code=language))


def _picture_names(keys: list[str]) -> list:
    from lms.pictures import BY_KEY

    return [BY_KEY[key].name for key in keys]
