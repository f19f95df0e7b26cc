import sys

from django.core.management.base import BaseCommand

from certificates import offline
from certificates.management.commands.export_issuer_did import issuer_did_document


class Command(BaseCommand):
    help = (
        "Check a signed credential as the offline verifier does, trusting this "
        "platform's own DID document (and any pinned with --trust/--did-document). "
        "Exit status: 0 valid, 1 not valid, 2 unreadable input, 3 revocation not checked."
    )

    def add_arguments(self, parser):
        offline.add_arguments(parser)

    def handle(self, *args, **options):
        argv = [options["credential"]]
        if options["status_list"]:
            argv += ["--status-list", options["status_list"]]
        for path in options["did_document"]:
            argv += ["--did-document", path]
        for directory in options["trust"]:
            argv += ["--trust", directory]
        if options["resolve"]:
            argv.append("--resolve")
        own = offline.Source("pinned", "of this platform", issuer_did_document())
        code = offline.main(argv, pinned=(own,))
        if code:
            sys.exit(code)
