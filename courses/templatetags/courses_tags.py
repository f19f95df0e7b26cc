"""Template tags of courses/: the address of the catalogue in the active
language, and of a page in the language the learner asked for."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.templatetags.wagtailcore_tags import pageurl

from courses.selectors import catalogue_urls, page_translation_urls

register = template.Library()


@register.simple_tag
def catalogue_url() -> str:
    """The catalogue of the active language, else of the source language."""
    urls = catalogue_urls()
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return urls.get(language) or urls.get(settings.LANGUAGE_CODE) or ""


@register.simple_tag(takes_context=True)
def image_loading(context) -> str:
    """ "eager" for the first image of a page, "lazy" for every later one: the
    first is often in view at once (lazy would delay it, the largest paint),
    the others load as the reader scrolls to them."""
    request = context.get("request")
    if request is None:
        return "lazy"
    seen = getattr(request, "_images_rendered", 0)
    request._images_rendered = seen + 1
    return "eager" if seen == 0 else "lazy"


@register.simple_tag(takes_context=True)
def pageurl_asked(context, page) -> str:
    """`pageurl`, except on a page shown in another language because it is not
    translated yet (`translation_fallback`): there the address of `page`'s
    translation in the language the learner asked for, when it exists, so that
    the breadcrumb and Previous/Next lead back to that language."""
    request = context.get("request")
    if context.get("translation_fallback") and request is not None and page is not None:
        language = (get_language() or "")[:2]
        url = page_translation_urls(page=page, request=request).get(language)
        if url:
            return url
    return pageurl(context, page)
