from django.apps import AppConfig


class FrontendConfig(AppConfig):
    """Base templates, the design system and static assets built from npm.
    No domain models."""

    name = "frontend"
    verbose_name = "Frontend"
