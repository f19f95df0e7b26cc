"""The server's verdict on programs: the only result that counts."""

import json

import pytest

from courses.models import PuzzleLevel
from courses.puzzles import interpreter
from courses.puzzles.files import puzzle_levels_from_files
from courses.puzzles.program import BLOCK_KEYS, MAX_BLOCKS, MAX_PROGRAM_BYTES
from courses.puzzles.services import puzzle_program_check, puzzle_stars
from courses.tests.puzzle_programs import (
    call,
    if_else_path,
    if_path,
    left,
    move,
    program,
    repeat,
    right,
    solutions,
    until,
)

LEVELS = puzzle_levels_from_files()
BY_NUMBER = {data.number: data for data in LEVELS}


def level(number: int, *, every_block: bool = False) -> PuzzleLevel:
    data = BY_NUMBER[number]
    return PuzzleLevel(
        number=number,
        maze=data.maze,
        allowed_blocks=list(BLOCK_KEYS if every_block else data.blocks),
        ideal_block_count=data.ideal,
    )


# --- every level can be solved, with three stars ---------------------------------


@pytest.mark.parametrize("number", sorted(BY_NUMBER))
def test_reference_program_solves_the_level_with_three_stars(number):
    verdict = puzzle_program_check(level=level(number), program_json=solutions()[number])

    assert verdict.status == "solved"
    assert verdict.reason == "goal"
    assert verdict.stars == 3
    assert verdict.block_count <= BY_NUMBER[number].ideal


@pytest.mark.parametrize("number", sorted(BY_NUMBER))
def test_reference_program_is_accepted_as_json_text(number):
    text = json.dumps(solutions()[number])

    assert puzzle_program_check(level=level(number), program_json=text).solved


def test_twelve_levels_teach_sequences_loops_conditionals_and_a_function():
    assert len(LEVELS) >= 12
    blocks = [set(data.blocks) for data in LEVELS]
    assert blocks[0] == {"move", "turn_left", "turn_right"}
    assert any("repeat" in b for b in blocks)
    assert any("repeat_until" in b for b in blocks)
    assert any("if_else" in b for b in blocks)
    assert any("function" in b for b in blocks)


# --- correct but longer: fewer stars ---------------------------------------------


def test_a_solution_two_blocks_longer_gets_two_stars():
    # Level 4 with a loop, after turning round on the spot.
    longer = program(left(), right(), repeat(6, move()))

    verdict = puzzle_program_check(level=level(4), program_json=longer)

    assert (verdict.status, verdict.block_count, verdict.stars) == ("solved", 4, 2)


def test_a_solution_without_the_loop_gets_one_star():
    verdict = puzzle_program_check(
        level=level(4), program_json=program(*[move() for _ in range(6)])
    )

    assert (verdict.status, verdict.stars) == ("solved", 1)


def test_stars_follow_the_ideal_block_count():
    assert puzzle_stars(block_count=3, ideal_block_count=4) == 3
    assert puzzle_stars(block_count=4, ideal_block_count=4) == 3
    assert puzzle_stars(block_count=6, ideal_block_count=4) == 2
    assert puzzle_stars(block_count=7, ideal_block_count=4) == 1


# --- incorrect programs ----------------------------------------------------------


def test_walking_into_a_wall_fails_and_the_trace_ends_with_the_bump():
    verdict = puzzle_program_check(level=level(2), program_json=program(move(), move()))

    assert (verdict.status, verdict.reason, verdict.stars) == ("failed", "wall", 0)
    assert [event["action"] for event in verdict.trace] == ["move", "bump"]
    assert verdict.trace[-1] | {"block": ""} == {
        "action": "bump",
        "x": 2,
        "y": 1,
        "direction": "east",
        "block": "",
    }


def test_stopping_before_the_goal_fails():
    verdict = puzzle_program_check(level=level(1), program_json=program(move()))

    assert (verdict.status, verdict.reason, verdict.steps) == ("failed", "not_at_goal", 1)


