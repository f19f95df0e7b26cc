"""The helpers' entry in the main navigation, shown only to active-role helpers."""

from django import template

from lms.permissions import has_role
from lms.roles import Role

register = template.Library()


@register.inclusion_tag("lms/coaching/nav_item.html", takes_context=True)
def helpers_nav_item(context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    show = user is not None and has_role(user, Role.HELPER)
    return {"show": show, "request": request}
