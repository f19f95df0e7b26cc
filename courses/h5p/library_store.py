"""The vetted library store: H5P libraries installed by an administrator, as an
audited action of its own, pinned by machine name and major.minor.patch.

Files go to default storage (local disk or S3); library.json and semantics.json
are also kept in the database, so that validation builds pyh5p's offline
`LibraryStore` from them without reading storage or disk.
"""

import hashlib
import os
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.contrib.auth.base_user import AbstractBaseUser as User
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from pyh5p import LibraryId
from pyh5p.security import DEFAULT_ALLOWED_EXTENSIONS

from audit.services import audit_record
from courses.h5p.archive import Limits, check_name, open_archive, read_entry
from courses.h5p.errors import PackageRefused, size_label
from courses.h5p.media import extension_of, parse_json
from courses.h5p.semantics import semantics_check
from courses.models import H5PContent, H5PLibrary

LIBRARY_PREFIX = "h5p/libraries"
# Library code is vetted by the administrator who installs it; Flash and
# server-side scripts still have no place in a browser library.
LIBRARY_EXTENSIONS = (DEFAULT_ALLOWED_EXTENSIONS - {"swf", "wasm", "bin"}) | {""}
# Flash movies that old libraries still carry as a fallback (downloadify, in
# CoursePresentation's export): no browser plays them any more, H5P core
# accepts them. They are left out of the store, never served, rather than
# refusing the whole library.
LEFT_OUT = {"swf"}
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
        group = {name: data for name, data in group.items() if extension_of(name) not in LEFT_OUT}
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


PLAY = ("preloadedDependencies", "dynamicDependencies")


def _dependencies(
    metadata: dict, kinds: tuple[str, ...] = (*PLAY, "editorDependencies")
) -> Iterator[tuple[str, int, int]]:
    for key in kinds:
        for item in metadata.get(key) or []:
            if isinstance(item, dict):
                yield item.get("machineName"), item.get("majorVersion"), item.get("minorVersion")


