"""Create or update the courses from their files (courses/content/courses/,
described in its README.md). Idempotent; pages an editor changed since the
last load are named and left alone unless --force is given."""

from django.core.management.base import BaseCommand, CommandError

from courses.content.banks import BankError
from courses.content.files import ContentError


class Command(BaseCommand):
    help = "Load the courses kept as files into the site (new revisions, published)."

    def add_arguments(self, parser):
        parser.add_argument("folders", nargs="*", help="course folders (default: all)")
        parser.add_argument(
            "--force",
            action="store_true",
            help="also overwrite pages an editor changed since the last load",
        )

    def handle(self, *args, folders, force, **options):
        from courses.demo import content_load

        try:
            report = content_load(folders=folders or None, force=force)
        except (ContentError, BankError) as error:
            raise CommandError(str(error)) from None
        for line in report.lines():
            self.stdout.write(line)
