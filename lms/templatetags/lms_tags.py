from django import template

from lms.selectors import user_display_name

register = template.Library()


@register.filter
def display_name(user) -> str:
    return user_display_name(user)
