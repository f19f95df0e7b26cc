"""Blockly programs for the puzzle tests, written the way
`Blockly.serialization.workspaces.save` writes them, and the reference
solution of every level (each reaches the level's ideal block count)."""

import itertools

import factory
from django.conf import settings
from wagtail.models import Locale

from courses.models import PuzzleLevel

_ids = itertools.count(1)


def _block(kind: str, *, fields=None, inputs=None) -> dict:
    block = {"type": kind, "id": f"b{next(_ids)}"}
    if fields:
        block["fields"] = fields
    if inputs:
        block["inputs"] = inputs
    return block


def chain(blocks) -> dict | None:
    """Join blocks by their `next` connections; returns the first one."""
    blocks = list(blocks)
    for first, second in itertools.pairwise(blocks):
        first["next"] = {"block": second}
    return blocks[0] if blocks else None


def _body(blocks) -> dict:
    first = chain(blocks)
    return {"block": first} if first else None


def move() -> dict:
    return _block("maze_move_forward")


def left() -> dict:
    return _block("maze_turn_left")


def right() -> dict:
    return _block("maze_turn_right")


def call() -> dict:
    return _block("maze_function_call")


def repeat(times, *body) -> dict:
    inputs = {"DO": _body(body)} if body else None
    return _block("maze_repeat", fields={"TIMES": times}, inputs=inputs)


def until(*body) -> dict:
    return _block("maze_repeat_until_goal", inputs={"DO": _body(body)} if body else None)


def if_path(direction, *body) -> dict:
    inputs = {"DO": _body(body)} if body else None
    return _block("maze_if_path", fields={"DIRECTION": direction}, inputs=inputs)


def if_else_path(direction, then, otherwise) -> dict:
    inputs = {"DO": _body(then), "ELSE": _body(otherwise)}
    return _block("maze_if_else_path", fields={"DIRECTION": direction}, inputs=inputs)


def program(*main, function=None, loose=()) -> dict:
    """A whole workspace: the "when run" block with `main` under it, and the
    function definition when given."""
    start = {"type": "maze_start", "id": "start", "x": 20, "y": 20, "deletable": False}
    if main:
        start["next"] = {"block": chain(main)}
    top = [start]
    if function is not None:
        top.append(_block("maze_function_define", inputs={"DO": _body(function)}))
    top.extend(loose)
    return {"blocks": {"languageVersion": 0, "blocks": top}}


def solutions() -> dict[int, dict]:
    """The reference program of each level, by level number. Every level in
    courses/content/puzzles/ needs one (test_puzzles_levels.py checks it)."""

    def step():  # one step up the stairs
        return [move(), left(), move(), right()]

    def hill():  # up one square, two along the top, down again
        return [left(), move(), right(), move(), move(), right(), move(), left()]

    def step_down():
        return [move(), right(), move(), left()]

    return {
        # World 1, the garden: sequences.
        1: program(move(), move()),
        2: program(move(), right(), move(), move()),
        3: program(move(), move(), right(), move(), move()),
        13: program(move(), move(), left(), move(), move()),
        15: program(move(), move(), left(), move(), move()),
        31: program(right(), right(), move(), move(), move()),
        16: program(move(), move(), right(), move(), move(), right(), move(), move()),
        14: program(move(), right(), move(), left(), move(), right(), move(), left(), move()),
        17: program(
            move(), move(), right(), move(), move(), right(), move(), move(), left(), move(), move()
        ),
        # World 2, the beach: loops.
        4: program(repeat(6, move())),
        18: program(repeat(4, move()), right(), repeat(4, move())),
        5: program(repeat(3, *step())),
        19: program(repeat(4, *step_down())),
        20: program(repeat(3, move(), move(), left(), move(), right())),
        6: program(repeat(3, repeat(4, move()), right())),
        32: program(repeat(3, repeat(3, move()), left())),
        21: program(repeat(2, repeat(3, move()), left(), move(), right())),
        22: program(repeat(3, repeat(2, move()), right(), repeat(2, move()), left())),
        # World 3, the cave: repeat until the goal, and choices.
        23: program(until(move())),
        7: program(until(move(), right(), move(), left())),
        8: program(until(move(), if_path("RIGHT", right()))),
        24: program(until(move(), if_path("LEFT", left()))),
        9: program(until(if_else_path("AHEAD", [move()], [left()]))),
        25: program(until(if_else_path("AHEAD", [move()], [right()]))),
        33: program(until(move(), if_path("LEFT", left()), if_path("RIGHT", right()))),
        10: program(
            until(if_else_path("AHEAD", [move()], [if_else_path("LEFT", [left()], [right()])]))
        ),
        26: program(
            until(
                if_else_path(
                    "RIGHT", [right(), move()], [if_else_path("AHEAD", [move()], [left()])]
                )
            )
        ),
        # World 4, space: functions.
        27: program(call(), right(), call(), left(), call(), function=[move(), move(), move()]),
        34: program(call(), call(), move(), call(), function=[move(), move(), right()]),
        11: program(call(), call(), move(), move(), move(), call(), call(), function=step()),
        30: program(call(), move(), call(), move(), move(), call(), function=step()),
        28: program(call(), call(), move(), call(), call(), function=step_down()),
        35: program(repeat(2, call()), left(), repeat(2, call()), function=step()),
        29: program(repeat(2, call()), repeat(2, move()), repeat(3, call()), function=step()),
        12: program(repeat(3, call()), move(), right(), repeat(3, call()), function=step()),
        36: program(call(), move(), move(), call(), move(), function=hill()),
    }


class PuzzleLevelFactory(factory.django.DjangoModelFactory):
    """A small level in the default language: a corridor of three squares."""

    class Meta:
        model = PuzzleLevel

    locale = factory.LazyFunction(
        lambda: Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
    )
    number = factory.Sequence(lambda n: 100 + n)
    title = "Corridor"
    goal = "Reach the flag."
    maze = "#####\n#>.G#\n#####"
    allowed_blocks = factory.LazyFunction(lambda: ["move", "turn_left", "turn_right"])
    ideal_block_count = 2
    hint = ""
