"""Catalogue, course, module and lesson pages as a learner sees them."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from courses.models import CatalogPage, CoursePage, LessonPage
from courses.tests import factories
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(shared_courses, db):
    return shared_courses


def html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("code", ["en", "nl", "fr", "de"])
def test_the_catalogue_lists_the_courses_of_its_language(client, courses, code):
    page = html(client, CatalogPage.objects.get(locale__language_code=code).url)
    assert factories.TITLES["robots"][code] in page
    assert factories.TITLES["phishing"][code].replace("'", "&#x27;") in page


def test_the_catalogue_filters_from_the_query_string(client, courses):
    page = html(client, "/fr/cours/?track=kids")
    assert "Énigmes de robot" in page
    assert "hameçonnage" not in page


def test_the_catalogue_searches_from_the_query_string(client, courses):
    page = html(client, "/de/kurse/?q=Roboterrätsel")
    assert "Roboterrätsel" in page
    assert "Phishing erkennen" not in page


def test_an_untranslated_course_is_listed_with_its_language(client, courses):
    page = html(client, "/nl/cursussen/")
    assert 'lang="en"' in page
    assert 'href="/nl/cursussen/email/"' in page


def test_a_missing_translation_falls_back_with_a_visible_notice(client, courses):
    response = client.get("/fr/cours/email/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert "translation-notice" in page
    assert '<article class="course" lang="en">' in page
    assert "First steps with e-mail" in page


def test_a_missing_lesson_translation_falls_back_inside_a_translated_course(client, courses):
    robots = courses["translated"][("robots", "de")]
    LessonPage.objects.descendant_of(robots).get(slug="lesson-1-1").unpublish()
    response = client.get("/de/kurse/robots/module-1/lesson-1-1/")
    assert response.status_code == 200
    assert "translation-notice" in response.content.decode()


def test_a_translated_page_shows_no_notice(client, courses):
    assert "translation-notice" not in html(client, "/fr/cours/robots/")


def test_a_path_that_exists_in_no_language_is_still_a_404(client, courses):
    assert client.get("/fr/cours/no-such-course/").status_code == 404


def test_the_course_page_shows_outline_outcomes_and_competences(client, courses):
    page = html(client, "/en/courses/phishing/")
    assert "Module 1" in page
    assert "Lesson 1.1" in page
    assert "4.2" in page
    assert "Protecting personal data and privacy" in page


def test_the_course_page_asks_anonymous_people_to_sign_in(client, courses):
    page = html(client, "/en/courses/phishing/")
    assert "/accounts/login/?next=/en/courses/phishing/" in page


def test_the_course_page_offers_signed_in_people_the_first_lesson(client, courses):
    client.force_login(UserFactory())
    page = html(client, "/en/courses/phishing/")
    assert 'href="/en/courses/phishing/module-1/lesson-1-1/"' in page
    assert "/accounts/login/?next" not in page


def test_the_lesson_page_links_to_the_previous_and_next_lessons(client, db):
    course = factories.course_tree(factories.catalogue(), slug="walk", modules=2, lessons=1)
    page = html(client, "/en/courses/walk/module-1/lesson-1-1/")
    assert 'href="/en/courses/walk/module-2/lesson-2-1/" rel="next"' in page
    assert 'rel="prev"' not in page
    page = html(client, "/en/courses/walk/module-2/lesson-2-1/")
    assert 'href="/en/courses/walk/module-1/lesson-1-1/" rel="prev"' in page
    assert f'href="{course.url}"' in page


def test_the_lesson_page_renders_every_content_block(client, db):
    module = factories.module(factories.course(factories.catalogue(), slug="blocks"), slug="m")
    body = [
        ("heading", "A heading"),
        ("callout", {"kind": "warning", "title": "Careful", "text": "<p>Never share codes.</p>"}),
        ("steps", {"title": "Do this", "steps": [{"text": "<p>First step</p>"}]}),
        (
            "accordion",
            {"title": "FAQ", "items": [{"question": "Is it free?", "answer": "<p>Yes.</p>"}]},
        ),
    ]
    factories.lesson(module, slug="all", body=body)
    page = html(client, "/en/courses/blocks/m/all/")
    assert '<h2 class="block-heading">A heading</h2>' in page
    assert "alert--warning" in page
    assert "First step" in page
    assert "<summary>Is it free?</summary>" in page


def test_the_module_page_lists_its_lessons(client, courses):
    page = html(client, "/en/courses/robots/module-1/")
    assert "Lesson 1.1" in page


def _queries(client, url: str) -> int:
    # The render is counted, not the page cache (courses/tests/test_page_cache.py),
    # on the second request: the route and the outline come from the cache
    # (kept under the page-tree version, which every page saved renews).
    with override_settings(PAGE_CACHE_SECONDS=0):
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
    return len(queries)


def test_catalogue_queries_do_not_grow_with_the_number_of_courses(client, db):
    catalogue = factories.catalogue()
    factories.course(catalogue, slug="one", competences=["1.1"])
    client.get("/en/courses/")  # warm the per-process caches (site root paths)
    few = _queries(client, "/en/courses/")
    for n in range(6):
        factories.course(catalogue, slug=f"more-{n}", competences=["1.1", "4.2"])
    assert _queries(client, "/en/courses/") == few
    assert _queries(client, "/en/courses/?q=more&area=4&duration=short") <= few + 2


def test_course_page_queries_do_not_grow_with_the_number_of_lessons(client, db):
    catalogue = factories.catalogue()
    factories.course_tree(catalogue, slug="small", modules=1, lessons=1, competences=["4.2"])
    factories.course_tree(catalogue, slug="big", modules=3, lessons=4, competences=["4.1", "4.2"])
    client.get("/en/courses/small/")
    assert _queries(client, "/en/courses/big/") == _queries(client, "/en/courses/small/")


def test_lesson_page_queries_do_not_grow_with_the_number_of_lessons(client, db):
    catalogue = factories.catalogue()
    factories.course_tree(catalogue, slug="small", modules=1, lessons=2)
    factories.course_tree(catalogue, slug="big", modules=3, lessons=4)
    client.get("/en/courses/small/module-1/lesson-1-2/")
    small = _queries(client, "/en/courses/small/module-1/lesson-1-2/")
    assert _queries(client, "/en/courses/big/module-2/lesson-2-2/") == small


def test_course_pages_keep_their_contract_fields(db):
    # lms and certificates read these; a rename would break them silently.
    for name in (
        "track",
        "audience",
        "summary",
        "competences",
        "target_level",
        "estimated_minutes",
        "learning_outcomes",
        "prerequisites",
        "self_enrolment",
        "certificate_enabled",
        "certificate_validity_months",
        "content_version",
    ):
        CoursePage._meta.get_field(name)
