"""StreamField blocks shared by the content pages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from courses.h5p.chooser import h5p_content_chooser_viewset

H5PContentChooserBlock = h5p_content_chooser_viewset.get_block_class(
    name="H5PContentChooserBlock", module_path="courses.blocks"
)


class CardBlock(blocks.StructBlock):
    """A card that leads somewhere: a title, a short text and one link."""

    title = blocks.CharBlock(label=_("Title"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), max_length=300)
    link_page = blocks.PageChooserBlock(label=_("Link to page"), required=False)
    link_url = blocks.CharBlock(
        label=_("or link to address"), required=False, help_text=_("Used when no page is chosen.")
    )
    link_text = blocks.CharBlock(label=_("Link text"), max_length=60, required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/card_block.html"
        preview_value = {
            "title": "Security diploma",
            "text": "Learn to spot phishing, protect your accounts and add a diploma to your CV.",
            "link_url": "#",
            "link_text": "Discover the course",
        }


class CardGridBlock(blocks.StructBlock):
    """A row of cards (two to four), stacking on narrow screens."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    cards = blocks.ListBlock(CardBlock(), min_num=1, max_num=4)

    class Meta:
        icon = "table"
        template = "blocks/card_grid_block.html"


class HomeStreamBlock(blocks.StreamBlock):
    """What an editor can put on the home page."""

    heading = blocks.CharBlock(
        label=_("Heading"), icon="title", template="blocks/heading_block.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul"],
        template="blocks/paragraph_block.html",
    )
    cards = CardGridBlock()


class BlueprintCellBlock(blocks.StructBlock):
    """One cell of an exam blueprint: draw `count` questions of this DigComp
    competence and difficulty from the bank."""

    competence = blocks.CharBlock(label=_("DigComp competence"), max_length=8)
    difficulty = blocks.ChoiceBlock(
        label=_("Difficulty"),
        choices=[("1", _("Easy")), ("2", _("Medium")), ("3", _("Hard"))],
    )
    count = blocks.IntegerBlock(label=_("Questions drawn"), min_value=1)

    class Meta:
        icon = "table"


