"""Packages exported from h5p.org carry their libraries. They are refused,
unless the editor asks to leave the libraries out and every one of them is
installed at the exact version it declares; their code is never taken."""

import io
import json

import pytest

from courses.h5p.errors import PackageRefused
from courses.h5p.services import h5p_content_create
from courses.h5p.validation import validate_package
from courses.tests.h5p_packages import build, entry, install_quiz_library, stored_files

pytestmark = pytest.mark.django_db

QUIZ_LIBRARY_JSON = {
    "title": "Digiskills Quiz",
    "machineName": "H5P.DigiskillsQuiz",
    "majorVersion": 1,
    "minorVersion": 1,
    "patchVersion": 0,
    "runnable": 1,
    "preloadedJs": [{"path": "quiz.js"}],
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def _export(patch: int = 0, script: bytes = b"H5P.DigiskillsQuiz = evil;") -> bytes:
    library = {**QUIZ_LIBRARY_JSON, "patchVersion": patch}
    return build(
        entry("H5P.DigiskillsQuiz-1.1/library.json", json.dumps(library).encode()),
        entry("H5P.DigiskillsQuiz-1.1/quiz.js", script),
    )


def test_an_export_with_libraries_is_refused_by_default(media_root):
    install_quiz_library()

    with pytest.raises(PackageRefused) as refused:
        validate_package(io.BytesIO(_export()))

    assert refused.value.code == "library_in_upload"


def test_installed_libraries_are_left_out_on_request(media_root):
    installed = install_quiz_library()
    before = stored_files(media_root)

    content = h5p_content_create(
        upload=io.BytesIO(_export()), language="en", uploaded_by=None, strip_libraries=True
    )

    assert content.main_library == installed
    # Nothing of the package's library folder was stored: the store's code plays.
    added = sorted(set(stored_files(media_root)) - set(before))
    assert len(added) == len(content.media)
    assert all(name.startswith(f"h5p/content/{content.uuid}/") for name in added)
    assert not any(b"evil" in path.read_bytes() for path in media_root.rglob("*") if path.is_file())


def test_a_library_at_another_version_is_refused_even_on_request(media_root):
    install_quiz_library()

    with pytest.raises(PackageRefused) as refused:
        validate_package(io.BytesIO(_export(patch=7)), strip_libraries=True)

    assert refused.value.code == "library_not_installed_to_strip"
    assert "H5P.DigiskillsQuiz 1.1.7" in refused.value.message


def test_a_library_not_installed_at_all_is_refused_on_request(media_root):
    with pytest.raises(PackageRefused) as refused:
        validate_package(io.BytesIO(_export()), strip_libraries=True)

    assert refused.value.code == "library_not_installed_to_strip"


def test_other_files_outside_content_are_still_refused_on_request(media_root):
    install_quiz_library()
    package = build(entry("evil.js", b"alert(1)"))

    with pytest.raises(PackageRefused) as refused:
        validate_package(io.BytesIO(package), strip_libraries=True)

    assert refused.value.code == "unexpected_file"
