"""The idle-session warning on every signed-in page (lms/idle.py)."""

from django import template
from django.conf import settings

from lms.idle import seconds_left

register = template.Library()


@register.inclusion_tag("lms/idle/warning.html", takes_context=True)
def idle_warning(context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    left = seconds_left(request)
    if left is None:
        return {"show": False}
    warn_before = settings.SESSION_IDLE_WARNING
    return {
        "show": True,
        "seconds_left": left,
        "warn_before": warn_before,
        "minutes": max(1, round(warn_before / 60)),
    }