class QuizBlock(blocks.StructBlock):
    """An assessment in a lesson: questions drawn from a bank, graded on the
    server by lms/. `exam` mode is the timed final exam (one fixed question set
    per attempt, no feedback until it is closed). The block's id is the
    activity's stable key, kept across translations."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    instructions = blocks.TextBlock(
        label=_("Instructions"),
        required=False,
        max_length=600,
        help_text=_("What the learner does and what counts, shown above the questions."),
    )
    bank = SnippetChooserBlock("courses.QuestionBank", label=_("Question bank"))
    mode = blocks.ChoiceBlock(
        label=_("Mode"),
        choices=[("practice", _("Practice quiz")), ("exam", _("Exam"))],
        default="practice",
    )
    question_count = blocks.IntegerBlock(label=_("Questions per attempt"), min_value=1, default=5)
    competences = blocks.CharBlock(
        label=_("Draw only from competences"),
        required=False,
        help_text=_("DigComp ids separated by commas, e.g. 4.1, 4.2. Empty: the whole bank."),
    )
    difficulty = blocks.ChoiceBlock(
        label=_("Difficulty"),
        choices=[("", _("Any")), ("1", _("Easy")), ("2", _("Medium")), ("3", _("Hard"))],
        required=False,
    )
    blueprint = blocks.ListBlock(
        BlueprintCellBlock(),
        label=_("Exam blueprint"),
        default=[],
        help_text=_(
            "Exams: how many questions of each competence and difficulty one attempt draws. "
            "The bank must hold at least five times as many in every cell."
        ),
    )
    pass_mark_percent = blocks.IntegerBlock(
        label=_("Pass mark (%)"), min_value=0, max_value=100, default=70
    )
    max_attempts = blocks.IntegerBlock(
        label=_("Maximum attempts"), min_value=1, required=False, help_text=_("Empty: unlimited.")
    )
    cooldown_minutes = blocks.IntegerBlock(
        label=_("Wait between attempts (minutes)"), min_value=0, default=0
    )
    grading_policy = blocks.ChoiceBlock(
        label=_("Result that counts"),
        choices=[("best", _("Best attempt")), ("last", _("Last attempt"))],
        default="best",
    )
    time_limit_minutes = blocks.IntegerBlock(
        label=_("Time limit (minutes)"),
        min_value=1,
        required=False,
        help_text=_("Exams only. Enforced on the server."),
    )
    required = blocks.BooleanBlock(
        label=_("Must be passed to complete the course"), required=False, default=True
    )

    def get_context(self, value, parent_context=None):
        from courses.selectors import exams

        context = super().get_context(value, parent_context=parent_context)
        total = exams.blueprint_total(settings=value) if value.get("mode") == "exam" else 0
        # An exam draws its blueprint's sum; `question_count` is for practice.
        context["question_total"] = total or value.get("question_count") or 0
        return context

    def clean(self, value):
        """An exam draws from an exam bank by a blueprint whose every cell the
        bank holds five times over; a practice quiz never uses an exam bank."""
        value = super().clean(value)
        from courses.selectors import exams

        errors = {}
        bank = value.get("bank")
        exam = value.get("mode") == "exam"
        if bank is not None and exam and bank.purpose != "exam":
            errors["bank"] = ValidationError(
                _("An exam draws only from a question bank whose purpose is “exam”.")
            )
        elif bank is not None and not exam and bank.purpose != "practice":
            errors["bank"] = ValidationError(
                _(
                    "A practice quiz never uses an exam bank: choose a bank whose purpose "
                    "is “practice”."
                )
            )
        if exam:
            cells = exams.blueprint_cells(settings=value)
            if not cells:
                errors["blueprint"] = ValidationError(
                    _("An exam needs a blueprint: how many questions of each competence and level.")
                )
            elif bank is not None and "bank" not in errors:
                short = [s for s in exams.blueprint_sizes(bank=bank, cells=cells) if not s.enough]
                if short:
                    errors["blueprint"] = ValidationError(
                        _(
                            "The bank is too small for this blueprint (at least five times the "
                            "questions drawn per cell): %(cells)s."
                        )
                        % {
                            "cells": "; ".join(
                                f"{s.cell.competence} / {s.cell.difficulty}: "
                                f"{s.available} < {s.cell.needed}"
                                for s in short
                            )
                        }
                    )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "help"
        label = _("Quiz or exam")
        template = "blocks/quiz_block.html"
        preview_value = {"title": "Check what you know", "mode": "practice", "question_count": 5}


class H5PBlock(blocks.StructBlock):
    """An interactive H5P exercise in a lesson, played in a sandboxed frame from
    the player origin. Low stakes: its score counts for progress (best or last
    result), never for an exam. The page's language version of the chosen
    activity is played when there is one."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    instructions = blocks.TextBlock(
        label=_("Instructions"),
        required=False,
        max_length=600,
        help_text=_("What the learner does, shown above the exercise."),
    )
    content = H5PContentChooserBlock(label=_("H5P activity"))
    pass_mark_percent = blocks.IntegerBlock(
        label=_("Pass mark (%)"), min_value=0, max_value=100, default=60
    )
    grading_policy = blocks.ChoiceBlock(
        label=_("Result that counts"),
        choices=[("best", _("Best attempt")), ("last", _("Last attempt"))],
        default="best",
    )
    required = blocks.BooleanBlock(
        label=_("Must be passed to complete the course"), required=False, default=False
    )

    class Meta:
        icon = "media"
        label = _("H5P exercise")
        template = "blocks/h5p_block.html"
        preview_value = {
            "title": "Strong passwords",
            "instructions": "Three questions. Your best score counts.",
            "pass_mark_percent": 60,
        }

    def get_context(self, value, parent_context=None):
        from courses.h5p.player import h5p_content_in_language

        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        chosen = value.get("content")
        language = page.locale.language_code if page is not None else ""
        context["content"] = h5p_content_in_language(
            content_id=chosen.pk if chosen else None, language=language
        )
        return context


