"""Demo content: the site skeleton, its contact details, and the courses and
question banks kept as files (courses/content/courses/ and
courses/content/banks/), in four languages. Safe to run again: see
courses.services_content for what a second load does."""

from wagtail.models import Site

from courses.content.banks import bank_read, banks_available
from courses.content.files import course_read, courses_available
from courses.h5p import demo as h5p_demo
from courses.models import CatalogPage, SiteSettings
from courses.services import question_bank_load, site_bootstrap
from courses.services_content import LoadReport, course_load


def content_load(*, folders=None, force: bool = False) -> LoadReport:
    """Load the question banks, the demo H5P activity the lessons play, and
    the courses in `folders` (all of them by default) into the catalogue."""
    home = site_bootstrap()
    banks = {key: question_bank_load(data=bank_read(key)) for key in banks_available()}
    h5p_demo.seed()
    documents = {"h5p": {"strong-passwords": h5p_demo.demo_quiz_ids()}}
    catalogue = CatalogPage.objects.child_of(home).get()
    report = LoadReport()
    for folder in folders or courses_available():
        course_load(
            catalogue=catalogue,
            data=course_read(folder),
            banks=banks,
            documents=documents,
            force=force,
            report=report,
        )
    return report


def seed() -> LoadReport:
    site_bootstrap()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if not settings.contact_email:
        settings.contact_email = "help@digiskills.example.be"
        settings.helpline_phone = "+32 2 000 00 00"
        settings.save()
    return content_load()
