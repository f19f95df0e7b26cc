"""Writes for content: the site skeleton every installation needs."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from courses.content.home import HOME
from courses.models import HomePage


def _home_body(words: dict) -> list:
    cards = [{"title": title, "text": text, "link_text": ""} for title, text in words["tracks"]]
    return [
        ("cards", {"heading": words["tracks_heading"], "cards": cards}),
        ("heading", words["help_heading"]),
        ("paragraph", words["help"]),
    ]


def _fill(page: HomePage, words: dict) -> None:
    page.title = words["title"]
    page.slug = words["slug"]
    page.lead = words["lead"]
    page.body = _home_body(words)


@transaction.atomic
def site_bootstrap() -> HomePage:
    """Create, once, a locale per language and the home page in each of them,
    and make it the default site's root. Safe to run again: it changes nothing
    an editor has already written."""
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }
    source_code = settings.LANGUAGE_CODE
    root = Page.get_first_root_node()

    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=locales[source_code]).first()
    if home is None:
        # Wagtail's placeholder "Welcome" page (a bare Page) is not ours to keep;
        # it also holds the slug the home page wants.
        Page.objects.filter(
            depth=2, content_type__model="page", content_type__app_label="wagtailcore"
        ).delete()
        home = HomePage()
        _fill(home, HOME[source_code])
        home.locale = locales[source_code]
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()

    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    if site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Digiskills"
        site.save()

    for code, locale in locales.items():
        if code == source_code or home.has_translation(locale):
            continue
        translated = home.copy_for_translation(locale)
        _fill(translated, HOME[code])
        translated.save()
        translated.save_revision().publish()
    return home
