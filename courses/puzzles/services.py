"""Checking a puzzle program: the only result that counts is the server's."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from courses.puzzles.interpreter import program_run
from courses.puzzles.program import ProgramIncomplete, ProgramRejected, program_compile
from courses.puzzles.world import maze_parse

# Two stars for up to this many blocks more than the ideal, one star beyond.
EXTRA_BLOCKS_FOR_TWO_STARS = 2

MESSAGES = {
    "goal": _("Well done! The robot reached the goal."),
    "wall": _("Ouch! The robot bumped into a wall. Look at the maze and try again."),
    "not_at_goal": _("The program stopped before the goal. Add more blocks."),
    "step_limit": _("The program ran too long. Does a loop never end?"),
    "too_deep": _("The function calls itself too many times."),
    "loose_blocks": _("Some blocks are not joined to “when run”. Join them or remove them."),
    "no_function": _("The program calls the function, but the function has no definition."),
    "malformed": _("This program could not be read. Reload the page and try again."),
    "too_big": _("This program is too big. Use fewer blocks."),
    "unknown_block": _("This program has a block that does not exist."),
    "not_allowed": _("This program uses a block that this level does not offer."),
}


@dataclass(frozen=True)
class Verdict:
    """The server's verdict on one program: `status` is solved, failed or
    rejected (forged or unreadable input); `reason` a stable code."""

    status: str
    reason: str
    stars: int = 0
    steps: int = 0
    block_count: int = 0
    ideal_block_count: int = 0
    trace: list = field(default_factory=list)

    @property
    def solved(self) -> bool:
        return self.status == "solved"

    @property
    def message(self) -> str:
        return str(MESSAGES[self.reason])

    def as_json(self) -> dict:
        return {
            "status": self.status,
            "reason": self.reason,
            "solved": self.solved,
            "message": self.message,
            "stars": self.stars,
            "steps": self.steps,
            "block_count": self.block_count,
            "ideal_block_count": self.ideal_block_count,
            "trace": self.trace,
        }


def puzzle_stars(*, block_count: int, ideal_block_count: int) -> int:
    """Three stars at the ideal block count or fewer, two a little above, else one."""
    if block_count <= ideal_block_count:
        return 3
    if block_count <= ideal_block_count + EXTRA_BLOCKS_FOR_TWO_STARS:
        return 2
    return 1


def puzzle_program_check(*, level, program_json) -> Verdict:
    """Replay a Blockly program (JSON text, bytes or decoded dict) on `level`
    and return the verdict. Writes nothing: lms/ records the attempt."""
    ideal = level.ideal_block_count
    try:
        program = program_compile(program_json, allowed=set(level.allowed_blocks))
    except ProgramRejected as rejected:
        return Verdict(status="rejected", reason=rejected.reason, ideal_block_count=ideal)
    except ProgramIncomplete as incomplete:
        return Verdict(
            status="failed",
            reason=incomplete.reason,
            block_count=incomplete.block_count,
            ideal_block_count=ideal,
        )
    run = program_run(program, maze_parse(level.maze))
    stars = puzzle_stars(block_count=program.block_count, ideal_block_count=ideal)
    return Verdict(
        status="solved" if run.reached_goal else "failed",
        reason=run.reason,
        stars=stars if run.reached_goal else 0,
        steps=run.steps,
        block_count=program.block_count,
        ideal_block_count=ideal,
        trace=run.trace,
    )
