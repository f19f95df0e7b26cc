"""Template tags of the invoice pages."""

from django import template
from django.utils.translation import get_language

from payments.money import euros

register = template.Library()


@register.simple_tag
def invoice_euros(cents: int) -> str:
    """An amount in cents as a reader of the page's language writes euros."""
    return euros(cents, (get_language() or "en")[:2])
