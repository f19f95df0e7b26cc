"""Packages are uploaded as h5p.org and Lumi export them, libraries inside.
Libraries the store holds are reused, the others proposed to an administrator,
who approves each once for everyone; until then no learner gets their code."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from audit.models import AuditEntry
from courses.h5p.archive import Limits
from courses.h5p.demo import LIBRARIES
from courses.h5p.errors import PackageRefused
from courses.h5p.library_store import library_approve, library_remove
from courses.h5p.player import h5p_library_file, library_folder
from courses.h5p.selectors import h5p_content_waiting_for
from courses.h5p.services import h5p_content_create
from courses.models import H5PContent, H5PLibrary
from courses.tests.h5p_packages import build, entry, install_quiz_library, stored_files
from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EXPORTS = Path(__file__).parent / "h5p_exports"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def _upload(name: str, **kwargs) -> H5PContent:
    with (EXPORTS / name).open("rb") as upload:
        return h5p_content_create(upload=upload, language="en", uploaded_by=None, **kwargs)


def _bundled(name: str) -> set[str]:
    """The library folders inside an export."""
    with zipfile.ZipFile(EXPORTS / name) as archive:
        return {
            n.split("/", 1)[0]
            for n in archive.namelist()
            if n.count("/") == 1 and n.endswith("/library.json")
        }


QUIZ = LIBRARIES / "H5P.DigiskillsQuiz-1.1"


def _quiz_export(patch: int, script: bytes | None = None) -> bytes:
    """The demo activity with a copy of its library inside, at `patch`."""
    folder = QUIZ
    script = (folder / "quiz.js").read_bytes() if script is None else script
    library_json = (folder / "library.json").read_bytes()
    if json.loads(library_json)["patchVersion"] != patch:
        library_json = json.dumps({**json.loads(library_json), "patchVersion": patch}).encode()
    return build(
        entry("H5P.DigiskillsQuiz-1.1/library.json", library_json),
        entry("H5P.DigiskillsQuiz-1.1/semantics.json", (folder / "semantics.json").read_bytes()),
        entry("H5P.DigiskillsQuiz-1.1/quiz.js", script),
        entry("H5P.DigiskillsQuiz-1.1/quiz.css", (folder / "quiz.css").read_bytes()),
    )


def test_an_export_uploads_and_its_new_libraries_are_proposed_not_served(media_root):
    editor = UserFactory()

    with (EXPORTS / "H5P.TrueFalse.h5p").open("rb") as upload:
        content = h5p_content_create(upload=upload, language="en", uploaded_by=editor)

    proposed = H5PLibrary.objects.filter(approved_at__isnull=True)
    # Editor-only libraries (H5PEditor.*) are not proposed: nothing here runs them.
    bundled = {name for name in _bundled("H5P.TrueFalse.h5p") if not name.startswith("H5PEditor.")}
    assert {row.directory_name for row in proposed} == bundled
    assert len(bundled) == 9
    assert set(h5p_content_waiting_for(content=content)) == set(proposed)
    assert str(content.main_library) == "H5P.TrueFalse 1.6.6"
    # Proposed code is stored but served to no one.
    main = content.main_library
    assert h5p_library_file(folder=library_folder(main), path=main.files[0]) is None
    assert AuditEntry.objects.filter(action="h5p.library_propose", actor=editor).count() == 9
    assert AuditEntry.objects.get(action="h5p.content_create").data["proposed"]


def test_approving_a_library_approves_what_it_preloads(media_root):
    admin = UserFactory(is_superuser=True)
    content = _upload("H5P.TrueFalse.h5p")

    approved = library_approve(library=content.main_library, approved_by=admin)

    # H5P.Image is sub-content (chosen in a field), not preloaded: it waits.
    assert [str(row) for row in h5p_content_waiting_for(content=content)] == ["H5P.Image 1.1.9"]
    names = {row.machine_name for row in approved}
    assert names == {"H5P.TrueFalse", "H5P.Question", "H5P.JoubelUI", "FontAwesome"} | {
        "H5P.FontIcons",
        "H5P.Transition",
        "Drop",
        "Tether",
    }
    main = H5PLibrary.objects.get(pk=content.main_library.pk)
    file = h5p_library_file(folder=library_folder(main), path="library.json")
    assert file is not None and file.storage_path.startswith(main.storage_prefix)
    assert AuditEntry.objects.filter(action="h5p.library_approve", actor=admin).count() == len(
        approved
    )


def test_a_second_export_reuses_the_libraries_already_in_the_store(media_root):
    first = _upload("H5P.TrueFalse.h5p")
    rows, files = H5PLibrary.objects.count(), len(stored_files(media_root))

    second = _upload("H5P.Dialogcards.h5p")

    played = {row.directory_name for row in second.libraries.all()}
    shared = _bundled("H5P.TrueFalse.h5p") & played
    assert shared  # FontAwesome, H5P.JoubelUI, ...
    new = len(played - shared)
    assert H5PLibrary.objects.count() == rows + new
    reused = {row.directory_name for row in second.libraries.all()} & shared
    assert reused == shared
    assert set(first.libraries.all()) & set(second.libraries.all())
    assert len(stored_files(media_root)) > files


def test_a_copy_that_differs_from_the_installed_version_is_refused_and_nothing_written(
    media_root,
):
    install_quiz_library()
    before = stored_files(media_root)

    with pytest.raises(PackageRefused) as refused:
        h5p_content_create(
            upload=io.BytesIO(_quiz_export(0, b"fetch('//evil')")), language="en", uploaded_by=None
        )

    assert refused.value.code == "library_differs"
    assert "H5P.DigiskillsQuiz 1.1.0" in refused.value.message
    assert stored_files(media_root) == before
    assert H5PLibrary.objects.count() == 1


def test_an_older_patch_inside_the_package_gives_way_to_the_installed_one(media_root, tmp_path):
    installed = install_quiz_library()
    H5PLibrary.objects.filter(pk=installed.pk).update(patch_version=4)

    content = h5p_content_create(
        upload=io.BytesIO(_quiz_export(2, b"old")), language="en", uploaded_by=None
    )

    assert content.main_library_id == installed.pk
    assert H5PLibrary.objects.count() == 1


def test_a_newer_patch_is_proposed_and_once_approved_every_activity_moves_to_it(media_root):
    admin = UserFactory(is_superuser=True)
    old = install_quiz_library()
    before = h5p_content_create(upload=io.BytesIO(_quiz_export(0)), language="en", uploaded_by=None)
    assert before.main_library == old

    after = h5p_content_create(
        upload=io.BytesIO(_quiz_export(3, (QUIZ / "quiz.js").read_bytes() + b"\n// 1.1.3")),
        language="en",
        uploaded_by=None,
    )

    newer = after.main_library
    assert (str(newer), newer.approved) == ("H5P.DigiskillsQuiz 1.1.3", False)
    assert h5p_content_waiting_for(content=after) == [newer]
    assert h5p_content_waiting_for(content=before) == []  # still plays 1.1.0 meanwhile

    library_approve(library=newer, approved_by=admin)

    before.refresh_from_db()
    assert before.main_library == newer
    assert list(before.libraries.all()) == [newer]
    assert AuditEntry.objects.filter(action="h5p.library_upgrade").exists()


def test_files_outside_content_and_library_folders_are_still_refused(media_root):
    with pytest.raises(PackageRefused) as refused:
        h5p_content_create(
            upload=io.BytesIO(build(entry("evil.js", b"alert(1)"))),
            language="en",
            uploaded_by=None,
        )

    assert refused.value.code == "unexpected_file"


def test_a_folder_without_library_json_is_not_a_library(media_root):
    install_quiz_library()

    with pytest.raises(PackageRefused) as refused:
        h5p_content_create(
            upload=io.BytesIO(build(entry("H5P.Evil-1.0/evil.js", b"alert(1)"))),
            language="en",
            uploaded_by=None,
        )

    assert refused.value.code == "unexpected_file"
    assert refused.value.params["name"] == "H5P.Evil-1.0/evil.js"


# --- removing libraries -------------------------------------------------------


def test_a_library_an_activity_uses_cannot_be_removed(media_root):
    content = _upload("H5P.Accordion.h5p")

    with pytest.raises(PackageRefused) as refused:
        library_remove(library=content.main_library, removed_by=None)

    assert refused.value.code == "library_in_use"
    assert content.title in refused.value.message


def test_a_library_another_library_needs_cannot_be_removed(media_root):
    content = _upload("H5P.TrueFalse.h5p")
    content.delete()
    question = H5PLibrary.objects.get(machine_name="H5P.Question")

    with pytest.raises(PackageRefused) as refused:
        library_remove(library=question, removed_by=None)

    assert refused.value.code == "library_needed"
    assert "H5P.TrueFalse 1.6.6" in refused.value.message


def test_an_unused_library_is_removed_with_its_files_and_audited(
    media_root, django_capture_on_commit_callbacks
):
    admin = UserFactory(is_superuser=True)
    library = install_quiz_library()
    prefix = library.storage_prefix

    with django_capture_on_commit_callbacks(execute=True):
        library_remove(library=library, removed_by=admin)

    assert not H5PLibrary.objects.exists()
    assert not [name for name in stored_files(media_root) if name.startswith(prefix)]
    entry_ = AuditEntry.objects.get(action="h5p.library_remove")
    assert (entry_.actor, entry_.data["library"]) == (admin, "H5P.DigiskillsQuiz 1.1.0")


# --- the import command -------------------------------------------------------


@pytest.fixture
def importer():
    user = UserFactory(username="migrator", is_superuser=True)
    return user


def test_import_prints_each_activity_and_approves_on_request(importer, capsys):
    call_command(
        "h5p_import",
        str(EXPORTS / "H5P.Accordion.h5p"),
        str(EXPORTS / "H5P.TrueFalse.h5p"),
        "--actor",
        "migrator",
        "--approve-libraries",
    )

    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    for line, content in zip(lines, H5PContent.objects.order_by("pk"), strict=True):
        assert f"activity {content.pk} ({content.uuid})" in line
        assert line.endswith("plays")
    assert not H5PLibrary.objects.filter(approved_at__isnull=True).exists()
    assert set(H5PContent.objects.values_list("uploaded_by", flat=True)) == {importer.pk}


def test_import_without_approval_says_what_waits(importer, capsys):
    call_command("h5p_import", str(EXPORTS / "H5P.Accordion.h5p"), "--actor", "migrator")

    out = capsys.readouterr().out
    assert "waiting for approval of" in out and "H5P.Accordion 1.0.25" in out


def test_import_reports_a_refusal_per_file_and_exits_non_zero(importer, capsys, tmp_path):
    bad = tmp_path / "bad.h5p"
    bad.write_bytes(build(entry("content/evil.js", b"alert(1)")))

    with pytest.raises(CommandError, match="1 of 2 files refused"):
        call_command(
            "h5p_import", str(bad), str(EXPORTS / "H5P.Accordion.h5p"), "--actor", "migrator"
        )

    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{bad}: refused: ") and "evil.js" in out[0]
    assert "activity" in out[1]
    assert H5PContent.objects.count() == 1


def test_import_refuses_an_actor_who_may_not_add_activities(capsys):
    UserFactory(username="learner")

    with pytest.raises(CommandError, match="may not add H5P activities"):
        call_command("h5p_import", str(EXPORTS / "H5P.Accordion.h5p"), "--actor", "learner")

    assert not H5PContent.objects.exists()


def test_import_refuses_an_editor_who_asks_to_approve_libraries():
    editor = UserFactory(username="writer")
    role_grant(user=editor, role=Role.EDITOR, granted_by=None)

    with pytest.raises(CommandError, match="may not approve libraries"):
        call_command(
            "h5p_import",
            str(EXPORTS / "H5P.Accordion.h5p"),
            "--actor",
            "writer",
            "--approve-libraries",
        )

    assert not H5PContent.objects.exists()


TYPES = [
    "MultiChoice",
    "TrueFalse",
    "Blanks",
    "DragText",
    "DragQuestion",
    "MarkTheWords",
    "SingleChoiceSet",
    "QuestionSet",
    "CoursePresentation",
    "InteractiveVideo",
    "Accordion",
    "Dialogcards",
    "Essay",
    "Summary",
]


def test_the_fourteen_common_types_upload_as_exported_into_one_store(media_root):
    contents = [_upload(f"H5P.{name}.h5p") for name in TYPES]

    assert [content.main_library.machine_name for content in contents] == [
        f"H5P.{name}" for name in TYPES
    ]
    # One row per library version, however many exports carried it.
    rows = list(H5PLibrary.objects.values_list("machine_name", "major_version", "minor_version"))
    assert len(rows) == len(set(rows)) == 52
    # Flash fallbacks (downloadify in CoursePresentation) are left out, never served.
    assert not [name for name in stored_files(media_root) if name.endswith(".swf")]
    assert H5PLibrary.objects.get(machine_name="downloadify").files


def _library_bytes(name: str) -> int:
    with zipfile.ZipFile(EXPORTS / name) as archive:
        tops = _bundled(name)
        return sum(i.file_size for i in archive.infolist() if i.filename.split("/", 1)[0] in tops)


def test_the_libraries_of_an_upload_are_bounded_before_they_are_read(media_root):
    size = _library_bytes("H5P.CoursePresentation.h5p")
    assert 9_000_000 < size < 11_000_000

    with pytest.raises(PackageRefused) as refused:
        _upload("H5P.CoursePresentation.h5p", limits=Limits(max_library_bytes=size - 1))

    assert refused.value.code == "libraries_too_large"
    assert stored_files(media_root) == []
    assert not H5PLibrary.objects.exists()
    # Exactly at the limit, it goes through.
    content = _upload("H5P.CoursePresentation.h5p", limits=Limits(max_library_bytes=size))
    assert content.main_library.machine_name == "H5P.CoursePresentation"
