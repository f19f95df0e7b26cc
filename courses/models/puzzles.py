"""Coding puzzle worlds and levels: translatable snippets an editor can change.

Only the words (title, goal, hint, a world's title) are translated; the maze,
the blocks allowed, the ideal block count and the level's world are the same
in every language, so a child's program means the same thing in nl, fr, de
and en. A level points to its world by number, as lessons point to levels.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from courses.puzzles.program import BLOCK_CHOICES, BLOCK_KEYS
from courses.puzzles.world import MazeError, maze_parse


class PuzzleLevelForm(WagtailAdminModelForm):
    """Blocks allowed as tick boxes rather than raw JSON."""

    allowed_blocks = forms.MultipleChoiceField(
        label=_("blocks allowed"), choices=BLOCK_CHOICES, widget=forms.CheckboxSelectMultiple
    )


class PuzzleWorld(TranslatableMixin, models.Model):
    """A group of levels that teaches one idea (sequences, loops, ...), with a
    theme the player draws (a garden, the beach, a cave, space)."""

    class Theme(models.TextChoices):
        GARDEN = "garden", _("Garden")
        BEACH = "beach", _("Beach")
        CAVE = "cave", _("Cave")
        SPACE = "space", _("Space")

    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    title = models.CharField(_("title"), max_length=80)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme, default=Theme.GARDEN)

    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("theme")]
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("number", overridable=False),
        SynchronizedField("theme", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("puzzle world")
        verbose_name_plural = _("puzzle worlds")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "number"], name="courses_puzzleworld_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class PuzzleLevel(TranslatableMixin, index.Indexed, models.Model):
    """One maze of the coding puzzles, with its goal, blocks and ideal size."""

    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1), MaxValueValidator(999)]
    )
    title = models.CharField(_("title"), max_length=80)
    goal = models.TextField(
        _("goal"), max_length=400, help_text=_("Short sentences a child can read aloud.")
    )
    maze = models.TextField(
        _("maze"),
        help_text=_(
            "One line per row: # wall, . path, G goal, and the start as the "
            "way the robot looks: ^ up, > right, v down, < left."
        ),
    )
    allowed_blocks = models.JSONField(_("blocks allowed"), default=list)
    ideal_block_count = models.PositiveSmallIntegerField(
        _("ideal number of blocks"),
        validators=[MinValueValidator(1)],
        help_text=_("Three stars for a solution with this many blocks or fewer."),
    )
    hint = models.TextField(_("hint"), max_length=400, blank=True)
    world = models.PositiveSmallIntegerField(
        _("world"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text=_("The number of the world the level belongs to."),
    )
    position = models.PositiveSmallIntegerField(
        _("position in the world"),
        default=0,
        help_text=_("Levels of a world are played in this order (then by number)."),
    )

    base_form_class = PuzzleLevelForm
    panels = [
        FieldPanel("number"),
        FieldPanel("world"),
        FieldPanel("position"),
        FieldPanel("title"),
        FieldPanel("goal"),
        FieldPanel("hint"),
        MultiFieldPanel(
            [FieldPanel("maze"), FieldPanel("allowed_blocks"), FieldPanel("ideal_block_count")],
            heading=_("Puzzle"),
        ),
    ]
    search_fields = [index.SearchField("title"), index.FilterField("locale_id")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("goal"),
        TranslatableField("hint"),
        SynchronizedField("number", overridable=False),
        SynchronizedField("world", overridable=False),
        SynchronizedField("position", overridable=False),
        SynchronizedField("maze", overridable=False),
        SynchronizedField("allowed_blocks", overridable=False),
        SynchronizedField("ideal_block_count", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("puzzle level")
        verbose_name_plural = _("puzzle levels")
        ordering = [models.F("world").asc(nulls_last=True), "position", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "number"], name="courses_puzzlelevel_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def clean(self) -> None:
        super().clean()
        try:
            maze_parse(self.maze)
        except MazeError as error:
            raise ValidationError({"maze": str(error)}) from None
        if not self.allowed_blocks or not set(self.allowed_blocks) <= set(BLOCK_KEYS):
            raise ValidationError({"allowed_blocks": _("Choose the blocks the level offers.")})
        if "move" not in self.allowed_blocks:
            raise ValidationError(
                {"allowed_blocks": _("Every level needs the “move forward” block.")}
            )


register_snippet(PuzzleWorld, viewset="courses.puzzles.admin.PuzzleWorldViewSet")
register_snippet(PuzzleLevel, viewset="courses.puzzles.admin.PuzzleLevelViewSet")
