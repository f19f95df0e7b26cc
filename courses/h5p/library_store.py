"""The vetted library store: H5P libraries installed by an administrator, as an
audited action of its own, pinned by machine name and major.minor.patch.

Files go to default storage (local disk or S3); library.json and semantics.json
are also kept in the database, so that validation builds pyh5p's offline
`LibraryStore` from them without reading storage or disk.
"""

import contextlib
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from pyh5p import Library, LibraryId, LibraryStore
from pyh5p.security import DEFAULT_ALLOWED_EXTENSIONS

from courses.h5p.archive import Limits, check_name, open_archive, read_entry
from courses.h5p.errors import PackageRefused, size_label
from courses.h5p.media import extension_of, parse_json
from courses.h5p.semantics import semantics_check
from courses.models import H5PLibrary
from lms.models import User
from lms.services import audit_record

LIBRARY_PREFIX = "h5p/libraries"
# Library code is vetted by the administrator who installs it; Flash and
# server-side scripts still have no place in a browser library.
LIBRARY_EXTENSIONS = (DEFAULT_ALLOWED_EXTENSIONS - {"swf", "wasm", "bin"}) | {""}
_MACHINE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9.]*$")
_REQUIRED = ("title", "machineName", "majorVersion", "minorVersion", "patchVersion", "runnable")


@dataclass
class _Source:
    directory: str
    metadata: dict
    semantics: list
    files: dict[str, bytes]

    @property
    def id(self) -> LibraryId:
        return LibraryId.parse(self.metadata)


def _label(machine_name: str, major: int, minor: int, patch: int | None = None) -> str:
    version = f"{major}.{minor}" if patch is None else f"{major}.{minor}.{patch}"
    return f"{machine_name} {version}"


def _read_directory(root: Path, limits: Limits) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    total = 0
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        for name in sorted(dirnames + filenames):
            path = Path(folder) / name
            relative = path.relative_to(root).as_posix()
            check_name(relative)
            if path.is_symlink() or not (path.is_dir() or path.is_file()):
                raise PackageRefused("symlink", name=relative)
            if path.is_file():
                total += path.stat().st_size
                if len(files) >= limits.max_entries:
                    raise PackageRefused(
                        "too_many_files", count=len(files) + 1, limit=limits.max_entries
                    )
                if total > limits.max_total_bytes:
                    raise PackageRefused(
                        "too_large_total",
                        size=size_label(total),
                        limit=size_label(limits.max_total_bytes),
                    )
                files[relative] = path.read_bytes()
    return files


def _read_zip(upload: IO[bytes], limits: Limits) -> dict[str, bytes]:
    archive, infos = open_archive(upload, limits)
    with archive:
        return {info.filename: read_entry(archive, info) for info in infos}


def _split_libraries(files: dict[str, bytes]) -> list[_Source]:
    """One library at the top (a library folder) or one per first-level folder
    (a library archive or an .h5p export); content/ and h5p.json are ignored."""
    if "library.json" in files:
        groups = {"": files}
    else:
        groups: dict[str, dict[str, bytes]] = {}
        for name, data in files.items():
            top, _, rest = name.partition("/")
            if rest and top != "content":
                groups.setdefault(top, {})[rest] = data
        groups = {top: group for top, group in groups.items() if "library.json" in group}
    if not groups:
        raise PackageRefused("library_missing")
    sources = []
    for directory, group in sorted(groups.items()):
        where = f"{directory}/library.json" if directory else "library.json"
        metadata = parse_json(where, group["library.json"])
        if not isinstance(metadata, dict):
            raise PackageRefused("not_an_object", name=where)
        for field in _REQUIRED:
            if field not in metadata:
                raise PackageRefused("library_json_invalid", name=where, field=field)
        if not isinstance(metadata["machineName"], str) or not _MACHINE_NAME.match(
            metadata["machineName"]
        ):
            raise PackageRefused("library_json_invalid", name=where, field="machineName")
        for field in ("majorVersion", "minorVersion", "patchVersion"):
            if not isinstance(metadata[field], int) or metadata[field] < 0:
                raise PackageRefused("library_json_invalid", name=where, field=field)
        semantics = []
        if "semantics.json" in group:
            semantics = parse_json(
                f"{directory}/semantics.json".lstrip("/"), group["semantics.json"]
            )
            # Validation of every upload reads these semantics: refuse them now
            # rather than fail on each upload later. Checked by our own rules,
            # not pyh5p's `Semantics.from_json`, which demands a name on every
            # field, even a list's item field that H5P core never reads by
            # name: DragQuestion's real semantics (elements, dropZones) fail it.
            semantics_check(semantics, name=where)
        source = _Source(directory, metadata, semantics, group)
        for name in group:
            if extension_of(name) not in LIBRARY_EXTENSIONS:
                raise PackageRefused("library_file_type", name=f"{directory}/{name}".lstrip("/"))
        for key in ("preloadedJs", "preloadedCss"):
            for item in metadata.get(key) or []:
                path = item.get("path") if isinstance(item, dict) else None
                if not isinstance(path, str) or path not in group:
                    raise PackageRefused(
                        "library_file_missing", library=str(source.id), name=str(path)
                    )
        sources.append(source)
    return sources


