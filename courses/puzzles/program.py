"""Reading a Blockly program (``Blockly.serialization.workspaces.save``) into a
small instruction list the interpreter runs. Only the maze blocks below are
understood; anything else is refused with a reason, never evaluated.
"""

import json
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# What an editor can allow in a level (key -> label). "function" allows both
# defining the function and calling it.
BLOCK_CHOICES = [
    ("move", _("Move forward")),
    ("turn_left", _("Turn left")),
    ("turn_right", _("Turn right")),
    ("repeat", _("Repeat a number of times")),
    ("repeat_until", _("Repeat until the goal")),
    ("if", _("If there is a path")),
    ("if_else", _("If there is a path, else")),
    ("function", _("A function")),
]
BLOCK_KEYS = [key for key, _label in BLOCK_CHOICES]

START = "maze_start"
BLOCK_TYPES = {
    "maze_move_forward": "move",
    "maze_turn_left": "turn_left",
    "maze_turn_right": "turn_right",
    "maze_repeat": "repeat",
    "maze_repeat_until_goal": "repeat_until",
    "maze_if_path": "if",
    "maze_if_else_path": "if_else",
    "maze_function_define": "function",
    "maze_function_call": "function",
}
# The statement inputs each block may have; any other input is a forgery.
STATEMENT_INPUTS = {
    "maze_repeat": {"DO"},
    "maze_repeat_until_goal": {"DO"},
    "maze_if_path": {"DO"},
    "maze_if_else_path": {"DO", "ELSE"},
    "maze_function_define": {"DO"},
}
PATH_DIRECTIONS = ("AHEAD", "LEFT", "RIGHT")

MAX_PROGRAM_BYTES = 20_000
MAX_BLOCKS = 80
MAX_NESTING = 10
MAX_REPEAT = 20


