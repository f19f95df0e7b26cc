"""Question banks: translatable snippets that quizzes and exams draw from.

The correct answers live only here and are read only by the server-side
grading of lms/ (through courses.selectors); choices are StreamField items
whose ids are stable across translations, so an attempt started in French
can be graded against the Dutch question of the same translation_key.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index


class QuestionBank(TranslatableMixin, index.Indexed, models.Model):
    """A named set of questions (e.g. "Security diploma — final exam")."""

    class Purpose(models.TextChoices):
        PRACTICE = "practice", _("Practice: quizzes with feedback")
        EXAM = "exam", _("Exam: certificate assessments only, never practice")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # An exam bank is never drawn from by a practice quiz, and a practice bank
    # never by an exam: its key would otherwise be harvested by practising.
    purpose = models.CharField(
        _("purpose"), max_length=16, choices=Purpose.choices, default=Purpose.PRACTICE
    )

    panels = [FieldPanel("title"), FieldPanel("purpose"), FieldPanel("description")]
    search_fields = [index.SearchField("title"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")

    def __str__(self) -> str:
        return self.title


class ChoiceBlock(blocks.StructBlock):
    """One answer option. `correct` never leaves the server."""

    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.CharBlock(label=_("Feedback when chosen"), max_length=400, required=False)

    class Meta:
        icon = "tick"


class Question(TranslatableMixin, index.Indexed, models.Model):
    """A question with its choices, feedback, DigComp competence and difficulty."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TRUE_FALSE = "true_false", _("True or false")
        SCENARIO = "scenario", _("Scenario with an image")

    class Difficulty(models.IntegerChoices):
        EASY = 1, _("Easy")
        MEDIUM = 2, _("Medium")
        HARD = 3, _("Hard")

    bank = models.ForeignKey(
        QuestionBank, on_delete=models.CASCADE, related_name="questions", verbose_name=_("bank")
    )
    # A stable name from the content files (e.g. "sec-exam-4.1-007"), the same in
    # every language: the loader updates the question it names, never a copy.
    key = models.CharField(_("stable id"), max_length=80, blank=True, db_index=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.SINGLE)
    prompt = models.TextField(_("question"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    image_alt = models.CharField(
        _("image description (alt text)"),
        # A mock e-mail or web page is described in full: every field read out.
        max_length=1500,
        blank=True,
        help_text=_("Required with an image: what a person who cannot see it needs to answer."),
    )
    choices = StreamField([("choice", ChoiceBlock())], verbose_name=_("answers"))
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Shown after the answer, right or wrong.")
    )
    competence = models.ForeignKey(
        "courses.DigCompCompetence",
        on_delete=models.PROTECT,
        related_name="questions",
        verbose_name=_("DigComp competence"),
    )
    difficulty = models.PositiveSmallIntegerField(
        _("difficulty"), choices=Difficulty.choices, default=Difficulty.EASY
    )

    panels = [
        FieldPanel("bank"),
        FieldPanel("kind"),
        FieldPanel("prompt"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("choices"),
        FieldPanel("explanation"),
        MultiFieldPanel([FieldPanel("competence"), FieldPanel("difficulty")], heading=_("Tags")),
    ]
    search_fields = [
        index.SearchField("prompt"),
        index.FilterField("locale_id"),
        index.FilterField("bank_id"),
        index.FilterField("difficulty"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "locale"],
                condition=~models.Q(key=""),
                name="courses_question_key_unique_per_locale",
            ),
        ]

    def __str__(self) -> str:
        return self.prompt[:80]

    def clean(self) -> None:
        super().clean()
        choices = [child.value for child in self.choices]
        correct = sum(1 for choice in choices if choice["correct"])
        if len(choices) < 2:
            raise ValidationError({"choices": _("Give at least two answers.")})
        if self.kind == self.Kind.TRUE_FALSE and len(choices) != 2:
            raise ValidationError(
                {"choices": _("A true-or-false question has exactly two answers.")}
            )
        if self.kind == self.Kind.MULTIPLE:
            if correct < 1:
                raise ValidationError({"choices": _("Mark at least one answer as correct.")})
        elif correct != 1:
            raise ValidationError({"choices": _("Mark exactly one answer as correct.")})
        if self.kind == self.Kind.SCENARIO and self.image_id is None:
            raise ValidationError({"image": _("A scenario question needs an image.")})
        if self.image_id is not None and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for people who cannot see it.")}
            )
