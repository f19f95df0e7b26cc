"""The library store: installed by an administrator as an audited action,
pinned by version, never replaced; patch upgrades as H5P core does them."""

import io
import json
import os
import shutil
import zipfile

import pytest
from django.core.management import CommandError, call_command

from audit.models import AuditEntry
from courses.h5p.archive import Limits
from courses.h5p.demo import LIBRARIES
from courses.h5p.errors import PackageRefused
from courses.h5p.library_store import library_install
from courses.h5p.services import h5p_content_create
from courses.models import H5PLibrary
from courses.tests.h5p_packages import install_quiz_library, stored_files, valid
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

QUIZ = LIBRARIES / "H5P.DigiskillsQuiz-1.1"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def _library(machine_name="H5P.Helper", version=(1, 2, 3), **extra) -> dict[str, bytes]:
    metadata = {
        "title": machine_name,
        "machineName": machine_name,
        "majorVersion": version[0],
        "minorVersion": version[1],
        "patchVersion": version[2],
        "runnable": 0,
        "preloadedJs": [{"path": "helper.js"}],
        **extra,
    }
    return {"library.json": json.dumps(metadata).encode(), "helper.js": b"var helper = 1;"}


def _zip(files: dict[str, bytes]) -> io.BytesIO:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    output.seek(0)
    return output


def test_folder_install_pins_the_version_and_stores_every_file(media_root):
    admin = UserFactory(is_superuser=True)

    [library] = library_install(source=QUIZ, installed_by=admin)

    assert (library.machine_name, library.version) == ("H5P.DigiskillsQuiz", "1.1.0")
    assert library.runnable
    assert library.semantics[1]["name"] == "questions"
    assert stored_files(media_root) == [
        f"{library.storage_prefix}/{name}"
        for name in ("library.json", "quiz.css", "quiz.js", "semantics.json")
    ]
    assert library.storage_prefix.startswith("h5p/libraries/H5P.DigiskillsQuiz-1.1.0-")


def test_install_is_recorded_in_the_audit_journal_with_the_checksum():
    admin = UserFactory(is_superuser=True)

    [library] = library_install(source=QUIZ, installed_by=admin)

    entry = AuditEntry.objects.get(action="h5p.library_install")
    assert entry.actor == admin
    assert entry.target_id == str(library.pk)
    assert entry.data == {"library": "H5P.DigiskillsQuiz 1.1.0", "checksum": library.checksum}


def test_installing_a_version_again_with_the_same_files_changes_nothing(media_root):
    install_quiz_library()
    before = stored_files(media_root)

    assert library_install(source=QUIZ, installed_by=None) == []

    assert stored_files(media_root) == before
    assert H5PLibrary.objects.count() == 1


def test_an_installed_version_is_never_replaced_by_other_files(media_root, tmp_path):
    install_quiz_library()
    before = stored_files(media_root)
    other = tmp_path / "H5P.DigiskillsQuiz-1.1"
    shutil.copytree(QUIZ, other)
    (other / "quiz.js").write_text("window.evil = 1;")

    with pytest.raises(PackageRefused) as refused:
        library_install(source=other, installed_by=None)

    assert refused.value.code == "library_differs"
    assert stored_files(media_root) == before
    assert H5PLibrary.objects.count() == 1


def test_a_new_patch_is_installed_beside_the_old_one():
    library_install(source=_zip({f"H/{k}": v for k, v in _library().items()}), installed_by=None)
    library_install(
        source=_zip({f"H/{k}": v for k, v in _library(version=(1, 2, 4)).items()}),
        installed_by=None,
    )

    assert sorted(H5PLibrary.objects.values_list("patch_version", flat=True)) == [3, 4]


def test_library_whose_dependency_is_missing_is_refused(media_root):
    files = _library(
        preloadedDependencies=[{"machineName": "H5P.Absent", "majorVersion": 1, "minorVersion": 0}]
    )

    with pytest.raises(PackageRefused) as refused:
        library_install(source=_zip(files), installed_by=None)

    assert refused.value.code == "library_dependency_missing"
    assert "H5P.Absent 1.0" in refused.value.message
    assert stored_files(media_root) == []


def test_dependencies_in_the_same_archive_install_together():
    dependency = {f"H5P.Helper-1.2/{k}": v for k, v in _library().items()}
    main = {
        f"H5P.Main-1.1/{k}": v
        for k, v in _library(
            "H5P.Main",
            (1, 1, 0),
            preloadedDependencies=[
                {"machineName": "H5P.Helper", "majorVersion": 1, "minorVersion": 2}
            ],
        ).items()
    }

    installed = library_install(source=_zip({**dependency, **main}), installed_by=None)

    assert sorted(str(library) for library in installed) == ["H5P.Helper 1.2.3", "H5P.Main 1.1.0"]


