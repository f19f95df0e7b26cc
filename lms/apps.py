from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    """Learners and their learning: accounts, roles, progress, grading, journal."""

    name = "lms"
    verbose_name = _("Learning")
