"""Editors change the levels in the Wagtail admin; nobody else can."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from courses.models import PuzzleWorld
from courses.tests.puzzle_programs import PuzzleLevelFactory
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user():
    return UserFactory(is_superuser=True, is_staff=True)


def test_an_editor_edits_a_level_with_tick_boxes_for_the_blocks(client, admin_user):
    level = PuzzleLevelFactory()
    client.force_login(admin_user)

    response = client.get(reverse("wagtailsnippets_courses_puzzlelevel:edit", args=[level.pk]))

    assert response.status_code == 200
    page = response.content.decode()
    assert 'type="checkbox" name="allowed_blocks" value="repeat_until"' in page
    assert escape(level.maze.splitlines()[1]) in page


def test_the_admin_lists_the_levels(client, admin_user):
    PuzzleLevelFactory(title="Corridor of tests")
    client.force_login(admin_user)

    response = client.get(reverse("wagtailsnippets_courses_puzzlelevel:list"))

    assert response.status_code == 200
    assert "Corridor of tests" in response.content.decode()


def test_a_learner_cannot_open_the_levels_in_the_admin(client):
    level = PuzzleLevelFactory()
    client.force_login(UserFactory())

    response = client.get(reverse("wagtailsnippets_courses_puzzlelevel:edit", args=[level.pk]))

    # Wagtail sends a person without admin access to the sign-in page
    # (allauth's: WAGTAILADMIN_LOGIN_URL).
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_an_anonymous_visitor_is_sent_to_the_login(client):
    level = PuzzleLevelFactory()

    response = client.get(reverse("wagtailsnippets_courses_puzzlelevel:edit", args=[level.pk]))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_admin_lists_the_worlds_and_edits_one(client, admin_user):
    from courses.puzzles.demo import seed

    seed()
    client.force_login(admin_user)

    listing = client.get(reverse("wagtailsnippets_courses_puzzleworld:list"))
    world = PuzzleWorld.objects.get(number=3, locale__language_code="en")
    edit = client.get(reverse("wagtailsnippets_courses_puzzleworld:edit", args=[world.pk]))

    assert listing.status_code == 200
    assert "The cave of choices" in listing.content.decode()
    assert edit.status_code == 200
    assert 'name="theme"' in edit.content.decode()


def test_a_learner_cannot_open_the_worlds_in_the_admin(client):
    client.force_login(UserFactory())

    response = client.get(reverse("wagtailsnippets_courses_puzzleworld:list"))

    assert response.status_code in (302, 403)
