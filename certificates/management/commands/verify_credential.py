import sys

from django.core.management.base import BaseCommand

from certificates import offline


class Command(BaseCommand):
    help = offline.__doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument("credential", help="file with the VC-JWT")
        parser.add_argument("--jwks", required=True, help="JWKS or DID document: file or URL")
        parser.add_argument("--status-list", help="the status list VC-JWT: file or URL")

    def handle(self, *args, **options):
        argv = [options["credential"], "--jwks", options["jwks"]]
        if options["status_list"]:
            argv += ["--status-list", options["status_list"]]
        code = offline.main(argv)
        if code:
            sys.exit(code)
