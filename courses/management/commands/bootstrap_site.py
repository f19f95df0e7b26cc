from django.core.management.base import BaseCommand

from courses.services import site_bootstrap


class Command(BaseCommand):
    help = "Create the locales and the home page in every language (idempotent; production-safe)."

    def handle(self, *args, **options):
        home = site_bootstrap()
        self.stdout.write(
            self.style.SUCCESS(f"Site ready: home page #{home.pk} in every language.")
        )
