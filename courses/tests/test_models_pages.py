"""The course tree's parent/child rules: catalogue -> course -> module -> lesson."""

import pytest

from courses.models import CatalogPage, CoursePage, HomePage, LessonPage, ModulePage
from courses.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    catalogue = factories.catalogue()
    course = factories.course(catalogue, slug="c")
    module = factories.module(course, slug="m")
    lesson = factories.lesson(module, slug="l")
    return {
        "home": catalogue.get_parent().specific,
        "catalogue": catalogue,
        "course": course,
        "module": module,
        "lesson": lesson,
    }


@pytest.mark.parametrize(
    ("model", "parent", "allowed"),
    [
        (CatalogPage, "home", False),  # one catalogue per language already exists
        (CoursePage, "catalogue", True),
        (CoursePage, "home", False),
        (CoursePage, "module", False),
        (ModulePage, "course", True),
        (ModulePage, "catalogue", False),
        (LessonPage, "module", True),
        (LessonPage, "course", False),
        (LessonPage, "lesson", False),
        (HomePage, "catalogue", False),
    ],
)
def test_pages_can_only_be_created_under_their_parent_type(tree, model, parent, allowed):
    assert model.can_create_at(tree[parent]) is allowed


def test_a_lesson_has_no_children():
    assert LessonPage.allowed_subpage_models() == []


def test_a_home_page_holds_exactly_one_catalogue(tree):
    assert CatalogPage.can_create_at(tree["home"]) is False
    assert tree["home"].get_children().type(CatalogPage).count() == 1
