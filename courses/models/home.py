"""Wagtail content. The home page and site settings come first; the course
tree (catalogue, course, module, lesson) is added by the courses issue."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import HomeStreamBlock
from courses.models.fallback import TranslationFallbackMixin


class HomePage(TranslationFallbackMixin, Page):
    """The front door of each language's site tree: what Digiskills offers."""

    lead = models.TextField(
        _("lead"), max_length=400, help_text=_("One or two sentences under the title.")
    )
    body = StreamField(HomeStreamBlock(), blank=True, use_json_field=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CatalogPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details shown in the footer of every page."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    helpline_phone = models.CharField(_("helpline phone"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("site settings")
