"""A kids course seeded before the puzzles were part of it is brought up to
date: no certificate, the intro lesson not required, each level lesson with
its puzzle block in every language. Running the upgrade twice changes nothing."""

import copy

import pytest

from courses.content import kids
from courses.demo import kids_course_upgrade
from courses.models import CatalogPage, CoursePage, LessonPage
from courses.selectors import course_lessons
from courses.services import course_load, site_bootstrap

pytestmark = pytest.mark.django_db


def _old_course() -> dict:
    data = copy.deepcopy(kids.COURSE)
    data.pop("certificate_enabled")
    for module in data["modules"]:
        for lesson in module["lessons"]:
            lesson.pop("required", None)
            lesson["body"] = [b for b in lesson["body"] if b[0] != "puzzle"]
    return data


def test_an_old_kids_course_gets_its_puzzles_and_loses_its_certificate():
    home = site_bootstrap()
    catalogue = CatalogPage.objects.child_of(home).get()
    course = course_load(catalogue=catalogue, data=_old_course())
    assert course.certificate_enabled is True
    assert not any(x.puzzle_levels for x in course_lessons(course=course))

    kids_course_upgrade()
    kids_course_upgrade()

    for page in CoursePage.objects.filter(slug=kids.COURSE["slug"]):
        assert page.certificate_enabled is False
        lessons = course_lessons(course=page)
        assert set().union(*(x.puzzle_levels for x in lessons)) == set(range(1, 13))
    for lesson in LessonPage.objects.filter(slug="robots-follow-orders"):
        puzzles = [b for b in lesson.body.raw_data if b["type"] == "puzzle"]
        assert len(puzzles) == 1
    assert not LessonPage.objects.filter(slug="what-is-coding", required=True).exists()
