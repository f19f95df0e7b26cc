"""Template tags of courses/: the address of the catalogue in the active language."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from courses.selectors import catalogue_urls

register = template.Library()


@register.simple_tag
def catalogue_url() -> str:
    """The catalogue of the active language, else of the source language."""
    urls = catalogue_urls()
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return urls.get(language) or urls.get(settings.LANGUAGE_CODE) or ""