def test_an_empty_program_fails_without_moving():
    verdict = puzzle_program_check(level=level(1), program_json=program())

    assert (verdict.status, verdict.reason, verdict.trace) == ("failed", "not_at_goal", [])


def test_an_empty_workspace_without_a_start_is_refused():
    # The player always has a "when run" block that cannot be deleted.
    verdict = puzzle_program_check(level=level(1), program_json={})

    assert (verdict.status, verdict.reason) == ("rejected", "malformed")


def test_the_trace_records_each_move_and_turn_in_order():
    verdict = puzzle_program_check(level=level(2), program_json=solutions()[2])

    assert [(e["action"], e["x"], e["y"], e["direction"]) for e in verdict.trace] == [
        ("move", 2, 1, "east"),
        ("turn_right", 2, 1, "south"),
        ("move", 2, 2, "south"),
        ("move", 2, 3, "south"),
    ]


def test_blocks_not_joined_to_the_start_fail_with_their_own_reason():
    stray = program(move(), move(), loose=[move()])

    verdict = puzzle_program_check(level=level(1), program_json=stray)

    assert (verdict.status, verdict.reason, verdict.block_count) == ("failed", "loose_blocks", 3)


def test_calling_a_function_that_is_not_defined_fails():
    verdict = puzzle_program_check(level=level(11), program_json=program(call()))

    assert (verdict.status, verdict.reason) == ("failed", "no_function")


def test_wrong_turn_in_a_conditional_level_fails():
    wrong = program(until(move(), if_path("LEFT", left())))

    verdict = puzzle_program_check(level=level(8), program_json=wrong)

    assert verdict.status == "failed"


# --- programs that never end ------------------------------------------------------


def test_an_empty_forever_loop_stops_at_the_step_limit():
    verdict = puzzle_program_check(level=level(7), program_json=program(until()))

    assert (verdict.status, verdict.reason) == ("failed", "step_limit")


def test_turning_round_forever_stops_at_the_step_limit():
    verdict = puzzle_program_check(level=level(7), program_json=program(until(left())))

    assert (verdict.status, verdict.reason) == ("failed", "step_limit")
    assert verdict.steps <= interpreter.MAX_ACTIONS + 1


def test_a_forever_loop_that_never_moves_ahead_stops_at_the_step_limit():
    # "if path ahead" is never true facing the wall, so only ticks are spent.
    stuck = program(left(), left(), until(if_path("AHEAD", move())))

    verdict = puzzle_program_check(level=level(7, every_block=True), program_json=stuck)

    assert (verdict.status, verdict.reason) == ("failed", "step_limit")


def test_a_function_calling_itself_forever_stops_at_the_depth_limit():
    verdict = puzzle_program_check(
        level=level(11), program_json=program(call(), function=[left(), call()])
    )

    assert (verdict.status, verdict.reason) == ("failed", "too_deep")


def test_a_function_calling_itself_can_still_reach_the_goal():
    recursive = program(call(), function=[move(), call()])
    corridor = level(1)
    corridor.allowed_blocks = ["move", "function"]

    verdict = puzzle_program_check(level=corridor, program_json=recursive)

    assert verdict.solved


def test_nested_loops_multiply_and_stop_at_the_limit():
    huge = program(repeat(20, repeat(20, repeat(20, left()))))

    verdict = puzzle_program_check(level=level(6), program_json=huge)

    assert (verdict.status, verdict.reason) == ("failed", "step_limit")


# --- too big ----------------------------------------------------------------------


def test_too_many_blocks_are_refused():
    verdict = puzzle_program_check(
        level=level(1), program_json=program(*[left() for _ in range(MAX_BLOCKS + 1)])
    )

    assert (verdict.status, verdict.reason) == ("rejected", "too_big")


def test_too_deep_nesting_is_refused():
    nested = move()
    for _ in range(30):
        nested = repeat(2, nested)

    verdict = puzzle_program_check(level=level(6), program_json=program(nested))

    assert (verdict.status, verdict.reason) == ("rejected", "too_big")


