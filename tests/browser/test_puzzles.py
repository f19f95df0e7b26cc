"""A child solves coding puzzles on a phone, with the keyboard only; the
stars come from the server's replay of the program."""

import pytest
from playwright.sync_api import expect

from courses.puzzles.demo import seed
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The editor itself, not the column of blocks on offer (the flyout).
IN_WORKSPACE = (
    "() => document.activeElement.closest('#workspace') !== null"
    " && document.activeElement.closest('.blocklyFlyout') === null"
)
IN_FLYOUT = "() => document.activeElement.closest('.blocklyFlyout') !== null"


@pytest.fixture
def levels(home_page):
    seed()


def tab_until(page, predicate: str, *, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return
    raise AssertionError(f"Tab never reached {predicate}")


def add_block_with_keyboard(page) -> None:
    """T opens the level's blocks and Enter takes the first one (move forward).
    The plugin then usually lets the child move the new block (Enter drops it
    under the last block); it may also drop it there at once."""
    count = "() => Blockly.getMainWorkspace().getAllBlocks(false).length"
    moving = "() => Blockly.getMainWorkspace().isDragging()"
    before = page.evaluate(count)
    page.keyboard.press("t")
    page.wait_for_function(IN_FLYOUT)
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => ({count})() === {before + 1}")
    if page.evaluate(moving):
        page.keyboard.press("Enter")
        page.wait_for_function(f"() => !({moving})()")


def test_level_one_solved_with_the_keyboard_only_gets_three_stars(page, levels):
    page.goto("/en/puzzles/1/")
    tab_until(page, IN_WORKSPACE)

    add_block_with_keyboard(page)
    add_block_with_keyboard(page)
    expect(page.locator("#program-text")).to_have_text("when run\n  move forward\n  move forward")
    tab_until(page, "() => document.activeElement.id === 'run'")
    page.keyboard.press("Enter")

    stars = page.locator(".puzzle-stars")
    expect(stars).to_have_attribute("data-stars", "3")
    expect(stars).to_contain_text("3 stars out of 3")
    expect(page.locator("#result")).to_contain_text("The robot reached the goal")
    expect(page.locator("#maze-position")).to_have_text("The robot is on the flag.")


def add_blocks_under_start(page, *types: str) -> None:
    """Build the program through Blockly's own API (the keyboard path is the
    level 1 test's; with Chromium 156 the keyboard plugin drops the first block
    of the French level 2 loose, a known gap of the phone-experience issue)."""
    page.evaluate(
        """(types) => {
            const workspace = Blockly.getMainWorkspace();
            let parent = workspace.getBlocksByType("maze_start")[0];
            for (const type of types) {
                const block = workspace.newBlock(type);
                block.initSvg();
                block.render();
                parent.nextConnection.connect(block.previousConnection);
                parent = block;
            }
        }""",
        list(types),
    )


def test_a_wrong_program_shows_the_bump_and_no_stars(page, levels):
    page.emulate_media(reduced_motion="reduce")
    page.goto("/fr/puzzles/2/")
    add_blocks_under_start(page, "maze_move_forward", "maze_move_forward")
    expect(page.locator("#program-text")).to_contain_text("avance")

    page.get_by_role("button", name="Lance le programme").click()

    expect(page.locator("#result")).to_contain_text("mur")
    expect(page.locator(".puzzle-stars")).to_have_count(0)
    expect(page.locator("#maze-position")).to_contain_text("rangée 2, colonne 3")


def test_only_the_level_blocks_are_offered(page, levels):
    page.goto("/de/puzzles/4/")

    expect(page.locator(".blocklyFlyout .blocklyText").first).to_contain_text("geh")
    offered = page.evaluate(
        "() => Blockly.getMainWorkspace().getFlyout().getWorkspace()"
        ".getTopBlocks(true).map((block) => block.type)"
    )

    assert offered == ["maze_move_forward", "maze_turn_left", "maze_turn_right", "maze_repeat"]


@pytest.mark.parametrize(("code", "number"), [("nl", 1), ("fr", 9), ("de", 12), ("en", 6)])
def test_the_player_is_accessible_on_a_phone(page, levels, code, number):
    page.goto(f"/{code}/puzzles/{number}/")

    expect(page.locator("#program-text")).not_to_be_empty()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_the_level_list_is_accessible_on_a_phone(page, levels):
    page.goto("/nl/puzzles/")

    expect(page.locator(".puzzle-levels > li")).to_have_count(12)
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
