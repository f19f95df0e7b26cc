"""Puzzle progress of a player (a child in a class or anybody signed in): the
server's verdict on each distinct program, the best stars and the number of
tries. Recorded from `courses.puzzles.signals.puzzle_checked`."""

import hashlib
import json

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from lms.models import Enrolment, PuzzleProgress, PuzzleSubmission, User
from lms.services.learning import puzzle_lessons_sync


def program_digest(program) -> str:
    """The digest of a program as the server understood it (canonical JSON)."""
    text = program if isinstance(program, str) else json.dumps(program, sort_keys=True)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@transaction.atomic
def puzzle_result_record(
    *,
    user: User,
    level_number: int,
    idempotency_key: str,
    digest: str,
    solved: bool,
    stars: int,
    block_count: int,
) -> tuple[PuzzleProgress, bool]:
    """Record the server's verdict on one program, once per distinct submission
    (the client's key, or the same program again, counts once). Keeps the best
    stars and counts the attempts. Returns the progress and whether it counted."""
    if not 0 <= stars <= 3 or (solved and stars == 0):
        raise ValueError("stars come from the server's verdict")
    key = (idempotency_key or "")[:80] or f"program:{digest[:72]}"
    progress, _created = PuzzleProgress.objects.get_or_create(user=user, level_number=level_number)
    progress = PuzzleProgress.objects.select_for_update().get(pk=progress.pk)
    if (
        PuzzleSubmission.objects.filter(user=user, level_number=level_number)
        .filter(Q(idempotency_key=key) | Q(program_digest=digest))
        .exists()
    ):
        return progress, False
    PuzzleSubmission.objects.create(
        user=user,
        level_number=level_number,
        idempotency_key=key,
        program_digest=digest,
        solved=solved,
        stars=stars,
        block_count=block_count,
    )
    progress.attempts += 1
    if solved:
        if not progress.solved:
            progress.solved_at = timezone.now()
        progress.solved = True
        progress.best_stars = max(progress.best_stars, stars)
        if progress.best_block_count is None or block_count < progress.best_block_count:
            progress.best_block_count = block_count
    progress.save()
    return progress, True


def on_puzzle_checked(
    sender, *, user, level_number: int, verdict, idempotency_key: str, program, **kwargs
) -> None:
    """courses.puzzles.signals.puzzle_checked: record a signed-in player's
    verdict (rejected programs count for nothing)."""
    if user is None or not user.is_authenticated or verdict.status == "rejected":
        return
    _progress, counted = puzzle_result_record(
        user=user,
        level_number=level_number,
        idempotency_key=idempotency_key,
        digest=program_digest(program),
        solved=verdict.solved,
        stars=verdict.stars,
        block_count=verdict.block_count,
    )
    if counted and verdict.solved:
        puzzle_progress_apply(user=user)


def puzzle_progress_apply(*, user: User) -> None:
    """Let the player's solved levels complete the lessons they belong to, in
    every course the player follows (then each course is re-evaluated)."""
    for enrolment in Enrolment.objects.filter(
        learner=user, status=Enrolment.Status.ACTIVE
    ).select_related("course"):
        enrolment.learner = user
        puzzle_lessons_sync(enrolment=enrolment)
