"""The maze world: a grid of walls and paths, a start with a direction, a goal.

A maze is written as a compact text grid, one line per row:
``#`` wall, ``.`` path, ``G`` goal, and the start as the direction the
character faces: ``^`` north, ``>`` east, ``v`` south, ``<`` west.
Everything outside the grid is wall.
"""

from dataclasses import dataclass
from enum import IntEnum

from django.utils.translation import gettext_lazy as _

MAX_SIDE = 12


class Direction(IntEnum):
    NORTH = 0
    EAST = 1
    SOUTH = 2
    WEST = 3

    def left(self) -> "Direction":
        return Direction((self - 1) % 4)

    def right(self) -> "Direction":
        return Direction((self + 1) % 4)

    @property
    def delta(self) -> tuple[int, int]:
        return ((0, -1), (1, 0), (0, 1), (-1, 0))[self]

    @property
    def key(self) -> str:
        return self.name.lower()


START_MARKS = {"^": Direction.NORTH, ">": Direction.EAST, "v": Direction.SOUTH, "<": Direction.WEST}


class MazeError(ValueError):
    """The text is not a valid maze; the message says why, for an editor."""


@dataclass(frozen=True)
class Maze:
    rows: tuple[str, ...]
    start: tuple[int, int]
    start_direction: Direction
    goal: tuple[int, int]

    @property
    def width(self) -> int:
        return len(self.rows[0])

    @property
    def height(self) -> int:
        return len(self.rows)

    def is_open(self, x: int, y: int) -> bool:
        if not (0 <= x < self.width and 0 <= y < self.height):
            return False
        return self.rows[y][x] != "#"

    def as_json(self) -> dict:
        """What the player needs to draw the maze (no answer in it)."""
        return {
            "rows": [row.replace("G", ".").translate(_NO_START) for row in self.rows],
            "start": {
                "x": self.start[0],
                "y": self.start[1],
                "direction": self.start_direction.key,
            },
            "goal": {"x": self.goal[0], "y": self.goal[1]},
        }


_NO_START = str.maketrans(dict.fromkeys(START_MARKS, "."))


def maze_parse(text: str) -> Maze:
    """Read a maze from its text grid, or raise MazeError saying what is wrong."""
    rows = tuple(line.strip() for line in text.strip().splitlines() if line.strip())
    if not rows:
        raise MazeError(_("The maze is empty."))
    if len(rows) > MAX_SIDE or any(len(row) > MAX_SIDE for row in rows):
        raise MazeError(_("A maze is at most %(side)d by %(side)d squares.") % {"side": MAX_SIDE})
    if len({len(row) for row in rows}) != 1:
        raise MazeError(_("Every row of the maze must be as long as the others."))
    starts, goals = [], []
    for y, row in enumerate(rows):
        for x, mark in enumerate(row):
            if mark in START_MARKS:
                starts.append((x, y, START_MARKS[mark]))
            elif mark == "G":
                goals.append((x, y))
            elif mark not in "#.":
                raise MazeError(
                    _("Unknown sign “%(mark)s”: use # . G and one of ^ > v <.") % {"mark": mark}
                )
    if len(starts) != 1:
        raise MazeError(_("The maze needs exactly one start: ^ > v or <."))
    if len(goals) != 1:
        raise MazeError(_("The maze needs exactly one goal: G."))
    x, y, direction = starts[0]
    return Maze(rows=rows, start=(x, y), start_direction=direction, goal=goals[0])
