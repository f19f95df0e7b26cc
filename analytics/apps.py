from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    """Reports and KPIs computed from the other apps' data; writes only its own tables."""

    name = "analytics"
    verbose_name = _("Analytics")