def _dependencies(metadata: dict) -> Iterator[tuple[str, int, int]]:
    for key in ("preloadedDependencies", "dynamicDependencies", "editorDependencies"):
        for item in metadata.get(key) or []:
            if isinstance(item, dict):
                yield item.get("machineName"), item.get("majorVersion"), item.get("minorVersion")


def _checksum(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()


def library_install(
    *, source: Path | IO[bytes], installed_by: User | None, limits: Limits | None = None
) -> list[H5PLibrary]:
    """Install the libraries of a folder, a .zip or an .h5p export into the store
    (audited, one row each). Refuses a version already installed and a library
    whose dependencies are neither installed nor part of the same source."""
    limits = limits or Limits()
    if isinstance(source, Path) and source.is_dir():
        files = _read_directory(source, limits)
    elif isinstance(source, Path):
        with source.open("rb") as stream:
            files = _read_zip(stream, limits)
    else:
        files = _read_zip(source, limits)
    sources = _split_libraries(files)

    batch = {(s.id.machine_name, s.id.major, s.id.minor) for s in sources}
    for item in sources:
        pinned = H5PLibrary.objects.filter(
            machine_name=item.id.machine_name,
            major_version=item.id.major,
            minor_version=item.id.minor,
            patch_version=item.id.patch,
        )
        if pinned.exists():
            raise PackageRefused("library_installed", library=str(item.id))
        for name, major, minor in _dependencies(item.metadata):
            if (name, major, minor) in batch:
                continue
            if not H5PLibrary.objects.filter(
                machine_name=name, major_version=major, minor_version=minor
            ).exists():
                raise PackageRefused(
                    "library_dependency_missing",
                    library=str(item.id),
                    dependency=_label(str(name), major, minor),
                )
    return _write(sources, installed_by)


def _write(sources: list[_Source], installed_by: User | None) -> list[H5PLibrary]:
    written: list[str] = []
    try:
        with transaction.atomic():
            installed = []
            for item in sources:
                version = f"{item.id.major}.{item.id.minor}.{item.id.patch}"
                prefix = f"{LIBRARY_PREFIX}/{item.id.machine_name}-{version}"
                for name, data in sorted(item.files.items()):
                    path = f"{prefix}/{name}"
                    # Leftovers of an install that failed half-way: the database
                    # says this version is not installed, so they are not in use.
                    if default_storage.exists(path):
                        default_storage.delete(path)
                    written.append(default_storage.save(path, ContentFile(data)))
                library = H5PLibrary.objects.create(
                    machine_name=item.id.machine_name,
                    major_version=item.id.major,
                    minor_version=item.id.minor,
                    patch_version=item.id.patch,
                    title=str(item.metadata.get("title", ""))[:255],
                    runnable=bool(item.metadata.get("runnable")),
                    metadata=item.metadata,
                    semantics=item.semantics,
                    files=sorted(item.files),
                    checksum=_checksum(item.files),
                    storage_prefix=prefix,
                    installed_by=installed_by,
                )
                audit_record(
                    actor=installed_by,
                    action="h5p.library_install",
                    target=library,
                    data={"library": str(library), "checksum": library.checksum},
                )
                installed.append(library)
    except BaseException:
        for path in written:
            default_storage.delete(path)
        raise
    return installed


class DatabaseLibraryStore(LibraryStore):
    """pyh5p's `LibraryStore` over the installed libraries, read once from the
    database: no folder to scan, nothing fetched, the same answer all through
    one validation."""

    def __init__(self, rows: list[H5PLibrary]) -> None:
        super().__init__()
        self.rows = {_library_id(row): row for row in rows}
        self._snapshot = tuple(
            Library(library_id, Path(row.storage_prefix), row.metadata, row.semantics)
            for library_id, row in sorted(self.rows.items())
        )

    def libraries(self, *, runnable: bool | None = None) -> tuple[Library, ...]:
        if runnable is None:
            return self._snapshot
        return tuple(item for item in self._snapshot if item.runnable == runnable)


def _library_id(row: H5PLibrary) -> LibraryId:
    return LibraryId(row.machine_name, row.major_version, row.minor_version, row.patch_version)


@contextlib.contextmanager
def offline_store() -> Iterator[tuple[LibraryStore, dict[LibraryId, H5PLibrary]]]:
    """The installed libraries as a pyh5p store, and each pyh5p id's row."""
    store = DatabaseLibraryStore(list(H5PLibrary.objects.all()))
    yield store, store.rows
