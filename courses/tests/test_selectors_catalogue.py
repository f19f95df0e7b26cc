"""The catalogue's filters and search return the right courses in each language."""

import pytest

from courses.models import CatalogPage
from courses.selectors import CatalogueFilters, catalogue_courses

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "nl", "fr", "de"]


@pytest.fixture
def courses(shared_courses, db):
    return shared_courses


def found(code: str, **filters) -> dict[str, str]:
    """{course slug: language it is shown in} for the catalogue of `code`."""
    catalogue = CatalogPage.objects.get(locale__language_code=code)
    entries = catalogue_courses(catalog=catalogue, filters=CatalogueFilters(**filters))
    return {entry.course.slug: entry.course.locale.language_code for entry in entries.entries}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_catalogue_shows_its_language_and_untranslated_courses_in_english(courses, code):
    assert found(code) == {"phishing": code, "robots": code, "email": "en"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_filter_by_track(courses, code):
    assert set(found(code, track="kids")) == {"robots"}
    assert set(found(code, track="security")) == {"phishing"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_filter_by_audience(courses, code):
    assert set(found(code, audience="children")) == {"robots"}
    assert set(found(code, audience="adults")) == {"phishing", "email"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_filter_by_digcomp_area(courses, code):
    assert set(found(code, area="4")) == {"phishing"}
    assert set(found(code, area="2")) == {"email"}
    assert found(code, area="5") == {}


@pytest.mark.parametrize("code", LANGUAGES)
def test_filter_by_level(courses, code):
    assert set(found(code, level=2)) == {"email"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_filter_by_duration(courses, code):
    assert set(found(code, duration="short")) == {"robots"}
    assert set(found(code, duration="medium")) == {"email"}
    assert set(found(code, duration="long")) == {"phishing"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_filter_by_available_language(courses, code):
    assert set(found(code, language="fr")) == {"phishing", "robots"}
    assert set(found(code, language="en")) == {"phishing", "robots", "email"}


def test_filters_combine(courses):
    assert set(found("de", audience="adults", area="4", duration="long")) == {"phishing"}
    assert found("de", audience="children", area="4") == {}


@pytest.mark.parametrize(
    ("code", "words", "expected"),
    [
        ("en", "phishing", {"phishing"}),
        ("nl", "robotpuzzels", {"robots"}),
        ("fr", "hameçonnage", {"phishing"}),
        ("de", "Roboterrätsel", {"robots"}),
        ("en", "robot star", {"robots"}),
    ],
)
def test_search_finds_courses_in_the_catalogue_language(courses, code, words, expected):
    assert set(found(code, query=words)) == expected


def test_search_and_filters_together(courses):
    assert found("fr", query="hameçonnage", track="kids") == {}


def test_unpublished_courses_are_not_listed(courses):
    courses["translated"][("robots", "fr")].unpublish()
    # The English version stands in, with its language shown.
    assert found("fr")["robots"] == "en"


def test_the_catalogue_is_paginated(courses):
    catalogue = CatalogPage.objects.get(locale__language_code="fr")
    first = catalogue_courses(catalog=catalogue, filters=CatalogueFilters(), page_size=2)
    second = catalogue_courses(catalog=catalogue, filters=CatalogueFilters(), page=2, page_size=2)
    assert (first.total, first.pages, len(first.entries), first.has_next) == (3, 2, 2, True)
    assert len(second.entries) == 1 and second.has_previous and not second.has_next
    shown = [e.course.slug for e in first.entries + second.entries]
    assert sorted(shown) == ["email", "phishing", "robots"]


def test_course_titles_in_a_language_fall_back_to_the_source(home_page):
    from wagtail.models import Locale

    from courses.models import CatalogPage, CoursePage
    from courses.selectors import course_titles

    catalog = CatalogPage.objects.child_of(home_page).first() or home_page.add_child(
        instance=CatalogPage(title="Courses", slug="courses")
    )
    course = catalog.add_child(
        instance=CoursePage(
            title="Safe online",
            slug="safe-online-titles",
            summary="S.",
            track="security",
            audience="adults",
        )
    )
    dutch = course.copy_for_translation(Locale.objects.get(language_code="nl"), copy_parents=True)
    dutch.title = "Veilig online"
    dutch.save_revision().publish()
    key = course.translation_key
    assert course_titles(keys=[key], language="nl") == {key: "Veilig online"}
    assert course_titles(keys=[key], language="de") == {key: "Safe online"}
    assert course_titles(keys=[], language="nl") == {}
