"""Seeding the puzzle worlds and levels from their files
(courses/content/puzzles/world-*.yaml), in nl, fr, de and en."""

from pathlib import Path

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale

from courses.models import PuzzleLevel, PuzzleWorld
from courses.puzzles.files import LevelData, WorldData, puzzle_files_load


def _fill_level(level: PuzzleLevel, data: LevelData, language: str) -> None:
    level.title = data.title[language]
    level.goal = data.goal[language]
    level.hint = data.hint[language]


def _world(data: WorldData, locales: dict, source: str) -> None:
    world = PuzzleWorld.objects.filter(locale=locales[source], number=data.number).first()
    if world is None:
        world = PuzzleWorld(
            locale=locales[source], number=data.number, theme=data.theme, title=data.title[source]
        )
        world.full_clean()
        world.save()
    for code, locale in locales.items():
        if code != source and not world.has_translation(locale):
            translation = world.copy_for_translation(locale)
            translation.title = data.title[code]
            translation.save()


def _level(data: LevelData, locales: dict, source: str) -> None:
    level = PuzzleLevel.objects.filter(locale=locales[source], number=data.number).first()
    if level is None:
        level = PuzzleLevel(
            locale=locales[source],
            number=data.number,
            world=data.world,
            position=data.position,
            maze=data.maze,
            allowed_blocks=list(data.blocks),
            ideal_block_count=data.ideal,
        )
        _fill_level(level, data, source)
        level.full_clean()
        level.save()
    elif level.world is None:
        # A level from before the worlds: give it (and its translations) its
        # place; its words, maze and blocks stay as the editor left them.
        PuzzleLevel.objects.filter(translation_key=level.translation_key).update(
            world=data.world, position=data.position
        )
        level.refresh_from_db()
    for code, locale in locales.items():
        if code == source or level.has_translation(locale):
            continue
        translation = level.copy_for_translation(locale)
        _fill_level(translation, data, code)
        translation.save()


@transaction.atomic
def seed(folder: Path | None = None) -> None:
    """Create the worlds and levels of the files that do not exist yet, with
    their translations. Safe to run again: a world or level an editor has
    changed is left as it is; new ones in the files are added."""
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }
    source = settings.LANGUAGE_CODE
    for world in puzzle_files_load(folder):
        _world(world, locales, source)
        for level in world.levels:
            _level(level, locales, source)
