"""Fixtures of courses/ tests. Building a catalogue in four languages takes a
few seconds, so the read-only tests share one per module: it is created in an
outer transaction and rolled back when the module ends."""

import pytest

from conftest import module_rows
from courses.tests import factories


@pytest.fixture(scope="module")
def shared_courses(django_db_setup, django_db_blocker):
    with module_rows(django_db_blocker):
        yield factories.three_courses()


@pytest.fixture
def course(home_page):
    """A published course under the English catalogue (no modules yet)."""
    from courses.models import CatalogPage, CoursePage

    catalogue = CatalogPage.objects.child_of(home_page).get()
    course = catalogue.add_child(
        instance=CoursePage(
            title="Phishing", slug="phishing", track="security", audience="adults", summary="S"
        )
    )
    course.save_revision().publish()
    return course
