"""The puzzle worlds and levels in the Wagtail admin, listed in playing order."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import PuzzleLevel, PuzzleWorld


class PuzzleLevelViewSet(SnippetViewSet):
    model = PuzzleLevel
    icon = "code"
    menu_label = _("Puzzle levels")
    list_display = ["number", "title", "world", "ideal_block_count", "locale"]
    list_filter = ["locale", "world"]
    ordering = ["world", "position", "number"]


class PuzzleWorldViewSet(SnippetViewSet):
    model = PuzzleWorld
    icon = "globe"
    menu_label = _("Puzzle worlds")
    list_display = ["number", "title", "theme", "locale"]
    list_filter = ["locale"]
    ordering = ["number"]
