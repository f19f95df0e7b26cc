import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.test import RequestFactory

from certificates.views import keys


def issuer_did_document() -> dict:
    """The DID document exactly as /.well-known/did.json serves it now."""
    response = keys.did_document(RequestFactory().get("/.well-known/did.json"))
    return json.loads(response.content)


def file_name(did: str) -> str:
    """did:web:example.be%3A8443 -> did_web_example.be_8443.json"""
    safe = "".join(c if c.isalnum() or c in ".-" else "_" for c in did.replace("%3A", ":"))
    return f"{safe}.json"


class Command(BaseCommand):
    help = (
        "Write the issuer's current DID document (did.json) for the offline verifier "
        "to pin: to standard output, a file, or a directory (named after the DID)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="a file or a directory (default: standard output)")

    def handle(self, *args, **options):
        document = issuer_did_document()
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        output = options["output"]
        if not output:
            self.stdout.write(text, ending="")
            return
        path = Path(output)
        if path.is_dir():
            path = path / file_name(document["id"])
        path.write_text(text, encoding="utf-8")
        self.stderr.write(f"{document['id']}: {len(document['verificationMethod'])} keys -> {path}")
