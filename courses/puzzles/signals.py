"""Signals that the puzzles send to other apps. Receivers only call services.

puzzle_checked
    Sent after the server replayed a program on a level (courses writes no
    learner state: lms records the player's progress). Keyword arguments:
      user             the signed-in player, or None for a visitor
      level_number     int — the level, the same in every language
      verdict          courses.puzzles.services.Verdict — the server's verdict
      idempotency_key  str — the client's key for this submission ("" if none)
      program          the program as received (decoded JSON)
    Listened to by lms (puzzle progress, exactly once per distinct submission).
"""

from django.dispatch import Signal

puzzle_checked = Signal()
