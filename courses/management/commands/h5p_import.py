"""Import .h5p files from another platform (Moodle, WordPress, Lumi, h5p.org)
as an editor's upload would add them: the same checks, the same audit."""

import json
import zipfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from courses.h5p.errors import PackageRefused
from courses.h5p.library_store import library_approve
from courses.h5p.permissions import access_h5p_content_upload, access_h5p_library_install
from courses.h5p.selectors import h5p_content_waiting_for
from courses.h5p.services import h5p_content_create


def _language(path: Path, default: str) -> str:
    """The package's own language (h5p.json "language") when it is one of the
    platform's, else `default`."""
    try:
        with zipfile.ZipFile(path) as archive:
            declared = json.loads(archive.read("h5p.json")).get("language")
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, AttributeError):
        return default
    return declared if declared in dict(settings.LANGUAGES) else default


class Command(BaseCommand):
    help = (
        "Add H5P activities from .h5p files with the checks of the editor's upload. Prints "
        "each file's activity id or the reason it was refused; exits non-zero if any was."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help=".h5p files")
        parser.add_argument(
            "--actor", required=True, help="username recorded as uploader (an editor)"
        )
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE[:2],
            choices=[code for code, _name in settings.LANGUAGES],
            help="language of a package whose h5p.json names none of the platform's",
        )
        parser.add_argument(
            "--approve-libraries",
            action="store_true",
            help="approve the libraries the files bring (the actor must be an administrator)",
        )

    def handle(self, *args, files, actor, language, approve_libraries, **options):
        user = get_user_model().objects.filter(username=actor, is_active=True).first()
        if user is None:
            raise CommandError(f"no active user {actor!r}")
        try:
            access_h5p_content_upload(user)
            if approve_libraries:
                access_h5p_library_install(user)
        except PermissionDenied as error:
            raise CommandError(
                f"{actor} may not "
                + ("approve libraries" if approve_libraries else "add H5P activities")
            ) from error
        refused = 0
        for name in files:
            path = Path(name)
            if not path.is_file():
                refused += 1
                self.stdout.write(f"{name}: refused: no such file")
                continue
            try:
                with path.open("rb") as upload:
                    content = h5p_content_create(
                        upload=upload,
                        language=_language(path, language),
                        uploaded_by=user,
                        title="",
                    )
            except PackageRefused as refusal:
                refused += 1
                self.stdout.write(f"{name}: refused: {refusal.message}")
                continue
            waiting = h5p_content_waiting_for(content=content)
            if waiting and approve_libraries:
                for library in waiting:
                    library_approve(library=library, approved_by=user)
                waiting = h5p_content_waiting_for(content=content)
            status = (
                "waiting for approval of " + ", ".join(map(str, waiting)) if waiting else "plays"
            )
            self.stdout.write(
                f"{name}: activity {content.pk} ({content.uuid}), {content.main_library}, "
                f"{content.language}, {status}"
            )
        if refused:
            raise CommandError(f"{refused} of {len(files)} files refused")
