"""Running a compiled program in a maze, step by step, with hard limits.

The run is a loop over instructions with an explicit call stack: no Python
recursion, no eval, and a bounded number of ticks whatever the program.
"""

from dataclasses import dataclass, field

from courses.puzzles.program import Program
from courses.puzzles.world import Maze

MAX_ACTIONS = 400  # moves and turns
MAX_TICKS = 5_000  # every instruction, so empty loops end too
MAX_CALL_DEPTH = 40


@dataclass
class Run:
    """How a run ended (`reason`) and the trace of what the character did."""

    reached_goal: bool
    reason: str
    trace: list[dict] = field(default_factory=list)

    @property
    def steps(self) -> int:
        return sum(1 for event in self.trace if event["action"] != "bump")


def program_run(program: Program, maze: Maze) -> Run:
    """Run `program` from the maze's start until the goal, a wall, the end of
    the program or a limit. Reasons: goal, wall, not_at_goal, step_limit,
    too_deep."""
    x, y = maze.start
    direction = maze.start_direction
    trace: list[dict] = []
    counters: list[int] = []
    calls: list[tuple[int, int]] = []  # (return address, depth of counters)
    code = program.code
    pc = 0
    ticks = 0

    def event(action: str, block_id: str) -> None:
        trace.append(
            {"action": action, "x": x, "y": y, "direction": direction.key, "block": block_id}
        )

    while True:
        ticks += 1
        if ticks > MAX_TICKS or len(trace) > MAX_ACTIONS:
            return Run(False, "step_limit", trace)
        op, argument, block_id = code[pc]
        pc += 1
        if op == "move":
            dx, dy = direction.delta
            if not maze.is_open(x + dx, y + dy):
                event("bump", block_id)
                return Run(False, "wall", trace)
            x, y = x + dx, y + dy
            event("move", block_id)
            if (x, y) == maze.goal:
                return Run(True, "goal", trace)
        elif op == "left":
            direction = direction.left()
            event("turn_left", block_id)
        elif op == "right":
            direction = direction.right()
            event("turn_right", block_id)
        elif op == "push":
            counters.append(argument)
        elif op == "loop":
            if counters[-1] == 0:
                pc = argument
            else:
                counters[-1] -= 1
        elif op == "pop":
            counters.pop()
        elif op == "jump":
            pc = argument
        elif op == "until":
            # A run stops the moment the goal is reached, so this loop only
            # ever ends that way (or at a limit): "repeat until" is a test.
            if (x, y) == maze.goal:
                pc = argument
        elif op == "unless_path":
            side, target = argument
            looking = {"AHEAD": direction, "LEFT": direction.left(), "RIGHT": direction.right()}
            dx, dy = looking[side].delta
            if not maze.is_open(x + dx, y + dy):
                pc = target
        elif op == "call":
            if len(calls) >= MAX_CALL_DEPTH:
                return Run(False, "too_deep", trace)
            calls.append((pc, len(counters)))
            pc = program.function_start
        elif op == "return":
            pc, depth = calls.pop()
            del counters[depth:]
        elif op == "end":
            return Run(False, "not_at_goal", trace)
