"""StreamField blocks shared by the content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


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
