from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Content in Wagtail: pages, blocks, DigComp, question banks. No learner state."""

    name = "courses"
    verbose_name = _("Courses")

    def ready(self) -> None:
        from courses import receivers

        receivers.connect()
