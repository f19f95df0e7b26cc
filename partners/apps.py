from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Organisations, DBSF projects, cohorts, bulk enrolment and the partner API."""

    name = "partners"
    verbose_name = _("Partners")