class ProgramRejected(ValueError):
    """The program cannot be run: malformed, too big, or made of blocks the
    level does not offer. `reason` is a stable code for the verdict."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class ProgramIncomplete(ValueError):
    """A program a child can really build but that cannot run yet (blocks not
    joined to the start, a call without a function)."""

    def __init__(self, reason: str, block_count: int):
        super().__init__(reason)
        self.reason = reason
        self.block_count = block_count


@dataclass
class Program:
    """Instructions ready to run: ``(op, argument, block id)`` tuples."""

    code: list[tuple] = field(default_factory=list)
    function_start: int | None = None
    block_count: int = 0


def _load(program_json) -> dict:
    if isinstance(program_json, (bytes, bytearray)):
        if len(program_json) > MAX_PROGRAM_BYTES:
            raise ProgramRejected("too_big")
        try:
            program_json = program_json.decode("utf-8")
        except UnicodeDecodeError:
            raise ProgramRejected("malformed") from None
    if isinstance(program_json, str):
        if len(program_json.encode("utf-8")) > MAX_PROGRAM_BYTES:
            raise ProgramRejected("too_big")
        try:
            program_json = json.loads(program_json)
        except (ValueError, RecursionError):
            raise ProgramRejected("malformed") from None
    if not isinstance(program_json, dict):
        raise ProgramRejected("malformed")
    return program_json


def _top_blocks(data: dict) -> list[dict]:
    if not data:  # Blockly saves an empty workspace as {}
        return []
    blocks = data.get("blocks")
    if not isinstance(blocks, dict):
        raise ProgramRejected("malformed")
    top = blocks.get("blocks", [])
    if not isinstance(top, list) or not all(isinstance(block, dict) for block in top):
        raise ProgramRejected("malformed")
    return top


class _Compiler:
    def __init__(self, allowed: set[str]):
        self.allowed = allowed
        self.code: list[tuple] = []
        self.count = 0
        self.calls = 0

    def _check(self, block: dict, depth: int) -> str:
        if depth > MAX_NESTING:
            raise ProgramRejected("too_big")
        kind = block.get("type")
        if not isinstance(kind, str) or (kind not in BLOCK_TYPES and kind != START):
            raise ProgramRejected("unknown_block")
        if kind != START:
            if BLOCK_TYPES[kind] not in self.allowed:
                raise ProgramRejected("not_allowed")
            self.count += 1
            if self.count > MAX_BLOCKS:
                raise ProgramRejected("too_big")
        inputs = block.get("inputs", {})
        if not isinstance(inputs, dict) or not set(inputs) <= STATEMENT_INPUTS.get(kind, set()):
            raise ProgramRejected("malformed")
        if not isinstance(block.get("fields", {}), dict):
            raise ProgramRejected("malformed")
        return kind

    @staticmethod
    def _child(container, key: str) -> dict | None:
        """The block plugged into an input or a `next` connection, if any."""
        if container is None:
            return None
        if not isinstance(container, dict):
            raise ProgramRejected("malformed")
        child = container.get(key)
        if child is not None and not isinstance(child, dict):
            raise ProgramRejected("malformed")
        return child

    def _field(self, block: dict, name: str):
        return block.get("fields", {}).get(name)

    def stack(self, block: dict | None, depth: int) -> None:
        """Compile a stack of blocks joined by their `next` connections."""
        while block is not None:
            self.one(block, depth)
            block = self._child(self._child(block, "next"), "block")

    def body(self, block: dict, name: str, depth: int) -> None:
        inner = self._child(block.get("inputs", {}), name)
        self.stack(self._child(inner, "block"), depth + 1)

    def emit(self, *instruction) -> int:
        self.code.append(list(instruction))
        return len(self.code) - 1

    def one(self, block: dict, depth: int) -> None:
        kind = self._check(block, depth)
        block_id = str(block.get("id", ""))[:40]
        if kind == START:
            raise ProgramRejected("malformed")  # only ever at the top
        if kind == "maze_move_forward":
            self.emit("move", None, block_id)
        elif kind == "maze_turn_left":
            self.emit("left", None, block_id)
        elif kind == "maze_turn_right":
            self.emit("right", None, block_id)
        elif kind == "maze_repeat":
            times = self._field(block, "TIMES")
            if isinstance(times, float) and times.is_integer():
                times = int(times)
            if isinstance(times, bool) or not isinstance(times, int):
                raise ProgramRejected("malformed")
            if not 1 <= times <= MAX_REPEAT:
                raise ProgramRejected("malformed")
            self.emit("push", times, block_id)
            top = self.emit("loop", None, block_id)  # jump past the end when the count is 0
            self.body(block, "DO", depth)
            self.emit("jump", top, block_id)
            self.code[top][1] = len(self.code)
            self.emit("pop", None, block_id)
        elif kind == "maze_repeat_until_goal":
            top = self.emit("until", None, block_id)  # jump past the end at the goal
            self.body(block, "DO", depth)
            self.emit("jump", top, block_id)
            self.code[top][1] = len(self.code)
        elif kind in ("maze_if_path", "maze_if_else_path"):
            direction = self._field(block, "DIRECTION")
            if direction not in PATH_DIRECTIONS:
                raise ProgramRejected("malformed")
            test = self.emit("unless_path", [direction, None], block_id)
            self.body(block, "DO", depth)
            if kind == "maze_if_else_path":
                skip = self.emit("jump", None, block_id)
                self.code[test][1][1] = len(self.code)
                self.body(block, "ELSE", depth)
                self.code[skip][1] = len(self.code)
            else:
                self.code[test][1][1] = len(self.code)
        elif kind == "maze_function_call":
            self.calls += 1
            self.emit("call", None, block_id)
        elif kind == "maze_function_define":
            raise ProgramIncomplete("loose_blocks", 0)  # a definition inside a stack


def program_compile(program_json, *, allowed: set[str]) -> Program:
    """Turn a Blockly workspace (JSON text, bytes or the decoded dict) into a
    Program, or raise ProgramRejected / ProgramIncomplete with a reason code."""
    data = _load(program_json)
    top = _top_blocks(data)
    compiler = _Compiler(allowed)
    starts = [block for block in top if block.get("type") == START]
    definitions = [block for block in top if block.get("type") == "maze_function_define"]
    loose = [block for block in top if block.get("type") not in (START, "maze_function_define")]
    if len(starts) > 1 or len(definitions) > 1:
        raise ProgramRejected("malformed")

    if starts:
        start = starts[0]
        compiler._check(start, 0)
        compiler.stack(compiler._child(compiler._child(start, "next"), "block"), 0)
    compiler.emit("end", None, "")
    function_start = None
    if definitions:
        definition = definitions[0]
        compiler._check(definition, 0)
        if compiler._child(definition, "next") is not None:
            raise ProgramRejected("malformed")
        function_start = len(compiler.code)
        compiler.body(definition, "DO", 0)
        compiler.emit("return", None, str(definition.get("id", ""))[:40])
    if loose:
        # Still read to the end: unknown or forbidden blocks are refused even
        # when they are not joined to the program.
        for block in loose:
            compiler.stack(block, 0)
        raise ProgramIncomplete("loose_blocks", compiler.count)
    if not starts:
        raise ProgramRejected("malformed")
    if compiler.calls and function_start is None:
        raise ProgramIncomplete("no_function", compiler.count)
    code = [tuple(instruction) for instruction in compiler.code]
    return Program(code=code, function_start=function_start, block_count=compiler.count)
