"""Editors delete H5P activities (refused, naming the lessons, while a
published lesson plays one); administrators approve and remove libraries.
Deny by default: every page refuses who lacks the permission."""

import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from audit.models import AuditEntry
from courses.h5p.selectors import h5p_lessons_playing
from courses.h5p.services import h5p_content_create
from courses.models import H5PContent, H5PLibrary
from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory
from lms.tests.h5p import demo_content

pytestmark = pytest.mark.django_db

EXPORTS = Path(__file__).resolve().parents[2] / "courses" / "tests" / "h5p_exports"


@pytest.fixture
def editor():
    user = UserFactory()
    role_grant(user=user, role=Role.EDITOR, granted_by=None)
    return user


@pytest.fixture
def admin():
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def admin_only_user():
    user = UserFactory()
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def _refused(response) -> bool:
    """Wagtail answers PermissionDenied in its admin with a redirect home."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def _export(name: str, user=None) -> H5PContent:
    with (EXPORTS / name).open("rb") as upload:
        return h5p_content_create(upload=upload, language="en", uploaded_by=user)


# --- deleting an activity -----------------------------------------------------


def test_editor_deletes_an_unused_activity_after_confirming(
    client, editor, media_root, django_capture_on_commit_callbacks
):
    content = demo_content()
    media = [media_root / content.storage_prefix / item["path"] for item in content.media]
    assert all(path.exists() for path in media)
    client.force_login(editor)

    confirm = client.get(reverse("h5p_content_delete", args=[content.pk]))
    assert confirm.status_code == 200 and b"Yes, delete it" in confirm.content
    assert H5PContent.objects.filter(pk=content.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("h5p_content_delete", args=[content.pk]))

    assert response.status_code == 302
    assert not H5PContent.objects.filter(pk=content.pk).exists()
    assert not any(path.exists() for path in media)
    entry = AuditEntry.objects.get(action="h5p.content_delete")
    assert (entry.actor, entry.data["title"]) == (editor, content.title)


def test_an_activity_a_published_lesson_plays_is_not_deleted_and_the_lesson_is_named(
    client, editor, h5p
):
    client.force_login(editor)

    response = client.post(reverse("h5p_content_delete", args=[h5p.content.pk]))

    assert response.status_code == 409
    assert H5PContent.objects.filter(pk=h5p.content.pk).exists()
    assert h5p.lesson.title.encode() in response.content
    assert not AuditEntry.objects.filter(action="h5p.content_delete").exists()


def test_a_translation_is_in_use_when_the_lesson_in_its_language_plays_it(h5p):
    """The block chooses the English version; a Dutch lesson page would play
    the Dutch one. Here the only live lesson is English: the Dutch version is
    not played and may go, the English one may not."""
    dutch = h5p_content_create(
        upload=io.BytesIO(_quiz("nl")), language="nl", uploaded_by=None, translation_of=h5p.content
    )
    h5p.content.refresh_from_db()

    assert h5p_lessons_playing(content=h5p.content) == [h5p.lesson]
    assert h5p_lessons_playing(content=dutch) == []


def _quiz(language: str) -> bytes:
    from courses.h5p.demo import quiz_package

    return quiz_package(language)


def test_a_lesson_that_is_unpublished_no_longer_holds_an_activity(client, editor, h5p):
    h5p.lesson.unpublish()
    client.force_login(editor)

    response = client.post(reverse("h5p_content_delete", args=[h5p.content.pk]))

    assert response.status_code == 302
    assert not H5PContent.objects.filter(pk=h5p.content.pk).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_delete_is_refused_to_who_lacks_the_permission(client, admin_only_user, media_root, method):
    content = demo_content()
    client.force_login(admin_only_user)

    response = getattr(client, method)(reverse("h5p_content_delete", args=[content.pk]))

    assert _refused(response)
    assert H5PContent.objects.filter(pk=content.pk).exists()


def test_delete_asks_an_anonymous_visitor_to_sign_in(client, media_root):
    content = demo_content()

    response = client.post(reverse("h5p_content_delete", args=[content.pk]))

    assert response.status_code == 302 and "login" in response["Location"]
    assert H5PContent.objects.filter(pk=content.pk).exists()


# --- approving and removing libraries -----------------------------------------


def test_admin_approves_every_library_an_activity_waits_for(client, admin, media_root):
    content = _export("H5P.TrueFalse.h5p")
    client.force_login(admin)

    page = client.get(reverse("h5p_content_libraries", args=[content.pk]))
    assert page.status_code == 200 and b"H5P.TrueFalse 1.6.6" in page.content

    client.post(reverse("h5p_content_libraries", args=[content.pk]))

    assert not H5PLibrary.objects.filter(approved_at__isnull=True).exists()
    assert AuditEntry.objects.filter(action="h5p.library_approve", actor=admin).count() == 9


def test_the_library_review_shows_its_files_and_the_diff_of_an_upgrade(
    client, admin, media_root, tmp_path
):
    from courses.tests.test_h5p_upload_as_exported import QUIZ, _quiz_export

    demo_content()
    newer = h5p_content_create(
        upload=io.BytesIO(_quiz_export(5, (QUIZ / "quiz.js").read_bytes() + b"\n// patched\n")),
        language="en",
        uploaded_by=None,
    ).main_library
    client.force_login(admin)

    response = client.get(reverse("h5p_library_detail", args=[newer.pk]))

    assert response.status_code == 200
    text = response.content.decode()
    assert "Changes since the installed version 1.1.0" in text
    assert "+// patched" in text
    assert "quiz.js" in text and "semantics.json" in text
    assert "Approve H5P.DigiskillsQuiz 1.1.5" in text

    client.post(reverse("h5p_library_detail", args=[newer.pk]), {"action": "approve"})

    newer.refresh_from_db()
    assert newer.approved and newer.approved_by == admin


def test_removing_a_used_library_is_refused_with_the_activities_named(client, admin, media_root):
    content = demo_content()
    client.force_login(admin)

    response = client.post(
        reverse("h5p_library_detail", args=[content.main_library.pk]), {"action": "remove"}
    )

    assert response.status_code == 409
    assert content.title.encode() in response.content
    assert H5PLibrary.objects.filter(pk=content.main_library.pk).exists()


def test_admin_removes_an_unused_library(client, admin, media_root):
    library = demo_content().main_library
    H5PContent.objects.all().delete()
    client.force_login(admin)

    response = client.post(reverse("h5p_library_detail", args=[library.pk]), {"action": "remove"})

    assert response.status_code == 302
    assert not H5PLibrary.objects.filter(pk=library.pk).exists()
    assert AuditEntry.objects.filter(action="h5p.library_remove", actor=admin).exists()


@pytest.mark.parametrize("action", ["approve", "remove"])
def test_an_editor_can_neither_approve_nor_remove_a_library(client, editor, media_root, action):
    content = _export("H5P.Accordion.h5p", editor)
    client.force_login(editor)

    detail = client.post(
        reverse("h5p_library_detail", args=[content.main_library.pk]), {"action": action}
    )
    approve_all = client.post(reverse("h5p_content_libraries", args=[content.pk]))

    assert _refused(detail) and _refused(approve_all)
    assert H5PLibrary.objects.filter(approved_at__isnull=True).count() == 3


def test_the_activity_list_says_what_waits_for_approval(client, editor, media_root):
    _export("H5P.Accordion.h5p", editor)
    client.force_login(editor)

    response = client.get(reverse("h5p_content_index"))

    assert b"Waiting for approval of 3 libraries" in response.content
    # An editor is not sent to the approval page.
    assert reverse("h5p_content_libraries", args=[H5PContent.objects.get().pk]).encode() not in (
        response.content
    )
