"""A lesson says when it was last reviewed and from which sources; an editor
marks a lesson for review and finds it in the report "Lessons to review",
which nobody else reaches."""

import datetime

import pytest
from django.urls import reverse

from courses.tests import factories
from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(db):
    catalogue = factories.catalogue("de")
    course = factories.course(catalogue, slug="sicher")
    module = factories.module(course, slug="modul")
    page = factories.lesson(module, slug="lektion", title="Phishing erkennen")
    page.reviewed_on = datetime.date(2026, 12, 5)
    page.sources = [("source", {"title": "Safeonweb", "url": "https://safeonweb.be/de"})]
    page.save_revision().publish()
    return page


def test_a_lesson_shows_its_last_review_and_its_sources(client, lesson):
    html = client.get(lesson.url).content.decode()
    assert "Zuletzt geprüft am 5. Dezember 2026" in html
    assert '<a href="https://safeonweb.be/de">Safeonweb</a>' in html


def test_a_lesson_without_review_data_shows_no_empty_footer(client, lesson):
    lesson.reviewed_on = None
    lesson.sources = []
    lesson.save_revision().publish()
    assert "lesson__about" not in client.get(lesson.url).content.decode()


def test_an_editor_finds_the_lessons_marked_for_review(client, lesson):
    editor = UserFactory(username="editor-an")
    role_grant(user=editor, role=Role.EDITOR, granted_by=None)
    client.force_login(editor)
    url = reverse("courses_lessons_to_review")
    assert "Phishing erkennen" not in client.get(url).content.decode()
    lesson.review_requested = True
    lesson.review_note = "Check the Card Stop number"
    lesson.save_revision().publish()
    response = client.get(url)
    assert response.status_code == 200
    assert "Phishing erkennen" in response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "learner"])
def test_nobody_else_reaches_the_report(client, lesson, who):
    if who == "learner":
        client.force_login(UserFactory(username="lea"))
    response = client.get(reverse("courses_lessons_to_review"))
    assert response.status_code in (302, 403)
    assert "Phishing erkennen" not in response.content.decode()
    if response.status_code == 302:
        assert "login" in response["Location"]
