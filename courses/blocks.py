"""StreamField blocks shared by the content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


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


class QuizBlock(blocks.StructBlock):
    """An assessment in a lesson: questions drawn from a bank, graded on the
    server by lms/. `exam` mode is the timed final exam (one fixed question set
    per attempt, no feedback until it is closed). The block's id is the
    activity's stable key, kept across translations."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
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

    class Meta:
        icon = "help"
        label = _("Quiz or exam")
        template = "blocks/quiz_block.html"
        preview_value = {"title": "Check what you know", "mode": "practice", "question_count": 5}


class LessonStreamBlock(blocks.StreamBlock):
    """Everything a lesson can hold: content blocks and activity blocks."""

    heading = blocks.CharBlock(
        label=_("Heading"), icon="title", template="blocks/heading_block.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul", "h3"],
        template="blocks/paragraph_block.html",
    )
    quiz = QuizBlock()
