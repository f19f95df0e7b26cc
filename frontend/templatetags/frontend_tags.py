from functools import lru_cache

from django import template
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

register = template.Library()


@register.inclusion_tag("frontend/components/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """One button per language. On a Wagtail page it leads to that page's
    translation (slugs differ between languages); elsewhere to the same URL
    with another language prefix. The choice is remembered in a cookie."""
    request = context["request"]
    page = context.get("page")
    translations: dict[str, str] = {}
    if isinstance(page, Page):
        from courses.selectors import page_translation_urls

        translations = page_translation_urls(page=page, request=request)
    path = request.get_full_path()
    items = []
    for language in context["site_languages"]:
        code = language["code"]
        items.append(
            {
                **language,
                "next": translations.get(code) or _translated_path(path, code, get_language()),
                "current": code == get_language(),
            }
        )
    return {"languages": items}


@lru_cache(maxsize=1024)
def _translated_path(path: str, code: str, active: str) -> str:
    # Django's `translate_url` resolves the path through every address
    # pattern (a page's falls through to Wagtail's catch-all, last): on every
    # page, for each language without a translation of it. Its answer depends
    # only on the path, the active language (`active`, which picks the
    # language prefix that resolves) and the address patterns, fixed for the
    # process.
    return translate_url(path, code)
