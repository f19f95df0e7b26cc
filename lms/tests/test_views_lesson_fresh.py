"""The signed-in lesson page shows the published tree as it is now, although
the process keeps what it derived from it (courses.selectors.catalogue,
`pages_cached` and `pages_local`), and each learner's own marks only."""

import pytest
from wagtail.models import Locale

from courses.models import CatalogPage
from lms.models import Enrolment
from lms.services import enrolment_create, lesson_progress_record
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_lesson_renamed_and_republished_shows_its_new_title_in_the_next_ones_links(
    client, learner, enrolment, tree
):
    client.force_login(learner)
    first, second = tree.lessons[0], tree.lessons[1]
    for _ in range(2):  # the second view from what the process kept
        body = _page(client, first.url)
    assert "Next lesson: Lesson 2<" in body
    second.title = "Lesson two, renamed"
    second.save_revision().publish()
    body = _page(client, first.url)
    assert "Next lesson: Lesson two, renamed<" in body
    assert '<span class="visually-hidden">: Lesson two, renamed</span>' in body
    assert "Lesson 2<" not in body


def test_a_course_renamed_and_republished_shows_its_new_title_on_its_lessons(
    client, learner, enrolment, tree
):
    client.force_login(learner)
    lesson = tree.lessons[2]
    assert "Safe online</a>" in _page(client, lesson.url)
    tree.course.title = "Safe online, second edition"
    tree.course.save_revision().publish()
    body = _page(client, lesson.url)
    assert "Safe online, second edition</a>" in body
    assert "Safe online</a>" not in body


def test_a_lesson_unpublished_leaves_the_neighbours_links_at_once(client, learner, enrolment, tree):
    client.force_login(learner)
    first, second, third = tree.lessons[:3]
    assert f'href="{second.url}"' in _page(client, first.url)
    second.unpublish()
    body = _page(client, first.url)
    assert f'href="{second.url}"' not in body
    assert "Next lesson: Lesson 3<" in body
    assert f'href="{third.url}"' in body
    assert client.get(second.url).status_code == 404


def test_a_translation_published_later_is_offered_by_the_language_switcher(
    client, learner, enrolment, tree
):
    client.force_login(learner)
    course = tree.course
    before = _page(client, course.url)
    french = course.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.slug = "en-ligne-en-securite"
    french.save_revision().publish()
    french.refresh_from_db()
    assert "en-ligne-en-securite" in french.url
    assert french.url not in before
    assert f'name="next" value="{french.url}"' in _page(client, course.url)


def test_each_learner_sees_only_their_own_name_and_marks(client, learner, enrolment, tree):
    learner.first_name, learner.last_name = "Alexandra", "Quintessa"
    learner.display_name = "Alexandra Quintessa"
    learner.save()
    other = UserFactory(
        preferred_language="en",
        first_name="Bartholomew",
        last_name="Zed",
        display_name="Bartholomew Zed",
    )
    enrolment_create(learner=other, course=tree.course, source=Enrolment.Source.SELF)
    lesson = tree.lessons[0]
    lesson_progress_record(
        enrolment=enrolment,
        lesson=lesson,
        event="completed",
        idempotency_key=f"completed:{lesson.translation_key}",
    )
    for _ in range(2):  # in turn, each from what the process kept after the other's view
        client.force_login(learner)
        mine = _page(client, lesson.url)
        assert "You have completed this lesson." in mine
        assert "Mark as done" not in mine
        assert "Bartholomew" not in mine
        client.force_login(other)
        theirs = _page(client, lesson.url)
        assert "You have completed this lesson." not in theirs
        assert "Mark as done" in theirs
        assert "Quintessa" not in theirs
        assert "Alexandra" not in theirs


def test_the_catalogue_moved_to_a_new_address_is_linked_from_the_lesson_at_once(
    client, learner, enrolment, tree
):
    client.force_login(learner)
    catalogue = CatalogPage.objects.get(pk=tree.course.get_parent().pk)
    lesson = tree.lessons[0]
    for _ in range(2):  # the second view from what the process kept
        body = _page(client, lesson.url)
    assert f'href="{catalogue.url}"' in body
    old = catalogue.url
    catalogue.slug = "all-courses"
    catalogue.save_revision().publish()
    catalogue.refresh_from_db()
    lesson.refresh_from_db()
    assert catalogue.url != old
    body = _page(client, lesson.url)
    assert f'href="{catalogue.url}"' in body
    assert f'href="{old}"' not in body
