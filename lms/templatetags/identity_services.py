from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def identity_services_configured() -> bool:
    """Whether itsme or CSAM is switched on (from settings, no query)."""
    providers = getattr(settings, "SOCIALACCOUNT_PROVIDERS", {})
    return bool(providers.get("openid_connect", {}).get("APPS"))
