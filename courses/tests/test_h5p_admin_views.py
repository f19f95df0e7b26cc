"""The H5P admin pages: editors add activities, administrators install
libraries, everyone else is refused; refusals are shown in the editor's language."""

import io
import zipfile

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEntry
from courses.h5p.demo import LIBRARIES
from courses.h5p.services import h5p_content_create
from courses.models import H5PContent, H5PLibrary
from courses.tests.h5p_packages import build, entry, install_quiz_library, stored_files, valid
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
def quiz_library(media_root):
    return install_quiz_library()


@pytest.fixture
def editor():
    user = UserFactory()
    role_grant(user=user, role=Role.EDITOR, granted_by=None)
    return user


@pytest.fixture
def admin_only_user():
    """May open the Wagtail admin, but holds no H5P permission."""
    user = UserFactory()
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def _refused(response) -> bool:
    """Wagtail turns PermissionDenied in its admin into a redirect to the
    dashboard with an error message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/zip")


def test_editor_sees_the_activity_page(client, editor):
    client.force_login(editor)

    response = client.get(reverse("h5p_content_index"))

    assert response.status_code == 200
    assert b'enctype="multipart/form-data"' in response.content


def test_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(reverse("h5p_content_index"))

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_learner_cannot_open_the_activity_page(client):
    client.force_login(UserFactory())

    response = client.get(reverse("h5p_content_index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_admin_user_without_the_permission_is_refused_the_upload(client, admin_only_user):
    client.force_login(admin_only_user)

    response = client.post(
        reverse("h5p_content_index"), {"file": _upload("a.h5p", valid()), "language": "en"}
    )

    assert _refused(response)
    assert not H5PContent.objects.exists()


def test_editor_adds_a_valid_package(client, editor, quiz_library):
    client.force_login(editor)

    response = client.post(
        reverse("h5p_content_index"),
        {"file": _upload("passwords.h5p", valid()), "language": "en", "title": ""},
    )

    assert response.status_code == 302
    content = H5PContent.objects.get()
    assert (content.title, content.uploaded_by) == ("Strong passwords", editor)


def test_editor_sees_the_refusal_in_their_language(client, editor, quiz_library, media_root):
    client.force_login(editor)
    before = stored_files(media_root)
    hostile = build(entry("content/evil.js", b"alert(document.cookie)"))

    response = client.post(
        reverse("h5p_content_index"),
        {"file": _upload("evil.h5p", hostile), "language": "nl"},
        HTTP_ACCEPT_LANGUAGE="nl",
    )

    assert response.status_code == 400
    assert "“content/evil.js” is een script" in response.content.decode()
    assert stored_files(media_root) == before
    assert not H5PContent.objects.exists()


def test_activity_list_queries_do_not_grow_with_the_activities(
    client, editor, quiz_library, django_assert_max_num_queries
):
    client.force_login(editor)
    for language in ("nl", "fr", "de", "en", "nl", "fr"):
        h5p_content_create(upload=io.BytesIO(valid()), language=language, uploaded_by=editor)
    client.get(reverse("h5p_content_index"))  # warm Wagtail's own caches

    with django_assert_max_num_queries(20) as captured:
        response = client.get(reverse("h5p_content_index"))

    assert response.status_code == 200
    assert response.content.count(b"<td>Strong passwords") == 6
    # The main libraries (joined) and every activity's libraries (one prefetch,
    # for the "waiting for approval" column): two, however many activities.
    assert len([q for q in captured.captured_queries if "courses_h5plibrary" in q["sql"]]) == 2


def test_editor_cannot_open_the_library_store(client, editor):
    client.force_login(editor)

    response = client.get(reverse("h5p_library_index"))

    assert _refused(response)


def test_editor_cannot_install_a_library(client, editor, media_root):
    client.force_login(editor)
    package = build(entry("H5P.Evil-1.0/library.json", b"{}"), base=False)

    response = client.post(reverse("h5p_library_index"), {"file": _upload("evil.h5p", package)})

    assert _refused(response)
    assert not H5PLibrary.objects.exists()
    assert stored_files(media_root) == []


def test_administrator_installs_a_library_and_it_is_audited(client):
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for path in sorted((LIBRARIES / "H5P.DigiskillsQuiz-1.1").iterdir()):
            archive.write(path, f"H5P.DigiskillsQuiz-1.1/{path.name}")

    response = client.post(
        reverse("h5p_library_index"), {"file": _upload("quiz.h5p", output.getvalue())}
    )

    assert response.status_code == 302
    library = H5PLibrary.objects.get()
    assert library.installed_by == admin
    assert AuditEntry.objects.filter(action="h5p.library_install", actor=admin).exists()


def test_administrator_sees_why_a_library_is_refused(client, quiz_library):
    client.force_login(UserFactory(is_superuser=True))
    output = io.BytesIO(build(entry("readme.md", b"no library here"), base=False))

    response = client.post(
        reverse("h5p_library_index"),
        {"file": _upload("nothing.zip", output.getvalue())},
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    assert response.status_code == 400
    assert "Aucun library.json" in response.content.decode()


def test_library_list_queries_do_not_grow_with_the_libraries(
    client, quiz_library, django_assert_max_num_queries
):
    client.force_login(UserFactory(is_superuser=True))
    client.get(reverse("h5p_library_index"))

    with django_assert_max_num_queries(20):
        response = client.get(reverse("h5p_library_index"))

    assert b"H5P.DigiskillsQuiz" in response.content


def test_activity_list_is_paginated(client, editor, quiz_library, monkeypatch):
    monkeypatch.setattr("courses.h5p.admin_views.PER_PAGE", 2)
    client.force_login(editor)
    for language in ("nl", "fr", "de"):
        h5p_content_create(upload=io.BytesIO(valid()), language=language, uploaded_by=editor)

    first = client.get(reverse("h5p_content_index"))
    second = client.get(reverse("h5p_content_index"), {"p": 2})

    assert first.content.count(b"<td>Strong passwords") == 2
    assert second.content.count(b"<td>Strong passwords") == 1
    assert b'aria-current="page"' in second.content


def test_editor_adds_a_translation_of_an_activity(client, editor, quiz_library):
    client.force_login(editor)
    english = h5p_content_create(upload=io.BytesIO(valid()), language="en", uploaded_by=editor)

    page = client.get(reverse("h5p_content_index"))
    response = client.post(
        reverse("h5p_content_index"),
        {"file": _upload("fr.h5p", valid()), "language": "fr", "translation_of": english.pk},
    )

    assert b"Same activity in another language" in page.content
    assert response.status_code == 302
    french = H5PContent.objects.get(language="fr")
    english.refresh_from_db()
    assert french.translation_key == english.translation_key == english.uuid
