"""A player's own puzzle progress on the world map and on "My puzzles"."""

from django.db.models import Count, Q, Sum

from courses.puzzles.selectors import WorldGroup, puzzle_world_map
from lms.models import PuzzleProgress, User


def puzzle_progress_of(*, user: User) -> dict[int, PuzzleProgress]:
    """The player's progress by level number. One query."""
    return {p.level_number: p for p in PuzzleProgress.objects.filter(user=user)}


def puzzle_map_progress(
    *, worlds: list[WorldGroup], progress: dict[int, PuzzleProgress]
) -> list[WorldGroup]:
    """The world map with the player's stars on each level and the next level
    to play marked (the first unsolved one in playing order). No query."""
    next_found = False
    for world in worlds:
        world.tracked = True
        for entry in world.levels:
            record = progress.get(entry.level.number)
            entry.played = bool(record and record.attempts)
            entry.solved = bool(record and record.solved)
            entry.stars = record.best_stars if entry.solved else 0
            entry.is_next = not entry.solved and not next_found
            next_found = next_found or entry.is_next
    return worlds


def puzzle_progress_map(*, user: User, language: str) -> list[WorldGroup]:
    """The player's own progress world by world, for "My puzzles". Two queries."""
    return puzzle_map_progress(
        worlds=puzzle_world_map(language=language), progress=puzzle_progress_of(user=user)
    )


def puzzle_progress_summary(*, user: User) -> dict:
    """How many levels the player has played and solved, and their stars, for
    "My learning". One query."""
    totals = PuzzleProgress.objects.filter(user=user).aggregate(
        levels_played=Count("pk", filter=Q(attempts__gt=0)),
        levels_solved=Count("pk", filter=Q(solved=True)),
        stars_earned=Sum("best_stars", filter=Q(solved=True)),
    )
    return {
        "played": totals["levels_played"] or 0,
        "solved": totals["levels_solved"] or 0,
        "stars": totals["stars_earned"] or 0,
    }
