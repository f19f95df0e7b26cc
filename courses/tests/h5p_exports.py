"""The fourteen real h5p.org exports of courses/tests/h5p_exports/ as activities
in the store: the one way every test of real content types gets them, so that
the path they take can be swapped in one place."""

import io
import json
import zipfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from courses.h5p.errors import PackageRefused
from courses.h5p.library_store import LIBRARY_PREFIX, library_install
from courses.h5p.media import check_extension
from courses.h5p.services import CONTENT_PREFIX
from courses.models import H5PContent, H5PLibrary

EXPORTS = Path(__file__).resolve().parent / "h5p_exports"
# The content types the folder holds, by main library.
NAMES = (
    "H5P.Accordion",
    "H5P.Blanks",
    "H5P.CoursePresentation",
    "H5P.Dialogcards",
    "H5P.DragQuestion",
    "H5P.DragText",
    "H5P.Essay",
    "H5P.InteractiveVideo",
    "H5P.MarkTheWords",
    "H5P.MultiChoice",
    "H5P.QuestionSet",
    "H5P.SingleChoiceSet",
    "H5P.Summary",
    "H5P.TrueFalse",
)


def h5p_export_bytes(name: str, *, variant_files: dict | None = None) -> bytes:
    """The export `name` (e.g. "H5P.Accordion") as a zip, with `variant_files`
    ({path: bytes, or None to leave the entry out}) put in place of its own:
    a variant is always built from the original, never edited by hand."""
    variant_files = dict(variant_files or {})
    out = io.BytesIO()
    with (
        zipfile.ZipFile(EXPORTS / f"{name}.h5p") as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename in variant_files:
                data = variant_files.pop(info.filename)
                if data is not None:
                    target.writestr(info.filename, data)
            else:
                target.writestr(info, source.read(info))
        for path, data in variant_files.items():
            if data is not None:
                target.writestr(path, data)
    return out.getvalue()


def _pinned(row: H5PLibrary) -> tuple[str, int, int, int]:
    return row.machine_name, row.major_version, row.minor_version, row.patch_version


def _write_as_is(archive: zipfile.ZipFile, folders: dict[str, dict]) -> list[H5PLibrary]:
    rows = []
    for top, meta in sorted(folders.items()):
        version = f"{meta['majorVersion']}.{meta['minorVersion']}.{meta['patchVersion']}"
        prefix = f"{LIBRARY_PREFIX}/{meta['machineName']}-{version}"
        files = {
            entry.removeprefix(f"{top}/"): archive.read(entry)
            for entry in archive.namelist()
            if entry.startswith(f"{top}/") and not entry.endswith("/")
        }
        for path, blob in files.items():
            default_storage.save(f"{prefix}/{path}", ContentFile(blob))
        semantics = json.loads(files["semantics.json"]) if "semantics.json" in files else []
        rows.append(
            H5PLibrary.objects.create(
                machine_name=meta["machineName"],
                major_version=meta["majorVersion"],
                minor_version=meta["minorVersion"],
                patch_version=meta["patchVersion"],
                title=str(meta.get("title", ""))[:255],
                runnable=bool(meta.get("runnable")),
                metadata=meta,
                semantics=semantics,
                files=sorted(files),
                checksum="",
                storage_prefix=prefix,
            )
        )
    return rows


def h5p_export_activity(name: str, *, variant_files: dict | None = None) -> H5PContent:
    """The export `name` (see NAMES) as an activity: its libraries in the store,
    its parameters and media stored, its libraries pinned."""
    data = h5p_export_bytes(name, variant_files=variant_files)
    # PROVISIONAL: replaced by the real upload path at merge. The library
    # folders of the export that are not installed at their exact version are
    # installed as they are; the activity is created without the semantics
    # validation (which refuses half of these types today).
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        folders: dict[str, dict] = {}
        for entry in names:
            top, _, rest = entry.partition("/")
            if rest == "library.json":
                folders[top] = json.loads(archive.read(entry))
        installed = {
            _pinned(row): row
            for row in H5PLibrary.objects.filter(
                machine_name__in={m["machineName"] for m in folders.values()}
            )
        }

        def key(meta: dict) -> tuple[str, int, int, int]:
            return (
                meta["machineName"],
                meta["majorVersion"],
                meta["minorVersion"],
                meta["patchVersion"],
            )

        missing = {top for top, meta in folders.items() if key(meta) not in installed}
        if missing:
            libraries = io.BytesIO()
            with zipfile.ZipFile(libraries, "w") as subset:
                for entry in names:
                    if entry.split("/", 1)[0] in missing and not entry.endswith("/"):
                        subset.writestr(entry, archive.read(entry))
            try:
                rows = library_install(source=libraries, installed_by=None)
            except PackageRefused:
                # The store refuses some real libraries today (e.g. the
                # semantics of H5P.DragQuestion 1.13): written as they are.
                rows = _write_as_is(archive, {top: folders[top] for top in missing})
            for row in rows:
                installed[_pinned(row)] = row
        by_minor = {(k[0], k[1], k[2]): row for k, row in sorted(installed.items())}
        by_minor.update({(k[0], k[1], k[2]): installed[k] for k in map(key, folders.values())})
        metadata = json.loads(archive.read("h5p.json"))
        parameters = json.loads(archive.read("content/content.json"))
        media = {
            entry.removeprefix("content/"): archive.read(entry)
            for entry in names
            if entry.startswith("content/")
            and entry != "content/content.json"
            and not entry.endswith("/")
        }

    def dependencies(meta: dict, *, editor: bool) -> list:
        kinds = ["preloadedDependencies", "dynamicDependencies"]
        return [item for kind in kinds for item in meta.get(kind) or []] + (
            meta.get("editorDependencies") or [] if editor else []
        )

    # The closure H5P plays: the declared libraries and what they preload, never
    # the editor's libraries.
    closure: dict[tuple, H5PLibrary] = {}
    todo = list(dependencies(metadata, editor=False))
    while todo:
        item = todo.pop()
        row = by_minor[(item["machineName"], int(item["majorVersion"]), int(item["minorVersion"]))]
        if _pinned(row) not in closure:
            closure[_pinned(row)] = row
            todo.extend(dependencies(row.metadata, editor=False))
    main = next(
        row
        for row in closure.values()
        if row.machine_name == metadata["mainLibrary"]
        and any(
            (i["machineName"], int(i["majorVersion"]), int(i["minorVersion"]))
            == (row.machine_name, row.major_version, row.minor_version)
            for i in metadata["preloadedDependencies"]
        )
    )
    content = H5PContent(
        title=metadata.get("title") or name,
        language="en",
        main_library=main,
        parameters=parameters,
        metadata=metadata,
        media=[
            {"path": path, "size": len(blob), "content_type": check_extension(path)}
            for path, blob in sorted(media.items())
        ],
    )
    content.storage_prefix = f"{CONTENT_PREFIX}/{content.uuid}"
    content.save()
    content.libraries.set(closure.values())
    for path, blob in media.items():
        default_storage.save(f"{content.storage_prefix}/{path}", ContentFile(blob))
    return content
