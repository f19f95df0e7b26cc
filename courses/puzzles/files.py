"""The puzzle levels as content files: one YAML file per world in
courses/content/puzzles/ (world-1.yaml, ...), with the world's title and its
levels in playing order, every text in nl, fr, de and en.

Reading the files needs no database; `courses.puzzles.demo.seed` loads them.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

from courses.content.files import texts
from courses.puzzles.program import BLOCK_KEYS
from courses.puzzles.world import MazeError, maze_parse

FOLDER = Path(__file__).resolve().parents[1] / "content" / "puzzles"
THEMES = ("garden", "beach", "cave", "space")
LEVEL_KEYS = {"number", "blocks", "ideal", "maze", "title", "goal", "hint"}
WORLD_KEYS = {"world", "theme", "title", "levels"}


class PuzzleFileError(ValueError):
    """A level file is not right; the message names the file and the level."""


@dataclass(frozen=True)
class LevelData:
    number: int
    world: int
    position: int
    maze: str
    blocks: tuple[str, ...]
    ideal: int
    title: dict[str, str]
    goal: dict[str, str]
    hint: dict[str, str]


@dataclass(frozen=True)
class WorldData:
    number: int
    theme: str
    title: dict[str, str]
    levels: tuple[LevelData, ...]


def _texts(value, where: str) -> dict[str, str]:
    return texts(value, where, PuzzleFileError)


def _level(data, *, world: int, position: int, where: str) -> LevelData:
    if not isinstance(data, dict) or set(data) != LEVEL_KEYS:
        raise PuzzleFileError(f"{where}: a level has exactly the keys {sorted(LEVEL_KEYS)}")
    number, ideal, blocks = data["number"], data["ideal"], data["blocks"]
    where = f"{where}, level {number}"
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 999:
        raise PuzzleFileError(f"{where}: the number is 1 to 999")
    if not isinstance(ideal, int) or isinstance(ideal, bool) or ideal < 1:
        raise PuzzleFileError(f"{where}: ideal is a number of blocks, at least 1")
    if not isinstance(blocks, list) or not set(blocks) <= set(BLOCK_KEYS) or "move" not in blocks:
        raise PuzzleFileError(f"{where}: blocks are among {BLOCK_KEYS} and include move")
    if not isinstance(data["maze"], str):
        raise PuzzleFileError(f"{where}: the maze is text")
    try:
        maze_parse(data["maze"])
    except MazeError as error:
        raise PuzzleFileError(f"{where}: {error}") from None
    return LevelData(
        number=number,
        world=world,
        position=position,
        maze="\n".join(line.strip() for line in data["maze"].strip().splitlines()),
        blocks=tuple(blocks),
        ideal=ideal,
        title=_texts(data["title"], f"{where}, title"),
        goal=_texts(data["goal"], f"{where}, goal"),
        hint=_texts(data["hint"], f"{where}, hint"),
    )


def puzzle_world_file_read(path: Path) -> WorldData:
    """One world file, checked; raises PuzzleFileError saying what is wrong."""
    where = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise PuzzleFileError(f"{where}: not valid YAML ({error})") from None
    if not isinstance(data, dict) or set(data) != WORLD_KEYS:
        raise PuzzleFileError(f"{where}: a world file has exactly the keys {sorted(WORLD_KEYS)}")
    number = data["world"]
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 99:
        raise PuzzleFileError(f"{where}: world is a number from 1 to 99")
    if data["theme"] not in THEMES:
        raise PuzzleFileError(f"{where}: theme is one of {THEMES}")
    if not isinstance(data["levels"], list) or not data["levels"]:
        raise PuzzleFileError(f"{where}: levels is a list of levels")
    levels = tuple(
        _level(level, world=number, position=position, where=where)
        for position, level in enumerate(data["levels"], start=1)
    )
    return WorldData(
        number=number,
        theme=data["theme"],
        title=_texts(data["title"], f"{where}, title"),
        levels=levels,
    )


def puzzle_files_load(folder: Path | None = None) -> list[WorldData]:
    """Every world file of `folder` (by default courses/content/puzzles/), in
    world order. World and level numbers are unique across the files."""
    folder = folder or FOLDER
    worlds = sorted(
        (puzzle_world_file_read(path) for path in sorted(folder.glob("world-*.yaml"))),
        key=lambda world: world.number,
    )
    seen_worlds: set[int] = set()
    seen_levels: set[int] = set()
    for world in worlds:
        if world.number in seen_worlds:
            raise PuzzleFileError(f"world {world.number} is written twice")
        seen_worlds.add(world.number)
        for level in world.levels:
            if level.number in seen_levels:
                raise PuzzleFileError(f"level {level.number} is written twice")
            seen_levels.add(level.number)
    return worlds


def puzzle_levels_from_files(folder: Path | None = None) -> list[LevelData]:
    """All levels of all worlds, in playing order."""
    return [level for world in puzzle_files_load(folder) for level in world.levels]
