from django.core.management.base import BaseCommand

from certificates.models import SigningKey
from certificates.services import signing_key_rotate


class Command(BaseCommand):
    help = (
        "Create a new signing key for a purpose and retire the current one. Retired public "
        "keys stay published (did.json, JWKS, the PDF seal certificates), so earlier "
        "credentials and PDFs keep verifying."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--purpose",
            choices=SigningKey.Purpose.values,
            default=SigningKey.Purpose.CREDENTIAL,
            help="credential (VC-JWT, default), data_integrity or document (the PDF seal)",
        )

    def handle(self, *args, **options):
        key = signing_key_rotate(purpose=options["purpose"])
        self.stdout.write(self.style.SUCCESS(f"New signing key ({key.purpose}): {key.kid}"))
