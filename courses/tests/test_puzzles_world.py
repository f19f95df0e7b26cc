import pytest

from courses.puzzles.files import puzzle_levels_from_files
from courses.puzzles.world import Direction, MazeError, maze_parse


def test_maze_parse_reads_start_direction_and_goal():
    maze = maze_parse("#####\n#v..#\n#..G#\n#####")

    assert maze.start == (1, 1)
    assert maze.start_direction == Direction.SOUTH
    assert maze.goal == (3, 2)
    assert (maze.width, maze.height) == (5, 4)


def test_outside_the_grid_is_wall():
    maze = maze_parse(">G")

    assert maze.is_open(1, 0)
    assert not maze.is_open(-1, 0)
    assert not maze.is_open(2, 0)
    assert not maze.is_open(0, 1)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "#>G#\n##",  # ragged rows
        "#..G#",  # no start
        "#>..#",  # no goal
        "#>.<G#",  # two starts
        "#>GG#",  # two goals
        "#>x.G#",  # unknown sign
        "\n".join([">" + "." * 12 + "G"]),  # too wide
    ],
)
def test_maze_parse_refuses_bad_mazes(text):
    with pytest.raises(MazeError):
        maze_parse(text)


def test_player_json_does_not_give_away_more_than_the_picture():
    maze = maze_parse("#>.G#")

    drawn = maze.as_json()

    assert drawn["rows"] == ["#...#"]
    assert drawn["start"] == {"x": 1, "y": 0, "direction": "east"}
    assert drawn["goal"] == {"x": 3, "y": 0}


def test_every_shipped_maze_is_valid_and_fits_a_phone():
    for data in puzzle_levels_from_files():
        maze = maze_parse(data.maze)
        assert maze.width <= 10, data.number


def test_turning_four_times_comes_back():
    direction = Direction.EAST
    for _ in range(4):
        direction = direction.left()
    assert direction == Direction.EAST
    assert Direction.NORTH.right() == Direction.EAST
