"""The puzzle levels in the Wagtail admin, listed in playing order."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import PuzzleLevel


class PuzzleLevelViewSet(SnippetViewSet):
    model = PuzzleLevel
    icon = "code"
    menu_label = _("Puzzle levels")
    list_display = ["number", "title", "ideal_block_count", "locale"]
    list_filter = ["locale"]
    ordering = ["number"]