def test_too_many_bytes_are_refused_before_parsing():
    text = json.dumps(program(move(), move())) + " " * MAX_PROGRAM_BYTES

    verdict = puzzle_program_check(level=level(1), program_json=text)

    assert (verdict.status, verdict.reason) == ("rejected", "too_big")


def test_deeply_nested_json_is_refused_without_a_crash():
    text = "[" * 15_000 + "]" * 15_000

    verdict = puzzle_program_check(level=level(1), program_json=text[:MAX_PROGRAM_BYTES])

    assert verdict.status == "rejected"


# --- forged programs ----------------------------------------------------------------


def test_an_unknown_block_type_is_refused():
    forged = program(move(), {"type": "controls_teleport", "id": "x"})

    verdict = puzzle_program_check(level=level(1), program_json=forged)

    assert (verdict.status, verdict.reason) == ("rejected", "unknown_block")


def test_an_unknown_block_hidden_in_a_loose_stack_is_refused():
    forged = program(move(), move(), loose=[{"type": "js_eval", "id": "x"}])

    verdict = puzzle_program_check(level=level(1), program_json=forged)

    assert verdict.reason == "unknown_block"


@pytest.mark.parametrize(
    ("number", "forbidden"),
    [(1, repeat(2, move())), (4, until(move())), (7, if_path("AHEAD", move())), (10, call())],
)
def test_a_block_the_level_does_not_offer_is_refused(number, forbidden):
    verdict = puzzle_program_check(level=level(number), program_json=program(forbidden))

    assert (verdict.status, verdict.reason) == ("rejected", "not_allowed")


@pytest.mark.parametrize(
    "forged",
    [
        "not json",
        "[1, 2, 3]",
        json.dumps({"blocks": []}),
        json.dumps({"blocks": {"blocks": "move"}}),
        json.dumps({"blocks": {"blocks": [{"type": "maze_start", "next": "maze_move_forward"}]}}),
        json.dumps(program(repeat("3; import os", move()))),
        json.dumps(program(repeat(21, move()))),
        json.dumps(program(repeat(0, move()))),
        json.dumps(program(repeat(True, move()))),
        json.dumps(program(if_path("BEHIND", move()))),
        json.dumps(program({"type": "maze_move_forward", "inputs": {"DO": {}}})),
        b"\xff\xfe",
    ],
)
def test_malformed_programs_are_refused(forged):
    verdict = puzzle_program_check(level=level(10, every_block=True), program_json=forged)

    assert (verdict.status, verdict.reason) == ("rejected", "malformed")


def test_blocks_without_the_start_block_are_loose():
    data = {"blocks": {"blocks": [{"type": "maze_move_forward", "id": "a"}]}}

    verdict = puzzle_program_check(level=level(1), program_json=data)

    assert (verdict.status, verdict.reason) == ("failed", "loose_blocks")


def test_two_start_blocks_are_refused():
    data = program(move(), move())
    data["blocks"]["blocks"].append({"type": "maze_start", "id": "again"})

    verdict = puzzle_program_check(level=level(1), program_json=data)

    assert verdict.reason == "malformed"


def test_a_claimed_success_in_the_program_counts_for_nothing():
    forged = program(move())
    forged.update({"solved": True, "stars": 3, "status": "solved"})
    forged["blocks"]["blocks"][0]["fields"] = {"SUCCESS": True}

    verdict = puzzle_program_check(level=level(1), program_json=forged)

    assert (verdict.status, verdict.stars) == ("failed", 0)


def test_if_else_runs_the_else_branch():
    # Level 9 begins facing a path, so a program that only turns in the "else"
    # branch must move first.
    verdict = puzzle_program_check(
        level=level(9), program_json=program(until(if_else_path("AHEAD", [move()], [left()])))
    )

    assert verdict.solved
    assert "turn_left" in [event["action"] for event in verdict.trace]
