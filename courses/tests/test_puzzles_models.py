import pytest
from django.core.exceptions import ValidationError

from courses.models import PuzzleLevel, PuzzleWorld
from courses.puzzles.demo import seed
from courses.puzzles.files import puzzle_levels_from_files
from courses.tests.puzzle_programs import PuzzleLevelFactory

pytestmark = pytest.mark.django_db


def test_seed_creates_every_level_and_world_of_the_files_in_four_languages():
    seed()

    assert PuzzleLevel.objects.count() == 4 * len(puzzle_levels_from_files())
    assert PuzzleWorld.objects.count() == 4 * 4
    titles = set(PuzzleLevel.objects.filter(number=1).values_list("locale__language_code", "title"))
    assert titles == {
        ("en", "First steps"),
        ("nl", "Eerste stapjes"),
        ("fr", "Premiers pas"),
        ("de", "Erste Schritte"),
    }


def test_translations_share_the_maze_and_the_ideal_count():
    seed()

    for number in [level.number for level in puzzle_levels_from_files()]:
        versions = PuzzleLevel.objects.filter(number=number)
        shared = {
            (v.maze, v.ideal_block_count, tuple(v.allowed_blocks), v.world, v.position)
            for v in versions
        }
        assert len(shared) == 1
        assert len({v.translation_key for v in versions}) == 1


def test_seed_again_keeps_what_an_editor_changed():
    seed()
    level = PuzzleLevel.objects.get(number=3, locale__language_code="en")
    level.title = "Up the hill"
    level.save()

    seed()

    assert PuzzleLevel.objects.count() == 4 * len(puzzle_levels_from_files())
    level.refresh_from_db()
    assert level.title == "Up the hill"


def test_a_level_with_a_broken_maze_is_not_valid():
    level = PuzzleLevelFactory.build(maze="#>..#")

    with pytest.raises(ValidationError) as error:
        level.full_clean()

    assert "maze" in error.value.message_dict


def test_a_level_with_an_unknown_block_is_not_valid():
    level = PuzzleLevelFactory.build(allowed_blocks=["move", "teleport"])

    with pytest.raises(ValidationError) as error:
        level.full_clean()

    assert "allowed_blocks" in error.value.message_dict


def test_a_level_without_move_forward_is_not_valid():
    level = PuzzleLevelFactory.build(allowed_blocks=["turn_left"])

    with pytest.raises(ValidationError):
        level.full_clean()


def test_a_level_from_the_factory_is_valid():
    PuzzleLevelFactory.build().full_clean()


def test_editors_tick_the_allowed_blocks_in_the_admin_form():
    from courses.models.puzzles import PuzzleLevelForm

    field = PuzzleLevelForm.base_fields["allowed_blocks"]

    assert [key for key, _label in field.choices][:3] == ["move", "turn_left", "turn_right"]
