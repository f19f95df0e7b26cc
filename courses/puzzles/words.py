"""The words the player's script shows, translated on the server so that the
blocks, the program as text and the maze description speak the page's
language. `%1` marks where Blockly puts a field; keep it in translations."""

from django.utils.translation import gettext as _


def player_words() -> dict:
    return {
        "blocks": {
            "maze_start": _("when run"),
            "maze_move_forward": _("move forward"),
            "maze_turn_left": _("turn left ↺"),
            "maze_turn_right": _("turn right ↻"),
            "maze_repeat": _("repeat %1 times"),
            "maze_repeat_until_goal": _("repeat until the goal"),
            "maze_if_path": _("if there is a path %1"),
            "maze_if_else_path": _("if there is a path %1"),
            "else": _("else"),
            "maze_function_define": _("define the function"),
            "maze_function_call": _("do the function"),
        },
        "paths": {
            "AHEAD": _("ahead"),
            "LEFT": _("to the left"),
            "RIGHT": _("to the right"),
        },
        "directions": {
            "north": _("up"),
            "east": _("right"),
            "south": _("down"),
            "west": _("left"),
        },
        # The script fills in the %(name)s placeholders.
        "position": _(
            "The robot is on row %(row)s, column %(column)s, looking %(direction)s. "
            "The flag is on row %(goal_row)s, column %(goal_column)s."
        ),
        "atGoal": _("The robot is on the flag."),
        "bump": _("The robot bumped into a wall on row %(row)s, column %(column)s."),
        "emptyProgram": _("(no blocks yet)"),
        "loose": _("Not joined to “when run”:"),
        "stars": _("%(stars)s stars out of 3"),
        "star1": _("1 star out of 3"),
        "blockCount": _("Blocks used: %(count)s. Ideal: %(ideal)s."),
        "running": _("The program is running…"),
        # The keyboard plugin's hint, where %1 is the key that opens the list of keys.
        "helpPrompt": _("Press %1 to see the keys you can use."),
        "error": _("The program could not be checked. Check your connection and try again."),
    }
