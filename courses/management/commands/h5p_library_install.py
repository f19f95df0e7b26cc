"""Install H5P libraries into the vetted store from a folder, a .zip or an .h5p."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from courses.h5p.errors import PackageRefused
from courses.h5p.library_store import library_install


class Command(BaseCommand):
    help = "Install reviewed H5P library code into the library store (audited)."

    def add_arguments(self, parser):
        parser.add_argument("source", help="a library folder, a .zip or an .h5p file")
        parser.add_argument(
            "--actor", default="", help="username recorded in the audit journal as installer"
        )

    def handle(self, *args, source: str, actor: str, **options):
        path = Path(source)
        if not path.exists():
            raise CommandError(f"{source} does not exist")
        installed_by = None
        if actor:
            installed_by = get_user_model().objects.filter(username=actor).first()
            if installed_by is None:
                raise CommandError(f"no user {actor!r}")
        try:
            installed = library_install(source=path, installed_by=installed_by)
        except PackageRefused as refusal:
            raise CommandError(refusal.message) from None
        for library in installed:
            self.stdout.write(f"Installed {library} ({library.checksum[:12]})")
