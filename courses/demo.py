"""Demo content: the site skeleton, its contact details and the three courses
(basic digital skills, security diploma, coding for kids) in four languages,
from the data in courses/content/ (question banks as files in
courses/content/banks/). Safe to run again."""

from django.db import transaction
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
    kids_course_upgrade()


@transaction.atomic
def kids_course_upgrade() -> None:
    """Bring a kids course seeded before the puzzles were part of it up to
    date: no certificate, the intro lesson not required, and each level
    lesson with its puzzle block (fresh databases get all of it from the
    course data; a new module is added by course_load). Idempotent."""
    from courses.models import CoursePage, LessonPage
    from courses.services import _block_value, block_id

    for course in CoursePage.objects.filter(slug=kids.COURSE["slug"], certificate_enabled=True):
        course.certificate_enabled = False
        course.save_revision().publish()
    for module in kids.COURSE["modules"]:
        for data in module["lessons"]:
            key = f"{kids.COURSE['slug']}/{module['slug']}/{data['slug']}"
            puzzles = [(i, b[1]) for i, b in enumerate(data["body"]) if b[0] == "puzzle"]
            lessons = LessonPage.objects.filter(
                slug=data["slug"], url_path__contains=f"/{module['slug']}/"
            ).select_related("locale")
            for lesson in lessons:
                raw = list(lesson.body.raw_data)
                changed = lesson.required != data.get("required", True)
                lesson.required = data.get("required", True)
                if puzzles and not any(block.get("type") == "puzzle" for block in raw):
                    code = lesson.locale.language_code
                    for index, value in puzzles:
                        raw.insert(
                            min(index, len(raw)),
                            {
                                "type": "puzzle",
                                "id": block_id(key, str(index)),
                                "value": _block_value("puzzle", value, code, {}, {}),
                            },
                        )
                    lesson.body = raw
                    changed = True
                if changed:
                    lesson.save_revision().publish()
