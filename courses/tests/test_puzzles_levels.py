"""The level files (courses/content/puzzles/world-*.yaml): read and checked
without a database, seeded idempotently, and every level has a reference
solution that the server's interpreter replays to the goal with three stars."""

import json
from pathlib import Path

import pytest

from courses.models import PuzzleLevel, PuzzleWorld
from courses.puzzles.demo import seed
from courses.puzzles.files import (
    THEMES,
    PuzzleFileError,
    puzzle_files_load,
    puzzle_levels_from_files,
)
from courses.puzzles.interpreter import program_run
from courses.puzzles.program import BLOCK_TYPES, program_compile
from courses.puzzles.services import puzzle_program_check
from courses.puzzles.world import maze_parse
from courses.tests.puzzle_programs import solutions

LEVELS = puzzle_levels_from_files()
SOLUTIONS = solutions()

# Words of a goal or hint (in English) that name a block: the level must
# offer it and its reference solution must use it.
NAMED_BLOCKS = {
    "repeat until": {"repeat_until"},
    "repeat": {"repeat", "repeat_until"},
    "loop": {"repeat", "repeat_until"},
    "function": {"function"},
    "if there is a path": {"if", "if_else"},
}


def blocks_used(program: dict) -> set[str]:
    found = set()

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") in BLOCK_TYPES:
                found.add(BLOCK_TYPES[node["type"]])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(program)
    return found


# --- the files ---------------------------------------------------------------


def test_at_least_thirty_levels_in_four_worlds_with_themes():
    worlds = puzzle_files_load()

    assert len(LEVELS) >= 30
    assert [world.number for world in worlds] == [1, 2, 3, 4]
    assert {world.theme for world in worlds} == set(THEMES)
    for world in worlds:
        assert set(world.title) == {"en", "nl", "fr", "de"}
        assert len(world.levels) >= 6


def test_the_file_themes_are_the_themes_the_model_offers():
    assert set(THEMES) == set(PuzzleWorld.Theme.values)


def test_the_first_twelve_levels_keep_their_numbers_and_mazes():
    by_number = {level.number: level for level in LEVELS}

    assert set(range(1, 13)) <= set(by_number)
    assert by_number[1].maze == "#####\n#>.G#\n#####"
    assert by_number[4].maze == "#########\n#>.....G#\n#########"
    assert by_number[12].maze.splitlines()[4] == "#>.####.G#"


def test_each_world_teaches_its_idea():
    first, second, third, fourth = puzzle_files_load()

    assert all(set(level.blocks) == {"move", "turn_left", "turn_right"} for level in first.levels)
    assert all("repeat" in level.blocks for level in second.levels)
    assert all("repeat_until" in level.blocks for level in third.levels)
    assert all("function" in level.blocks for level in fourth.levels)


def write_world(folder: Path, text: str, name: str = "world-1.yaml") -> None:
    (folder / name).write_text(text, encoding="utf-8")


GOOD = """
world: 1
theme: garden
title: {en: Garden, nl: Tuin, fr: Jardin, de: Garten}
levels:
  - number: 101
    blocks: [move]
    ideal: 2
    maze: |
      #>.G#
    title: {en: A, nl: B, fr: C, de: D}
    goal: {en: A, nl: B, fr: C, de: D}
    hint: {en: A, nl: B, fr: C, de: D}
"""


def test_a_good_file_is_read_in_order(tmp_path):
    write_world(tmp_path, GOOD)

    (world,) = puzzle_files_load(tmp_path)

    assert (world.number, world.theme, world.title["nl"]) == (1, "garden", "Tuin")
    assert [(level.number, level.position, level.maze) for level in world.levels] == [
        (101, 1, "#>.G#")
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("fr: C, de: D}\n    goal", "fr: C}\n    goal"), "give the text in en, nl, fr, de"),
        (("#>.G#", "#>..#"), "goal"),
        (("blocks: [move]", "blocks: [teleport]"), "blocks"),
        (("blocks: [move]", "blocks: [turn_left]"), "move"),
        (("ideal: 2", "ideal: 0"), "ideal"),
        (("theme: garden", "theme: jungle"), "theme"),
        (("    hint: {en: A, nl: B, fr: C, de: D}\n", ""), "keys"),
    ],
)
def test_a_file_with_a_mistake_is_refused_with_the_reason(tmp_path, change, message):
    old, new = change
    assert old in GOOD
    write_world(tmp_path, GOOD.replace(old, new))

    with pytest.raises(PuzzleFileError) as error:
        puzzle_files_load(tmp_path)

    assert message in str(error.value)
    assert "world-1.yaml" in str(error.value)


def test_a_level_number_used_twice_is_refused(tmp_path):
    write_world(tmp_path, GOOD)
    write_world(tmp_path, GOOD.replace("world: 1", "world: 2"), "world-2.yaml")

    with pytest.raises(PuzzleFileError, match="level 101"):
        puzzle_files_load(tmp_path)


