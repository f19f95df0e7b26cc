"""Demo content: the twelve puzzle levels in nl, fr, de and en."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale

from courses.models import PuzzleLevel
from courses.puzzles.levels import LEVELS


def _fill(level: PuzzleLevel, data: dict, language: str) -> None:
    level.title, level.goal, level.hint = data["text"][language]


@transaction.atomic
def seed() -> None:
    """Create the levels that do not exist yet, with their translations.
    Safe to run again: a level an editor has changed is left as it is."""
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }
    source = settings.LANGUAGE_CODE
    for data in LEVELS:
        level = PuzzleLevel.objects.filter(locale=locales[source], number=data["number"]).first()
        if level is None:
            level = PuzzleLevel(
                locale=locales[source],
                number=data["number"],
                maze=data["maze"],
                allowed_blocks=list(data["blocks"]),
                ideal_block_count=data["ideal"],
            )
            _fill(level, data, source)
            level.full_clean()
            level.save()
        for code, locale in locales.items():
            if code == source or level.has_translation(locale):
                continue
            translation = level.copy_for_translation(locale)
            _fill(translation, data, code)
            translation.save()
