"""Reading puzzle levels in the visitor's language."""

from django.conf import settings
from django.http import Http404

from courses.models import PuzzleLevel


def _languages(language: str) -> list[str]:
    return list(dict.fromkeys([language, settings.LANGUAGE_CODE]))


def puzzle_level_list(*, language: str) -> list[PuzzleLevel]:
    """The levels in playing order, in `language` (or in the site's default
    language while there are none in it yet). One query in the usual case."""
    for code in _languages(language):
        levels = list(PuzzleLevel.objects.filter(locale__language_code=code).order_by("number"))
        if levels:
            return levels
    return []


def puzzle_level_get(*, number: int, language: str) -> PuzzleLevel:
    """Level `number` in `language`, falling back to the default language; 404
    when there is no such level."""
    for code in _languages(language):
        level = PuzzleLevel.objects.filter(locale__language_code=code, number=number).first()
        if level is not None:
            return level
    raise Http404("No such puzzle level.")


def puzzle_level_neighbours(*, level: PuzzleLevel) -> tuple[int | None, int | None]:
    """The numbers of the levels before and after `level`, for the navigation."""
    numbers = PuzzleLevel.objects.filter(locale_id=level.locale_id)
    before = numbers.filter(number__lt=level.number).order_by("-number").first()
    after = numbers.filter(number__gt=level.number).order_by("number").first()
    return (before.number if before else None, after.number if after else None)


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
