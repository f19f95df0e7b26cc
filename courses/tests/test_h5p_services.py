"""Content items: created only from a validated package, media extracted into
storage under a folder of their own."""

import io
import json

import pytest
from django.core.files.storage import default_storage

from audit.models import AuditEntry
from courses.h5p import services
from courses.h5p.services import h5p_content_create
from courses.models import H5PContent
from courses.tests.h5p_packages import (
    PNG,
    build,
    entry,
    install_quiz_library,
    parameters,
    stored_files,
    valid,
)
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


def test_valid_package_becomes_an_activity_with_its_media_extracted(quiz_library, media_root):
    editor = UserFactory()
    library_files = stored_files(media_root)

    content = h5p_content_create(upload=io.BytesIO(valid()), language="en", uploaded_by=editor)

    assert content.main_library == quiz_library
    assert list(content.libraries.all()) == [quiz_library]
    assert content.parameters["questions"][0]["image"]["path"] == "images/padlock.png"
    assert content.uploaded_by == editor
    new_files = sorted(set(stored_files(media_root)) - set(library_files))
    assert new_files == [f"h5p/content/{content.uuid}/images/padlock.png"]
    with default_storage.open(new_files[0]) as stored:
        assert stored.read(8) == b"\x89PNG\r\n\x1a\n"
    assert content.media == [
        {
            "path": "images/padlock.png",
            "size": content.media[0]["size"],
            "content_type": "image/png",
        }
    ]


def test_content_json_is_kept_as_parameters_not_as_a_file(quiz_library, media_root):
    content = h5p_content_create(upload=io.BytesIO(valid()), language="en", uploaded_by=None)

    assert not (media_root / content.storage_prefix / "content.json").exists()
    assert content.metadata["mainLibrary"] == "H5P.DigiskillsQuiz"


def test_each_activity_gets_its_own_storage_folder(quiz_library):
    first = h5p_content_create(upload=io.BytesIO(valid()), language="en", uploaded_by=None)
    second = h5p_content_create(upload=io.BytesIO(valid()), language="nl", uploaded_by=None)

    assert first.storage_prefix != second.storage_prefix
    assert first.storage_prefix == f"h5p/content/{first.uuid}"


def test_editor_title_replaces_the_package_title(quiz_library):
    content = h5p_content_create(
        upload=io.BytesIO(valid()), language="fr", uploaded_by=None, title="Mots de passe"
    )

    assert content.title == "Mots de passe"
    assert content.get_language_display() == "French"


def test_activity_creation_is_audited(quiz_library):
    editor = UserFactory()

    content = h5p_content_create(upload=io.BytesIO(valid()), language="en", uploaded_by=editor)

    entry_ = AuditEntry.objects.get(action="h5p.content_create")
    assert entry_.actor == editor
    assert entry_.target_id == str(content.pk)


def test_a_storage_failure_half_way_leaves_no_file_and_no_row(
    quiz_library, media_root, monkeypatch
):
    package = build(
        entry("content/images/a.png", PNG),
        entry("content/images/b.png", PNG),
        content_json=json.dumps(parameters()).encode(),
    )
    before = stored_files(media_root)
    real_save = default_storage.save
    calls = []

    def failing_save(name, content, *args, **kwargs):
        calls.append(name)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_save(name, content, *args, **kwargs)

    monkeypatch.setattr(services.default_storage, "save", failing_save)

    with pytest.raises(OSError, match="disk full"):
        h5p_content_create(upload=io.BytesIO(package), language="en", uploaded_by=None)

    assert stored_files(media_root) == before
    assert not H5PContent.objects.exists()


def test_an_activity_in_a_language_the_platform_does_not_offer_is_refused(quiz_library):
    with pytest.raises(ValueError, match="unknown language"):
        h5p_content_create(upload=io.BytesIO(valid()), language="xx", uploaded_by=None)

    assert not H5PContent.objects.exists()
