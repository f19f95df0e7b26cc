"""Wagtail content. The home page and site settings come first; the course
tree (catalogue, course, module, lesson) is added by the courses issue."""

import copy

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


def site_settings_cache_key(site_id: int) -> str:
    return f"courses:site-settings:{site_id}"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details shown in the footer of every page."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    helpline_phone = models.CharField(_("helpline phone"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_site(cls, site):
        # Read by the footer of every page: from the cache, dropped when the
        # settings change (courses/receivers.py); kept by the process under
        # the page-tree version, which a change renews too.
        from django.core.cache import cache

        from courses.selectors.catalogue import pages_local

        def shared():
            key = site_settings_cache_key(site.pk)
            instance = cache.get(key)
            if instance is None:
                instance = super(SiteSettings, cls).for_site(site)
                cache.set(key, instance, 3600)
            return instance

        # A copy: Wagtail's for_request hangs the request on the instance.
        return copy.copy(pages_local(f"site-settings:{site.pk}", shared))
