from django.core.management.base import BaseCommand

from certificates.services import signing_key_rotate


class Command(BaseCommand):
    help = (
        "Create a new certificate signing key and retire the current one. Retired public "
        "keys stay published (did.json, JWKS), so earlier credentials keep verifying."
    )

    def handle(self, *args, **options):
        key = signing_key_rotate()
        self.stdout.write(self.style.SUCCESS(f"New signing key: {key.kid}"))
