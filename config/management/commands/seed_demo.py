"""Fill the platform with demo content and demo accounts. Idempotent.

Each app owns its demo data in `<app>/demo.py`, written through its own
services (another app's demo asks that app's demo helpers, e.g.
`partners.demo.project_seed`); this command only runs them in the order their
data depends on and prints the accounts a newcomer can sign in with. It writes
no table itself. It lives in `config`, the project that composes the apps,
because it must import every one of them.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from analytics import demo as analytics_demo
from certificates import demo as certificates_demo
from certificates import services as certificates_services
from courses import demo as courses_demo
from courses.h5p import demo as h5p_demo
from courses.puzzles import demo as puzzles_demo
from lms import demo as lms_demo
from partners import demo as partners_demo
from partners import demo_helpers
from payments import demo as payments_demo


def _certify_after_exam(*, user, course):
    # A certificate needs a passed final exam: the demo helper sits it first.
    lms_demo.exam_pass_seed(learner=user, course=course)
    return certificates_services.certificate_issue(user=user, course=course)


class Command(BaseCommand):
    help = "Create demo content and demo accounts (demo only, refused in production)."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError(
                "seed_demo only runs in demo mode (DJANGO_DEBUG on, DIGISKILLS_DEMO not off): "
                "demo accounts have published passwords and never belong in production."
            )
        courses_demo.seed()
        h5p_demo.seed()
        puzzles_demo.seed()
        rows = lms_demo.seed()
        certificate_code = certificates_demo.seed()
        partners_demo.seed()
        demo_helpers.seed(certify=_certify_after_exam)
        section_code, section_child, section_pictures = lms_demo.sections_seed()
        employer = payments_demo.seed()
        analytics_demo.seed()
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
        self.stdout.write("")
        self.stdout.write("Demo accounts (demo only — never use these passwords elsewhere):")
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        header = ("Role", "Username", "E-mail", "Password")
        widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
        for row in (header, *rows):
            self.stdout.write(
                "  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
            )
        if certificate_code:
            self.stdout.write("")
            self.stdout.write(
                f"Demo certificate of `learner`: {certificate_code} "
                f"(check it at {settings.SITE_URL}/verify/?code={certificate_code})"
            )
        self.stdout.write(
            f"Demo class of `teacher`: code {section_code} "
            f"({settings.SITE_URL}/fr/class/?code={section_code}); "
            f"{section_child}'s pictures: {', '.join(section_pictures)}"
        )
        if employer is not None:
            self.stdout.write(
                f"Demo employer of `employer` (manager): {employer.name} "
                f"({settings.SITE_URL}/nl/partners/{employer.slug}/); seat packs of "
                f"10, 50 and 100 on sale, exam fee of the security diploma € 25,00 incl. VAT"
            )
