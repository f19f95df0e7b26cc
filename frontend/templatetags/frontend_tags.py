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
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translated.locale.language_code] = translated.get_url(request)
    path = request.get_full_path()
    items = []
    for language in context["site_languages"]:
        code = language["code"]
        items.append(
            {
                **language,
                "next": translations.get(code) or translate_url(path, code),
                "current": code == get_language(),
            }
        )
    return {"languages": items, "csrf_token": context.get("csrf_token")}
