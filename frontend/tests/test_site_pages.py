"""What every page carries for a person on a phone (issue 22): the compact
header's menu, the help page in four languages, the icon, a description for
search engines and link previews, and the links of a page shown in another
language because it is not translated yet."""

import re

import polib
import pytest
from django.conf import settings
from django.test import Client

from courses.tests import factories

pytestmark = pytest.mark.django_db

HELP = {
    "nl": ("Hulp", "Hoe begin ik aan een cursus?"),
    "fr": ("Aide", "Comment commencer un cours ?"),
    "de": ("Hilfe", "Wie beginne ich einen Kurs?"),
    "en": ("Help", "How do I start a course?"),
}


@pytest.mark.parametrize("code", ["nl", "fr", "de", "en"])
def test_the_help_page_answers_in_each_language_and_leads_to_the_pages(home_page, code):
    heading, first_question = HELP[code]
    response = Client().get(f"/{code}/help/")
    page = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in page
    assert f"<summary>{first_question}</summary>" in page
    assert page.count('<details class="disclosure">') == 10
    for target in (f"/{code}/accounts/password/reset/", f"/{code}/verify/", f"/{code}/class/"):
        assert f'href="{target}"' in page
    # Linked from the menu and the footer of every page.
    home = Client().get(f"/{code}/").content.decode()
    assert home.count(f'href="/{code}/help/"') == 2


def test_every_string_of_the_site_frame_and_help_is_translated():
    for code in ("nl", "fr", "de"):
        path = settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(path))
        untranslated = [e.msgid for e in catalogue if not e.translated() or "fuzzy" in e.flags]
        assert untranslated == [], code


def test_each_page_has_a_menu_button_an_icon_and_a_description(home_page):
    page = Client().get("/fr/").content.decode()
    assert '<details class="site-menu" data-site-menu>' in page
    assert re.search(r'<summary class="site-menu__toggle">.*Menu</summary>', page)
    assert re.search(r'<link rel="icon" href="/static/frontend/favicon[^"]*\.svg"', page)
    description = re.search(r'<meta name="description" content="([^"]+)">', page).group(1)
    assert description.startswith("Des cours gratuits")
    # A page's own description (Wagtail's search description) wins.
    home_page.search_description = "Apprendre le numérique."
    home_page.save_revision().publish()
    english = Client().get("/en/").content.decode()
    assert '<meta name="description" content="Apprendre le numérique.">' in english


def test_favicon_ico_leads_to_the_icon_without_a_language_redirect(db):
    response = Client().get("/favicon.ico")
    assert response.status_code == 301
    assert re.fullmatch(r"/static/frontend/favicon[.a-z0-9]*\.ico", response["Location"])
    assert "max-age=604800" in response["Cache-Control"]
    assert Client().post("/favicon.ico").status_code == 405


def test_an_untranslated_lesson_keeps_its_links_in_the_language_asked_for(home_page):
    catalogue = factories.catalogue("en")
    factories.catalogue("de")
    course = factories.course_tree(catalogue, slug="mails", modules=1, lessons=3)
    german_course = factories.translate(course, "de", title="E-Mails")
    module = course.get_children().get()
    factories.translate(module, "de", title="Modul 1")
    first, second, third = module.get_children().order_by("path")
    factories.translate(first.specific, "de", title="Lektion 1")
    factories.translate(third.specific, "de", title="Lektion 3")

    # Lesson 2 has no German version: shown in English, with a notice...
    response = Client().get(f"{german_course.url}module-1/lesson-1-2/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Noch nicht übersetzt" in page
    assert "<h1>Lesson 1.2</h1>" in page
    # ... and its breadcrumb, Previous and Next lead to the German pages.
    base = german_course.url
    assert f'<a href="{base}">' in page and f'<a href="{base}module-1/">' in page
    assert f'href="{base}module-1/lesson-1-1/" rel="prev"' in page
    assert f'href="{base}module-1/lesson-1-3/" rel="next"' in page
    assert 'href="/en/' not in page.split('<main id="main"')[1].split("</article>")[0]


def test_a_translated_lesson_links_as_before(home_page):
    catalogue = factories.catalogue("en")
    course = factories.course_tree(catalogue, slug="mails", modules=1, lessons=2)
    page = Client().get(f"{course.url}module-1/lesson-1-2/").content.decode()
    assert f'<a href="{course.url}">' in page
    assert f'href="{course.url}module-1/lesson-1-1/" rel="prev"' in page