class PuzzleBlock(blocks.StructBlock):
    """Coding puzzle levels in a lesson: a card per level that opens it in the
    player. The lesson is complete when the server has replayed a solution of
    every level (children never "mark as done"). Levels are named by number,
    the same in every language."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    instructions = blocks.TextBlock(
        label=_("Instructions"),
        required=False,
        max_length=600,
        help_text=_("Short sentences a child can read alone."),
    )
    levels = blocks.ListBlock(
        blocks.IntegerBlock(min_value=1, max_value=999),
        label=_("Puzzle level numbers"),
        min_num=1,
        max_num=12,
    )
    required = blocks.BooleanBlock(
        label=_("Must be solved to complete the course"), required=False, default=True
    )

    class Meta:
        icon = "pick"
        label = _("Coding puzzles")
        template = "blocks/puzzle_block.html"
        preview_value = {"title": "Your first puzzles", "levels": [1, 2], "required": True}

    def get_context(self, value, parent_context=None):
        from courses.puzzles.selectors import puzzle_levels_by_number

        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        language = page.locale.language_code if page is not None else ""
        context["levels"] = puzzle_levels_by_number(
            numbers=list(value.get("levels") or []), language=language
        )
        return context


class ImageBlock(blocks.StructBlock):
    """A picture with the text a person who cannot see it needs (alt text is
    required; mark purely decorative images instead of leaving it empty)."""

    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Image description (alt text)"),
        # A drawn message (an SMS, an e-mail) is read out in full.
        max_length=1000,
        help_text=_("What the image shows that matters for the lesson."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=300, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        preview_value = {"alt": "The itsme app asks you to confirm with your code", "caption": ""}


class VideoBlock(blocks.StructBlock):
    """A self-hosted video with captions (WebVTT) and a transcript. Nothing is
    embedded from another site: the file is a document or a media address."""

    title = blocks.CharBlock(label=_("Title"), max_length=160)
    video_document = DocumentChooserBlock(label=_("Video file (MP4 or WebM)"), required=False)
    video_url = blocks.URLBlock(
        label=_("or address of the video file"),
        required=False,
        help_text=_("A direct link to a media file on our own storage; no video platforms."),
    )
    captions = DocumentChooserBlock(label=_("Captions (WebVTT file)"))
    captions_language = blocks.ChoiceBlock(
        label=_("Captions language"), choices=settings.LANGUAGES, default="en"
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), features=["bold", "italic", "ol", "ul", "link"]
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"
        preview_value = {
            "title": "Signing in with itsme",
            "transcript": "<p>Open the app, check the request and confirm with your code.</p>",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("video_document") and not value.get("video_url"):
            raise StructBlockValidationError(
                {"video_url": ValidationError(_("Choose a video file or give its address."))}
            )
        return value


class CalloutBlock(blocks.StructBlock):
    """A boxed tip, warning or reminder that stands out from the text."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Good to know")), ("success", _("Tip")), ("warning", _("Watch out"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "blocks/callout_block.html"
        preview_value = {
            "kind": "warning",
            "title": "Your bank never asks for your code",
            "text": "<p>Not by e-mail, not by text message, not by phone.</p>",
        }


class StepBlock(blocks.StructBlock):
    """One step: what to do, and optionally a screenshot of the screen."""

    text = blocks.RichTextBlock(label=_("What to do"), features=["bold", "italic", "link"])
    screenshot = ImageChooserBlock(label=_("Screenshot"), required=False)
    screenshot_alt = blocks.CharBlock(
        label=_("Screenshot description (alt text)"), max_length=300, required=False
    )

    class Meta:
        icon = "order"

    def clean(self, value):
        value = super().clean(value)
        if value.get("screenshot") and not value.get("screenshot_alt", "").strip():
            raise StructBlockValidationError(
                {"screenshot_alt": ValidationError(_("Describe the screenshot."))}
            )
        return value


class StepsBlock(blocks.StructBlock):
    """Step-by-step instructions, numbered, with screenshots."""

    title = blocks.CharBlock(label=_("Title"), max_length=160)
    steps = blocks.ListBlock(StepBlock(), min_num=1, label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Step-by-step instructions")
        template = "blocks/steps_block.html"
        preview_value = {
            "title": "Open your e-Box",
            "steps": [
                {"text": "<p>Go to myebox.be.</p>"},
                {"text": "<p>Choose itsme and confirm on your phone.</p>"},
            ],
        }


class AccordionItemBlock(blocks.StructBlock):
    """One question (or heading) and the answer that opens under it."""

    question = blocks.CharBlock(label=_("Question or heading"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "help"


class AccordionBlock(blocks.StructBlock):
    """Questions that open on request (native <details>, no script needed)."""

    title = blocks.CharBlock(label=_("Title"), max_length=160, required=False)
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1, label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("Accordion / FAQ")
        template = "blocks/accordion_block.html"
        preview_value = {
            "title": "Questions people ask",
            "items": [
                {"question": "Is itsme free?", "answer": "<p>Yes, for citizens it is free.</p>"}
            ],
        }


class ResourceBlock(blocks.StructBlock):
    """A file to download: a checklist, a printable version, a worksheet."""

    document = DocumentChooserBlock(label=_("File"))
    title = blocks.CharBlock(label=_("Link text"), max_length=160)
    description = blocks.CharBlock(label=_("Description"), max_length=300, required=False)

    class Meta:
        icon = "download"
        label = _("Downloadable resource")
        template = "blocks/resource_block.html"
        preview_value = {"title": "Checklist: a safe password", "description": "PDF, one page"}


class SourceBlock(blocks.StructBlock):
    """Where a lesson's facts come from: shown under the lesson."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Address (https://...)"))

    class Meta:
        icon = "link"
        label = _("Source")


class LessonStreamBlock(blocks.StreamBlock):
    """Everything a lesson can hold: content blocks and activity blocks
    (quiz, H5P exercise, coding puzzles)."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        icon="title",
        template="blocks/heading_block.html",
        preview_value="Why a password manager helps",
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul", "h3"],
        template="blocks/paragraph_block.html",
        preview_value="<p>A <b>strong</b> password is long: three or four random words.</p>",
    )
    image = ImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    steps = StepsBlock()
    accordion = AccordionBlock()
    resource = ResourceBlock()
    quiz = QuizBlock()
    h5p = H5PBlock()
    puzzle = PuzzleBlock()
