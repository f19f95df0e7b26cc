"""Demo content: the site skeleton, its contact details and the three courses
(basic digital skills, security diploma, coding for kids) in four languages,
from the data in courses/content/ (question banks as files in
courses/content/banks/). Safe to run again."""

from wagtail.models import Site

from courses.content import basic, helpers, kids, security
from courses.content.banks import bank_read, banks_available
from courses.h5p import demo as h5p_demo
from courses.models import CatalogPage, SiteSettings
from courses.services import course_load, question_bank_load, site_bootstrap


def seed() -> None:
    home = site_bootstrap()
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    if not settings.contact_email:
        settings.contact_email = "help@digiskills.example.be"
        settings.helpline_phone = "+32 2 000 00 00"
        settings.save()

    banks = {}
    for bank in [*basic.BANKS, helpers.BANK, *map(bank_read, banks_available())]:
        banks[bank["key"]] = question_bank_load(data=bank)

    # The H5P demo activity first: the security course's lessons play it.
    h5p_demo.seed()
    documents = {"h5p": {"strong-passwords": h5p_demo.demo_quiz_ids()}}
    catalogue = CatalogPage.objects.child_of(home).get()
    for course in (basic.COURSE, security.COURSE, kids.COURSE, helpers.COURSE):
        course_load(catalogue=catalogue, data=course, banks=banks, documents=documents)
    h5p_demo.lessons_upgrade(documents=documents)
