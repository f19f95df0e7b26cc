"""A child solves coding puzzles on a phone, with the keyboard only; the
stars come from the server's replay of the program."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from courses.puzzles.demo import seed
from courses.puzzles.files import puzzle_levels_from_files
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll, sign_in

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
    # The move mode may begin a moment after the block appears (a busy
    # machine): wait for it briefly rather than look once.
    try:
        page.wait_for_function(moving, timeout=1_500)
    except PlaywrightTimeoutError:
        return
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


def test_in_german_a_block_added_with_the_keyboard_stays(page, levels):
    """The German blocks are wider, so is their column: a block added with the
    keyboard used to be connected, then deleted as if dropped on the column."""
    page.goto("/de/puzzles/1/")
    tab_until(page, IN_WORKSPACE)

    add_block_with_keyboard(page)
    add_block_with_keyboard(page)
    expect(page.locator("#program-text")).to_have_text("beim Start\n  geh vorwärts\n  geh vorwärts")
    tab_until(page, "() => document.activeElement.id === 'run'")
    page.keyboard.press("Enter")
    expect(page.locator(".puzzle-stars")).to_have_attribute("data-stars", "3")


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


@pytest.mark.parametrize(
    ("code", "number"), [("nl", 1), ("fr", 9), ("de", 12), ("en", 6), ("nl", 21), ("fr", 26)]
)
def test_the_player_is_accessible_on_a_phone(page, levels, code, number):
    page.goto(f"/{code}/puzzles/{number}/")

    expect(page.locator("#program-text")).not_to_be_empty()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


def test_the_level_list_is_accessible_on_a_phone(page, levels):
    page.goto("/nl/puzzles/")

    expect(page.locator(".puzzle-levels > li")).to_have_count(len(puzzle_levels_from_files()))
    expect(page.locator(".puzzle-world h2")).to_have_count(4)
    expect(page.locator(".puzzle-world h2").first).to_have_text("Wereld 1: De tuin van Pip")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)


MAZE_IN_VIEW = """() => {
    const box = document.getElementById("maze").getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
}"""


def test_a_child_sees_the_world_map_and_the_maze_stays_in_view_during_a_run(
    page, live_server, levels
):
    from lms.models import PuzzleProgress, User
    from lms.tests.factories import UserFactory

    child = UserFactory(account_type=User.AccountType.YOUNG, preferred_language="en")
    PuzzleProgress.objects.create(user=child, level_number=1, attempts=1, solved=True, best_stars=3)
    PuzzleProgress.objects.create(user=child, level_number=2, attempts=2, solved=True, best_stars=2)
    sign_in(page, child, live_server)

    # The world map: worlds, the stars in words, the next level.
    page.goto("/en/puzzles/")
    first = page.locator(".puzzle-world").first
    expect(first.locator("h2")).to_have_text("World 1: Pip’s garden")
    expect(first).to_contain_text("2 of 9 levels solved. 5 of 27 stars.")
    expect(page.locator('[data-level="2"] .puzzle-level__stars')).to_contain_text(
        "Solved: 2 of 3 stars"
    )
    expect(page.locator(".puzzle-level--next")).to_have_count(1)
    expect(page.locator('.puzzle-level--next a[aria-current="step"]')).to_contain_text("Level 3")
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # Level 3 on the phone: the program is at the bottom; Run keeps the maze in view.
    page.locator(".puzzle-level--next a").click()
    expect(page.locator("main h1").first).to_contain_text("Level 3")
    expect(page.locator("#program-text")).not_to_be_empty()  # the player is ready
    add_blocks_under_start(
        page,
        "maze_move_forward",
        "maze_move_forward",
        "maze_turn_right",
        "maze_move_forward",
        "maze_move_forward",
    )
    run = page.locator("#run")
    run.scroll_into_view_if_needed()
    assert not page.evaluate(MAZE_IN_VIEW), "the maze is above the screen before the run"
    run.click()

    page.wait_for_function(
        "() => document.getElementById('puzzle').classList.contains('puzzle--running')"
    )
    # The maze is brought into view by a smooth scroll (a few hundred
    # milliseconds, none with reduced motion); from then on it stays there.
    page.wait_for_function(MAZE_IN_VIEW, timeout=2000)
    seen = 0
    while page.evaluate(
        "() => document.getElementById('puzzle').classList.contains('puzzle--running')"
    ):
        assert page.evaluate(MAZE_IN_VIEW), "the maze left the screen during the run"
        seen += 1
        page.wait_for_timeout(150)
    assert seen >= 3
    expect(page.locator(".puzzle-stars")).to_have_attribute("data-stars", "3")
    expect(page.locator("#result")).to_be_in_viewport()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)

    # The stars reach "My puzzles", linked from "My learning".
    page.goto("/en/learning/")
    page.get_by_role("link", name="See your puzzles, world by world").click()
    expect(page.locator('[data-level="3"]')).to_contain_text("Solved: 3 of 3 stars")
    expect(page.locator(".puzzle-world__progress").first).to_contain_text(
        "3 of 9 levels solved. 8 of 27 stars."
    )
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