def _checksum(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()


@dataclass
class LibraryPlan:
    """What the libraries inside an upload come to, decided before anything is
    written: versions the store already has (reused), and versions it lacks
    (to be proposed to an administrator)."""

    reused: list[H5PLibrary]
    proposed: list[_Source]

    def unsaved_rows(self) -> list[H5PLibrary]:
        """The proposals as rows not yet saved: validation reads their
        library.json and semantics.json like those of the store."""
        return [_row(item, installed_by=None, prefix="") for item in self.proposed]


def _read_source(source: Path | IO[bytes], limits: Limits) -> dict[str, bytes]:
    if isinstance(source, Path) and source.is_dir():
        return _read_directory(source, limits)
    if isinstance(source, Path):
        with source.open("rb") as stream:
            return _read_zip(stream, limits)
    return _read_zip(source, limits)


def _versions_of(machine_name: str, major: int, minor: int) -> QuerySet[H5PLibrary]:
    return H5PLibrary.objects.filter(
        machine_name=machine_name, major_version=major, minor_version=minor
    )


def _versions(item: _Source) -> QuerySet[H5PLibrary]:
    return _versions_of(item.id.machine_name, item.id.major, item.id.minor)


def _check_dependencies(sources: list[_Source], kinds: tuple[str, ...] | None = None) -> None:
    batch = {(s.id.machine_name, s.id.major, s.id.minor) for s in sources}
    for item in sources:
        found = _dependencies(item.metadata, kinds) if kinds else _dependencies(item.metadata)
        for name, major, minor in found:
            major, minor = _integer(major), _integer(minor)
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


def _integer(value) -> int | None:
    """h5p.org exports write versions of dependencies as numbers or as strings."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdigit() and len(value) < 6:
        return int(value)
    return None


def _needed(sources: list[_Source], metadata: dict) -> list[_Source]:
    """The bundled libraries playing needs: those h5p.json preloads, and what
    they preload or load dynamically, transitively. Editor-only libraries
    (H5PEditor.*, editorDependencies) are left out: nothing here runs them."""
    by_key = {(s.id.machine_name, s.id.major, s.id.minor): s for s in sources}
    pending = [
        (
            item.get("machineName"),
            _integer(item.get("majorVersion")),
            _integer(item.get("minorVersion")),
        )
        for item in metadata.get("preloadedDependencies") or []
        if isinstance(item, dict)
    ]
    needed: dict[tuple, _Source] = {}
    while pending:
        key = pending.pop()
        if key in needed or key not in by_key:
            continue
        needed[key] = by_key[key]
        for kind in ("preloadedDependencies", "dynamicDependencies"):
            for item in needed[key].metadata.get(kind) or []:
                if isinstance(item, dict):
                    pending.append(
                        (
                            item.get("machineName"),
                            _integer(item.get("majorVersion")),
                            _integer(item.get("minorVersion")),
                        )
                    )
    chosen = {id(item) for item in needed.values()}
    return [item for item in sources if id(item) in chosen]


def library_plan(*, files: dict[str, bytes], metadata: dict | None = None) -> LibraryPlan:
    """Sort the library folders of an upload (as H5P core does on upload): a
    version the store holds is reused when the bundled copy is byte-identical,
    an older patch of an installed library is ignored in favour of the newer
    one, and anything else (a new library, a newer patch) is proposed; only
    libraries playing needs are considered (`metadata`: the package's
    h5p.json; without one, validation refuses the package anyway). A copy
    that differs from the installed one of the very same version is refused:
    library code is never replaced behind an administrator's back."""
    if not files or not isinstance(metadata, dict):
        return LibraryPlan([], [])
    reused: list[H5PLibrary] = []
    proposed: list[_Source] = []
    for item in _needed(_split_libraries(files), metadata):
        versions = list(_versions(item))
        same = next((row for row in versions if row.patch_version == item.id.patch), None)
        newer = [row for row in versions if row.patch_version > item.id.patch]
        if same is not None:
            if same.checksum != _checksum(item.files):
                raise PackageRefused("library_differs", library=str(item.id))
            reused.append(same)
        elif newer:
            reused.append(max(newer, key=lambda row: row.patch_version))
        else:
            proposed.append(item)
    _check_dependencies(proposed, PLAY)
    return LibraryPlan(reused, proposed)


def library_files_of_upload(
    upload: IO[bytes], limits: Limits
) -> tuple[dict[str, bytes], dict | None]:
    """The library folders of an uploaded package (first-level folders with a
    library.json), read into memory within `limits`, and its h5p.json when it
    is a JSON object. Anything else is left for content validation to judge."""
    archive, infos = open_archive(upload, limits)
    with archive:
        tops = library_folders([info.filename for info in infos])
        if not tops:
            return {}, None
        # Declared sizes, checked against the bytes as they are read.
        total = sum(info.file_size for info in infos if info.filename.split("/", 1)[0] in tops)
        if total > limits.max_library_bytes:
            raise PackageRefused(
                "libraries_too_large",
                size=size_label(total),
                limit=size_label(limits.max_library_bytes),
            )
        files = {
            info.filename: read_entry(archive, info)
            for info in infos
            if info.filename.split("/", 1)[0] in tops
        }
        head = next((info for info in infos if info.filename == "h5p.json"), None)
        if head is None or head.file_size > limits.max_json_bytes:
            return files, None
        metadata = parse_json(
            "h5p.json", read_entry(archive, head), max_depth=limits.max_json_depth
        )
        return files, metadata if isinstance(metadata, dict) else None


def library_folders(names: list[str]) -> set[str]:
    """The first-level folders of an archive that hold a library.json."""
    return {
        name.split("/", 1)[0]
        for name in names
        if name.count("/") == 1
        and name.endswith("/library.json")
        and name != "content/library.json"
    }


def library_proposals_write(*, plan: LibraryPlan, proposed_by: User | None) -> list[H5PLibrary]:
    """Store the proposals of `plan` (files and rows, not approved): part of
    the caller's transaction, which deletes the files if it fails."""
    return _write(plan.proposed, proposed_by, approved=False)


def library_install(
    *, source: Path | IO[bytes], installed_by: User | None, limits: Limits | None = None
) -> list[H5PLibrary]:
    """Install the libraries of a folder, a .zip or an .h5p export into the
    store, approved at once (an administrator's act, audited, one row each).
    A version already installed with the same files is kept as it is (and a
    proposal of it approved); one with other files is refused; a library whose
    dependencies are neither installed nor part of the same source is refused."""
    limits = limits or Limits()
    sources = _split_libraries(_read_source(source, limits))
    new: list[_Source] = []
    done: list[H5PLibrary] = []
    for item in sources:
        existing = _versions(item).filter(patch_version=item.id.patch).first()
        if existing is None:
            new.append(item)
        elif existing.checksum != _checksum(item.files):
            raise PackageRefused("library_differs", library=str(item.id))
        elif not existing.approved:
            done.extend(library_approve(library=existing, approved_by=installed_by))
    _check_dependencies(new)
    with transaction.atomic():
        installed = _write(new, installed_by, approved=True)
        for library in installed:
            _upgrade_contents(library, installed_by)
    return done + installed


def _row(item: _Source, *, installed_by: User | None, prefix: str) -> H5PLibrary:
    return H5PLibrary(
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


def _write(
    sources: list[_Source], installed_by: User | None, *, approved: bool
) -> list[H5PLibrary]:
    written: list[str] = []
    try:
        with transaction.atomic():
            installed = []
            for item in sources:
                version = f"{item.id.major}.{item.id.minor}.{item.id.patch}"
                # A folder of its own per row: two uploads proposing the same
                # version at once never write into each other's files (the
                # second row is refused by the unique version).
                suffix = uuid.uuid4().hex[:12]
                prefix = f"{LIBRARY_PREFIX}/{item.id.machine_name}-{version}-{suffix}"
                for name, data in sorted(item.files.items()):
                    path = f"{prefix}/{name}"
                    saved = default_storage.save(path, ContentFile(data))
                    written.append(saved)
                    if saved != path:
                        raise RuntimeError(f"storage renamed {path!r} to {saved!r}")
                library = _row(item, installed_by=installed_by, prefix=prefix)
                if approved:
                    library.approved_at = timezone.now()
                    library.approved_by = installed_by
                library.save()
                audit_record(
                    actor=installed_by,
                    action="h5p.library_install" if approved else "h5p.library_propose",
                    target=library,
                    data={"library": str(library), "checksum": library.checksum},
                )
                installed.append(library)
    except BaseException:
        for path in written:
            default_storage.delete(path)
        raise
    return installed


def _upgrade_contents(library: H5PLibrary, actor: User | None) -> int:
    """H5P core's patch upgrade: activities using an older patch of the same
    major.minor now use this one (never a newer major or minor). Returns how
    many activities moved."""
    older = H5PLibrary.objects.filter(
        machine_name=library.machine_name,
        major_version=library.major_version,
        minor_version=library.minor_version,
        patch_version__lt=library.patch_version,
    )
    if not older.exists():
        return 0
    through = H5PContent.libraries.through
    moved = set(
        through.objects.filter(h5plibrary__in=older).values_list("h5pcontent_id", flat=True)
    )
    moved |= set(H5PContent.objects.filter(main_library__in=older).values_list("pk", flat=True))
    through.objects.filter(h5plibrary__in=older).exclude(
        h5pcontent_id__in=through.objects.filter(h5plibrary=library).values("h5pcontent_id")
    ).update(h5plibrary=library)
    through.objects.filter(h5plibrary__in=older).delete()
    H5PContent.objects.filter(main_library__in=older).update(main_library=library)
    if moved:
        audit_record(
            actor=actor,
            action="h5p.library_upgrade",
            target=library,
            data={"library": str(library), "activities": len(moved)},
        )
    return len(moved)


@transaction.atomic
def library_approve(*, library: H5PLibrary, approved_by: User | None) -> list[H5PLibrary]:
    """Approve a proposed library once for everyone (audited): its code may
    now be served, and activities on an older patch of it move to it. A
    library is approved with the proposed libraries it depends on, so that
    approving a content type never leaves it unplayable. Returns the
    libraries approved."""
    approved: list[H5PLibrary] = []
    pending = [library]
    seen: set[int] = set()
    while pending:
        row = H5PLibrary.objects.select_for_update().get(pk=pending.pop().pk)
        if row.pk in seen:
            continue
        seen.add(row.pk)
        for name, major, minor in _dependencies(row.metadata, PLAY):
            dependency = (
                H5PLibrary.objects.filter(
                    machine_name=name, major_version=_integer(major), minor_version=_integer(minor)
                )
                .order_by("-patch_version")
                .first()
            )
            if dependency is not None and not dependency.approved:
                pending.append(dependency)
        if row.approved:
            continue
        row.approved_at = timezone.now()
        row.approved_by = approved_by
        row.save(update_fields=["approved_at", "approved_by"])
        audit_record(
            actor=approved_by,
            action="h5p.library_approve",
            target=row,
            data={"library": str(row), "checksum": row.checksum},
        )
        _upgrade_contents(row, approved_by)
        approved.append(row)
    return approved


def library_users(library: H5PLibrary) -> tuple[list[H5PContent], list[H5PLibrary]]:
    """The activities and the other libraries that need `library` (a library
    whose dependency another patch of the same major.minor still serves does
    not need this one)."""
    contents = list(
        H5PContent.objects.filter(Q(libraries=library) | Q(main_library=library))
        .distinct()
        .order_by("title")
    )
    key = (library.machine_name, library.major_version, library.minor_version)
    if _versions_of(*key).exclude(pk=library.pk).exists():
        return contents, []
    dependants = [
        row
        for row in H5PLibrary.objects.exclude(pk=library.pk)
        if any(
            (name, _integer(major), _integer(minor)) == key
            for name, major, minor in _dependencies(row.metadata)
        )
    ]
    return contents, dependants


@transaction.atomic
def library_remove(*, library: H5PLibrary, removed_by: User | None) -> None:
    """Remove a library no activity and no other library needs (audited); its
    files are deleted once the removal is committed. Refused otherwise, naming
    what still needs it."""
    library = H5PLibrary.objects.select_for_update().get(pk=library.pk)
    contents, dependants = library_users(library)
    if contents:
        raise PackageRefused(
            "library_in_use",
            library=str(library),
            names=", ".join(f"“{content.title}”" for content in contents[:5]),
            count=len(contents),
        )
    if dependants:
        raise PackageRefused(
            "library_needed",
            library=str(library),
            names=", ".join(str(row) for row in dependants[:5]),
        )
    paths = [f"{library.storage_prefix}/{name}" for name in library.files]
    audit_record(
        actor=removed_by,
        action="h5p.library_remove",
        target=library,
        data={"library": str(library), "checksum": library.checksum},
    )
    library.delete()
    transaction.on_commit(lambda: [default_storage.delete(path) for path in paths])
