"""The lesson block `h5p`: an activity chosen in the admin, played in the
page's language when a version in that language exists."""

import io

import pytest
from django.urls import reverse

from courses.blocks import H5PBlock
from courses.h5p.demo import quiz_package
from courses.h5p.services import h5p_content_create
from courses.models import H5PContent
from courses.tests.h5p_packages import install_quiz_library
from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def activities(media_root):
    install_quiz_library()
    english = h5p_content_create(
        upload=io.BytesIO(quiz_package("en")), language="en", uploaded_by=None
    )
    dutch = h5p_content_create(
        upload=io.BytesIO(quiz_package("nl")),
        language="nl",
        uploaded_by=None,
        translation_of=english,
    )
    english.refresh_from_db()
    return english, dutch


class _Page:
    def __init__(self, language):
        self.locale = type("Locale", (), {"language_code": language})()


def _context(block, value, language):
    return block.get_context(block.to_python(value), parent_context={"page": _Page(language)})


def test_a_translation_shares_the_key_of_the_activity_it_translates(activities):
    english, dutch = activities

    assert english.translation_key == dutch.translation_key == english.uuid


def test_the_block_plays_the_version_in_the_pages_language(activities):
    english, dutch = activities
    block = H5PBlock()
    value = {"title": "Practise", "content": english.pk}

    assert _context(block, value, "nl")["content"] == dutch
    assert _context(block, value, "en")["content"] == english
    # No German version: the chosen one plays.
    assert _context(block, value, "de")["content"] == english


def test_the_block_renders_its_title_and_kind(activities):
    english, _dutch = activities
    block = H5PBlock()
    value = block.to_python({"title": "Practise: strong passwords", "content": english.pk})

    html = block.render(value, context={"page": _Page("en"), "block_id": "b1"})

    assert "Practise: strong passwords" in html
    assert 'id="activity-b1"' in html
    assert "Interactive exercise" in html


def test_the_block_has_a_preview_value_icon_and_docstring():
    block = H5PBlock()

    assert block.meta.icon == "media"
    assert block.meta.preview_value["title"]
    assert H5PBlock.__doc__


def test_editors_choose_among_the_activities_without_creating_any(client, activities):
    editor = UserFactory()
    role_grant(user=editor, role=Role.EDITOR, granted_by=None)
    client.force_login(editor)

    response = client.get(reverse("h5p_content_chooser:choose"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Strong passwords" in body
    create = reverse("h5p_content_chooser:choose") + "create/"
    assert client.get(create, follow=True).status_code == 404
    client.post(create, {"title": "x", "language": "en"}, follow=True)
    assert H5PContent.objects.count() == 2


def test_the_lesson_editor_opens_with_an_h5p_block(client, home_page, media_root, settings):
    from lms.tests.content import course_tree
    from lms.tests.h5p import add_h5p_block

    settings.H5P_PLAYER_ORIGIN = "http://player.testserver"
    setup = add_h5p_block(course_tree(home_page))
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[setup.lesson.pk]))

    assert response.status_code == 200
    assert "H5P exercise" in response.content.decode()
