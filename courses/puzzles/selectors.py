"""Reading puzzle worlds and levels in the visitor's language."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.http import Http404

from courses.models import PuzzleLevel, PuzzleWorld

PLAY_ORDER = (F("world").asc(nulls_last=True), "position", "number")


def _with_world(levels: QuerySet) -> QuerySet:
    """The world's title and theme in the level's language, in the same query."""
    worlds = PuzzleWorld.objects.filter(locale_id=OuterRef("locale_id"), number=OuterRef("world"))
    return levels.annotate(
        world_title=Subquery(worlds.values("title")[:1]),
        world_theme=Subquery(worlds.values("theme")[:1]),
    )


def _languages(language: str) -> list[str]:
    return list(dict.fromkeys([language, settings.LANGUAGE_CODE]))


def puzzle_level_list(*, language: str) -> list[PuzzleLevel]:
    """The levels in playing order (world by world), in `language` (or in the
    site's default language while there are none in it yet), each with its
    `world_title` and `world_theme`. One query in the usual case."""
    for code in _languages(language):
        levels = list(
            _with_world(PuzzleLevel.objects.filter(locale__language_code=code)).order_by(
                *PLAY_ORDER
            )
        )
        if levels:
            return levels
    return []


def puzzle_level_get(*, number: int, language: str) -> PuzzleLevel:
    """Level `number` in `language`, falling back to the default language; 404
    when there is no such level."""
    for code in _languages(language):
        level = _with_world(
            PuzzleLevel.objects.filter(locale__language_code=code, number=number)
        ).first()
        if level is not None:
            return level
    raise Http404("No such puzzle level.")


def puzzle_level_neighbours(*, level: PuzzleLevel) -> tuple[int | None, int | None]:
    """The numbers of the levels played before and after `level` (world by
    world), for the navigation. One query."""
    numbers = list(
        PuzzleLevel.objects.filter(locale_id=level.locale_id)
        .order_by(*PLAY_ORDER)
        .values_list("number", flat=True)
    )
    index = numbers.index(level.number)
    before = numbers[index - 1] if index > 0 else None
    after = numbers[index + 1] if index + 1 < len(numbers) else None
    return before, after


@dataclass
class LevelEntry:
    """A level on the world map; lms fills in the player's progress."""

    level: PuzzleLevel
    played: bool = False
    solved: bool = False
    stars: int = 0
    is_next: bool = False


@dataclass
class WorldGroup:
    """One world of the map: its number (None for levels without a world),
    title, theme and levels in playing order. `tracked` once lms has filled
    in a signed-in player's progress."""

    number: int | None
    title: str
    theme: str
    levels: list[LevelEntry] = field(default_factory=list)
    tracked: bool = False

    @property
    def solved_count(self) -> int:
        return sum(1 for entry in self.levels if entry.solved)

    @property
    def stars(self) -> int:
        return sum(entry.stars for entry in self.levels)

    @property
    def star_total(self) -> int:
        return 3 * len(self.levels)


def puzzle_world_map(*, language: str) -> list[WorldGroup]:
    """The levels grouped by world, in playing order, in `language`. One query."""
    groups: list[WorldGroup] = []
    for level in puzzle_level_list(language=language):
        if not groups or groups[-1].number != level.world:
            groups.append(
                WorldGroup(
                    number=level.world,
                    title=level.world_title or "",
                    theme=level.world_theme or "garden",
                )
            )
        groups[-1].levels.append(LevelEntry(level=level))
    return groups


def puzzle_levels_by_number(*, numbers: list[int], language: str) -> list[PuzzleLevel]:
    """The levels named by `numbers`, in that order, in `language` (a level not
    yet translated falls back to the default language; an unknown number is
    left out). One query."""
    wanted = list(dict.fromkeys(n for n in numbers if isinstance(n, int)))
    found: dict[int, PuzzleLevel] = {}
    rank = _languages(language or settings.LANGUAGE_CODE)
    levels = PuzzleLevel.objects.filter(number__in=wanted, locale__language_code__in=rank)
    for level in sorted(
        levels.select_related("locale"), key=lambda x: rank.index(x.locale.language_code)
    ):
        found.setdefault(level.number, level)
    return [found[n] for n in wanted if n in found]
