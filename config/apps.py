from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """The project itself: settings, URLs, the Celery app, shared tools below
    every app, and what composes the apps (the demo seeder, `seed_demo`). It
    owns no tables."""

    name = "config"
    verbose_name = "Digiskills"

    def ready(self):
        from config import csrf

        csrf.use()