def test_broken_yaml_is_refused(tmp_path):
    write_world(tmp_path, "world: [1\n")

    with pytest.raises(PuzzleFileError, match="YAML"):
        puzzle_files_load(tmp_path)


# --- reference solutions ----------------------------------------------------------


def test_every_level_has_a_reference_solution():
    missing = sorted({level.number for level in LEVELS} - set(SOLUTIONS))

    assert missing == [], f"levels without a reference solution: {missing}"


@pytest.mark.parametrize("data", LEVELS, ids=lambda data: f"level-{data.number}")
def test_reference_solution_reaches_the_goal_with_allowed_blocks_and_three_stars(data):
    program = SOLUTIONS.get(data.number)
    assert program is not None, f"level {data.number} has no reference solution"

    compiled = program_compile(program, allowed=set(data.blocks))  # refuses other blocks
    run = program_run(compiled, maze_parse(data.maze))
    level = PuzzleLevel(
        number=data.number,
        maze=data.maze,
        allowed_blocks=list(data.blocks),
        ideal_block_count=data.ideal,
    )
    verdict = puzzle_program_check(level=level, program_json=json.dumps(program))

    assert run.reached_goal
    assert compiled.block_count <= data.ideal
    assert (verdict.status, verdict.stars) == ("solved", 3)


@pytest.mark.parametrize("data", LEVELS, ids=lambda data: f"level-{data.number}")
def test_goal_and_hint_name_only_blocks_the_solution_uses(data):
    text = f"{data.goal['en']} {data.hint['en']}".lower()
    used = blocks_used(SOLUTIONS[data.number])
    for words, blocks in NAMED_BLOCKS.items():
        if words in text:
            assert blocks & set(data.blocks), (data.number, words)
            assert blocks & used, (data.number, words)


# --- seeding ---------------------------------------------------------------------


@pytest.mark.django_db
def test_seed_twice_changes_nothing_and_gives_each_level_its_world():
    fields = ("pk", "number", "world", "position", "title")
    seed()
    before = sorted(PuzzleLevel.objects.values_list(*fields))

    seed()

    assert sorted(PuzzleLevel.objects.values_list(*fields)) == before
    assert PuzzleWorld.objects.filter(locale__language_code="fr", number=4).get().title == (
        "Pip dans l’espace"
    )
    level = PuzzleLevel.objects.get(locale__language_code="de", number=23)
    assert (level.world, level.position) == (3, 1)


@pytest.mark.django_db
def test_seed_adds_new_levels_and_keeps_an_edited_one(tmp_path):
    write_world(tmp_path, GOOD)
    seed(tmp_path)
    level = PuzzleLevel.objects.get(number=101, locale__language_code="en")
    level.title = "Changed by an editor"
    level.save()
    write_world(tmp_path, GOOD.replace("levels:\n", "levels:\n" + LEVEL_102))

    seed(tmp_path)

    level.refresh_from_db()
    assert level.title == "Changed by an editor"
    assert PuzzleLevel.objects.filter(number=102).count() == 4
    assert PuzzleLevel.objects.get(number=102, locale__language_code="nl").title == "Nieuw"


LEVEL_102 = """  - number: 102
    blocks: [move]
    ideal: 1
    maze: |
      #>G#
    title: {en: New, nl: Nieuw, fr: Nouveau, de: Neu}
    goal: {en: A, nl: B, fr: C, de: D}
    hint: {en: A, nl: B, fr: C, de: D}
"""


@pytest.mark.django_db
def test_seed_gives_a_level_from_before_the_worlds_its_world_and_keeps_its_words():
    from wagtail.models import Locale

    data = next(level for level in LEVELS if level.number == 5)
    en = Locale.objects.get_or_create(language_code="en")[0]
    PuzzleLevel.objects.create(
        locale=en,
        number=5,
        title="Old stairs",
        goal="Climb.",
        maze=data.maze,
        allowed_blocks=list(data.blocks),
        ideal_block_count=data.ideal,
    )

    seed()

    level = PuzzleLevel.objects.get(number=5, locale=en)
    assert (level.title, level.world, level.position) == ("Old stairs", 2, data.position)


# --- the course -----------------------------------------------------------------

COURSE = Path(__file__).resolve().parents[1] / "content" / "courses" / "coding-for-kids"


@pytest.mark.parametrize("language", ["en", "nl", "fr", "de"])
def test_each_world_module_of_the_course_plays_that_worlds_levels_in_order(language):
    import re

    import yaml

    worlds = puzzle_files_load()
    modules = sorted(path for path in COURSE.iterdir() if path.is_dir())
    assert len(modules) == len(worlds)
    for module, world in zip(modules, worlds, strict=True):
        lists = [
            yaml.safe_load(match)
            for lesson in sorted(module.glob(f"*/{language}.md"))
            for match in re.findall(r"^levels: (\[.*\])$", lesson.read_text(), re.MULTILINE)
        ]
        assert lists == [[level.number for level in world.levels]], module.name