def test_library_listing_a_missing_script_is_refused():
    files = _library()
    del files["helper.js"]

    with pytest.raises(PackageRefused) as refused:
        library_install(source=_zip(files), installed_by=None)

    assert refused.value.code == "library_file_missing"


def test_library_with_a_server_side_file_type_is_refused():
    files = {**_library(), "shell.php": b"<?php system($_GET['c']);"}

    with pytest.raises(PackageRefused) as refused:
        library_install(source=_zip(files), installed_by=None)

    assert refused.value.code == "library_file_type"


def test_library_zip_with_path_traversal_is_refused(media_root):
    files = {**_library(), "../../evil.js": b"x"}

    with pytest.raises(PackageRefused) as refused:
        library_install(source=_zip(files), installed_by=None)

    assert refused.value.code == "path_traversal"
    assert stored_files(media_root) == []


def test_library_folder_with_a_symlink_is_refused(tmp_path):
    folder = tmp_path / "H5P.Helper-1.2"
    folder.mkdir()
    for name, data in _library().items():
        (folder / name).write_bytes(data)
    os.symlink("/etc/passwd", folder / "passwd.json")

    with pytest.raises(PackageRefused) as refused:
        library_install(source=folder, installed_by=None)

    assert refused.value.code == "symlink"


def test_archive_without_library_json_is_refused():
    with pytest.raises(PackageRefused) as refused:
        library_install(source=_zip({"readme.md": b"hello"}), installed_by=None)

    assert refused.value.code == "library_missing"


def test_library_json_with_a_bad_machine_name_is_refused():
    files = _library(machine_name="../evil")

    with pytest.raises(PackageRefused) as refused:
        library_install(source=_zip(files), installed_by=None)

    assert refused.value.code == "library_json_invalid"


def test_install_command_installs_and_audits_with_the_actor(capsys):
    admin = UserFactory(username="root-admin", is_superuser=True)

    call_command("h5p_library_install", str(QUIZ), "--actor", "root-admin")

    assert "Installed H5P.DigiskillsQuiz 1.1.0" in capsys.readouterr().out
    library = H5PLibrary.objects.get()
    assert library.installed_by == admin
    assert AuditEntry.objects.filter(action="h5p.library_install", actor=admin).count() == 1


def test_install_command_reports_a_refusal(tmp_path):
    install_quiz_library()
    other = tmp_path / "H5P.DigiskillsQuiz-1.1"
    shutil.copytree(QUIZ, other)
    (other / "quiz.css").write_text("body { display: none }")

    with pytest.raises(CommandError, match="differ"):
        call_command("h5p_library_install", str(other))


def test_install_command_accepts_an_h5p_file(tmp_path):
    path = tmp_path / "helper.h5p"
    path.write_bytes(_zip({f"H5P.Helper-1.2/{k}": v for k, v in _library().items()}).getvalue())

    call_command("h5p_library_install", str(path))

    assert H5PLibrary.objects.get().machine_name == "H5P.Helper"


def test_library_with_malformed_semantics_is_refused():
    files = {**_library(), "semantics.json": json.dumps([{"name": "a", "type": "list"}]).encode()}

    with pytest.raises(PackageRefused) as refused:
        library_install(source=_zip(files), installed_by=None)

    assert refused.value.code == "library_json_invalid"
    assert "semantics.json" in refused.value.message


def test_a_new_patch_moves_every_activity_to_it_as_h5p_core_does(tmp_path):
    old = install_quiz_library()
    first = h5p_content_create(upload=io.BytesIO(valid()), language="en", uploaded_by=None)
    newer = tmp_path / "H5P.DigiskillsQuiz-1.1"
    shutil.copytree(QUIZ, newer)
    metadata = json.loads((newer / "library.json").read_text())
    (newer / "library.json").write_text(json.dumps({**metadata, "patchVersion": 1}))
    [new] = library_install(source=newer, installed_by=None)

    second = h5p_content_create(upload=io.BytesIO(valid()), language="en", uploaded_by=None)

    first.refresh_from_db()
    assert (first.main_library, second.main_library) == (new, new)
    assert list(first.libraries.all()) == [new]
    assert str(new) == "H5P.DigiskillsQuiz 1.1.1"
    # The old patch stays in the store (never overwritten), used by nothing.
    assert H5PLibrary.objects.filter(pk=old.pk).exists()
    assert AuditEntry.objects.get(action="h5p.library_upgrade").data == {
        "library": "H5P.DigiskillsQuiz 1.1.1",
        "activities": 1,
    }


def test_library_folder_over_the_size_limit_is_refused(media_root):
    with pytest.raises(PackageRefused) as refused:
        library_install(source=QUIZ, installed_by=None, limits=Limits(max_total_bytes=1000))

    assert refused.value.code == "too_large_total"
    assert stored_files(media_root) == []
