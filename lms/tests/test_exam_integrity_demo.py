"""The exam-integrity page on the real demo courses: the security diploma and
basic skills are in order in four languages, with a bank five times larger in
every blueprint cell and nothing shared with practice."""

import re

import pytest
from django.urls import reverse

from conftest import module_rows
from courses import demo
from courses.models import CoursePage
from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with module_rows(django_db_blocker):
        demo.seed()
        yield


@pytest.mark.parametrize(
    ("slug", "drawn", "cells"), [("security-diploma", 30, 12), ("basic-digital-skills", 20, 12)]
)
def test_the_demo_exams_are_in_order_in_four_languages(seeded, client, slug, drawn, cells):
    editor = UserFactory(username=f"editor-{slug}")
    role_grant(user=editor, role=Role.EDITOR, granted_by=None)
    client.force_login(editor)
    course = CoursePage.objects.get(slug=slug, locale__language_code="en")
    page = client.get(reverse("exam_integrity_course", args=[course.pk])).content.decode()

    assert "in order" in page and "needs attention" not in page
    assert f"{drawn} questions per attempt" in page
    sizes = re.findall(r'data-cell="([\d.]+)-(\d)-(\w\w)">(\d+)', page)
    assert {lang for _c, _d, lang, _n in sizes} == {"en", "nl", "fr", "de"}
    assert len(sizes) == cells * 4
    assert "✗" not in page
    overlaps = re.findall(r'data-overlap="(\d+)"', page)
    assert overlaps and set(overlaps) == {"0"}
