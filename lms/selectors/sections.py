"""Reads for class sections: a teacher's sections, the class grid (children x
puzzle levels), who is stuck, consent status, the open section of a code."""

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from lms.models import ClassSection, ConsentRecord, PuzzleProgress, SectionChild, User


def teacher_sections(*, teacher: User) -> QuerySet[ClassSection]:
    """The teacher's own sections, newest first, with how many children."""
    return ClassSection.objects.filter(teacher=teacher).annotate(child_count=Count("children"))


def section_open_by_code(*, code: str) -> ClassSection | None:
    """The open section with this code (closed sections no longer answer)."""
    if not code:
        return None
    return ClassSection.objects.filter(code=code, status=ClassSection.Status.OPEN).first()


def section_children(*, section: ClassSection) -> list[SectionChild]:
    """The children of the section by first name (one query)."""
    return list(SectionChild.objects.filter(section=section).order_by("first_name", "id"))


def child_consent_ledger(*, child: SectionChild) -> list[ConsentRecord]:
    """Every consent row of the child, newest first, with who recorded it."""
    return list(
        ConsentRecord.objects.filter(child=child)
        .select_related("recorded_by")
        .order_by("-recorded_at", "-id")
    )


@dataclass
class Cell:
    level: int
    attempts: int = 0
    solved: bool = False
    stars: int = 0

    @property
    def status(self) -> str:
        if self.solved:
            return "solved"
        return "tried" if self.attempts else "not_started"


@dataclass
class GridRow:
    child: SectionChild
    cells: list[Cell]
    stuck: list[int] = field(default_factory=list)

    @property
    def solved_count(self) -> int:
        return sum(1 for c in self.cells if c.solved)

    @property
    def star_count(self) -> int:
        return sum(c.stars for c in self.cells)


def section_grid(*, section: ClassSection, levels: list[int], stuck_attempts: int) -> list[GridRow]:
    """One row per child, one cell per level: status, stars, attempts; plus the
    levels on which the child is stuck (tried `stuck_attempts` times or more
    without solving). Two queries whatever the class size."""
    children = section_children(section=section)
    progress = PuzzleProgress.objects.filter(
        user_id__in=[c.user_id for c in children], level_number__in=levels
    ).values_list("user_id", "level_number", "attempts", "solved", "best_stars")
    by_key = {(u, n): (a, s, st) for u, n, a, s, st in progress}
    rows = []
    for child in children:
        cells = []
        for number in levels:
            attempts, solved, stars = by_key.get((child.user_id, number), (0, False, 0))
            cells.append(Cell(level=number, attempts=attempts, solved=solved, stars=stars))
        stuck = [c.level for c in cells if not c.solved and c.attempts >= stuck_attempts]
        rows.append(GridRow(child=child, cells=cells, stuck=stuck))
    return rows


@dataclass(frozen=True)
class ClassDiploma:
    """One line of the class diplomas: a child who completed a kids' course."""

    child: SectionChild
    course_title: str
    completed_at: object


def section_diplomas(*, section: ClassSection) -> list[ClassDiploma]:
    """The children of the section who completed a kids' course (the server
    replayed a solution of every required puzzle), with the course's title in
    the class language, by first name. Three queries."""
    from courses.models import CoursePage
    from lms.models import Enrolment

    enrolments = list(
        Enrolment.objects.filter(
            learner__section_child__section=section,
            course__track="kids",
            completed_at__isnull=False,
        )
        .select_related("learner__section_child", "course")
        .order_by("learner__section_child__first_name", "learner__section_child__id", "pk")
    )
    titles = dict(
        CoursePage.objects.filter(
            translation_key__in={e.course_key for e in enrolments},
            locale__language_code=section.language,
        ).values_list("translation_key", "title")
    )
    return [
        ClassDiploma(
            child=e.learner.section_child,
            course_title=titles.get(e.course_key, e.course.title),
            completed_at=e.completed_at,
        )
        for e in enrolments
    ]


@dataclass
class PausedChild:
    """A child whose picture sign-in is paused after too many wrong tries."""

    child: SectionChild
    since: object  # the wrong try that started the pause
    until: object  # when it ends by itself


def section_paused_children(*, section: ClassSection) -> list[PausedChild]:
    """The children of the section whose picture sign-in is paused now (two
    queries, whatever the size of the class)."""
    from django.utils import timezone

    from lms.models import PictureLoginAttempt
    from lms.services.sections import CHILD_LOCK_FAILURES, LOCK_WINDOW

    now = timezone.now()
    failures: dict[int, list] = {}
    for child_id, created_at in (
        PictureLoginAttempt.objects.filter(
            section=section, succeeded=False, created_at__gte=now - LOCK_WINDOW
        )
        .order_by("-created_at")
        .values_list("child_id", "created_at")
    ):
        failures.setdefault(child_id, []).append(created_at)
    candidates = [pk for pk, times in failures.items() if len(times) >= CHILD_LOCK_FAILURES]
    paused = []
    for child in SectionChild.objects.filter(pk__in=candidates).order_by("first_name", "id"):
        # A new picture password or a lifted pause wipes the slate.
        resets = [t for t in (child.picture_set_at, child.pause_lifted_at) if t is not None]
        counted = [t for t in failures[child.pk] if not resets or t >= max(resets)]
        if len(counted) >= CHILD_LOCK_FAILURES:
            counted = counted[:CHILD_LOCK_FAILURES]
            paused.append(PausedChild(child, since=counted[0], until=counted[-1] + LOCK_WINDOW))
    return paused
