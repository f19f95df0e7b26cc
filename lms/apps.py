from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    """Learners and their learning: accounts, roles, progress, grading, journal."""

    name = "lms"
    verbose_name = _("Learning")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from lms.signals_coaching import on_user_logged_in

        user_logged_in.connect(on_user_logged_in, dispatch_uid="lms.coaching.login")

        from courses.puzzles.signals import puzzle_checked
        from lms.services.puzzles import on_puzzle_checked

        puzzle_checked.connect(on_puzzle_checked, dispatch_uid="lms.on_puzzle_checked")
