"""Validation of an uploaded `.h5p` content package, entirely in memory.

The project's rules come first (archive, paths, what content/ may hold), then
pyh5p's checks of h5p.json, then H5P core's rules for the parameters against
the library's semantics and for the dependency closure (courses.h5p.semantics),
against the installed libraries. Nothing is written anywhere: the caller
writes only a package that came back as a `ValidatedPackage`.
"""

from dataclasses import dataclass, field
from typing import IO, Any

from pyh5p import H5PPackage

from courses.h5p.archive import Limits, open_archive, read_entry
from courses.h5p.errors import PackageRefused, size_label
from courses.h5p.library_store import library_folders
from courses.h5p.media import (
    HEAD_BYTES,
    check_bytes,
    check_extension,
    extension_of,
    parse_json,
)
from courses.h5p.semantics import (
    LibraryInfo,
    check_relative_path,
    content_dependencies,
    dependency_key,
    validate_parameters,
)
from courses.models import H5PLibrary


@dataclass
class MediaFile:
    entry: str  # name inside the archive, "content/images/a.png"
    path: str  # name relative to content/, as parameters refer to it
    size: int
    content_type: str


@dataclass
class ValidatedPackage:
    """A package that passed every check, ready to be stored."""

    title: str
    metadata: dict
    parameters: dict
    main_library: H5PLibrary
    libraries: list[H5PLibrary]
    media: list[MediaFile] = field(default_factory=list)


def _classify(names: list[str]) -> set[str]:
    """Only h5p.json, content/ and library folders (a first-level folder with
    a library.json, sorted out by the library store) are taken; anything else
    is refused. Returns the library folders, whose files are left out here."""
    libraries = library_folders(names)
    for name in names:
        if name == "h5p.json" or name.startswith("content/"):
            continue
        if "/" in name and name.split("/", 1)[0] in libraries:
            continue
        raise PackageRefused("unexpected_file", name=name)
    return libraries


def _media_references(value: Any) -> list[str]:
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "path" and isinstance(item, str):
                found.append(item)
            else:
                found.extend(_media_references(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(_media_references(item))
    return found


def _without_tmp_marks(value: Any) -> Any:
    """H5P's editor marks fresh uploads "images/a.png#tmp"; the file is the same,
    and H5P core drops the mark on save, as this does."""
    if isinstance(value, dict):
        return {
            key: item.removesuffix("#tmp")
            if key == "path" and isinstance(item, str)
            else _without_tmp_marks(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_without_tmp_marks(item) for item in value]
    return value


def _is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


def _check_references(
    parameters: dict, media: dict[str, MediaFile], external: frozenset[str] | None = None
) -> None:
    """Every media path in the parameters names a file of this package's
    content/, with no way out. Before the semantics are read (`external` is
    None), a URL is left for them to judge: only a video or audio field may
    name an outside https:// file. After (on the cleaned parameters), a URL
    must be one they accepted."""
    for path in _media_references(parameters):
        if _is_url(path) and (external is None or path in external):
            continue
        check_relative_path(path)
        if path not in media:
            raise PackageRefused("missing_media", name=path)


def _check_metadata(metadata: dict, media: dict[str, MediaFile]) -> None:
    files = {"h5p.json": b"", "content/content.json": b""}
    files.update({item.entry: b"" for item in media.values()})
    embed_types = metadata.get("embedTypes")
    # Compared with ==, not hashed: an item may be any JSON value.
    if not isinstance(embed_types, list) or any(
        item not in ("div", "iframe") for item in embed_types
    ):
        raise PackageRefused("metadata_invalid", field="embedTypes")
    # pyh5p expects numbers where real exports write "1": it reads a copy
    # with the dependency versions as numbers (each checked below).
    numeric = dict(metadata)
    for key in ("preloadedDependencies", "dynamicDependencies", "editorDependencies"):
        if isinstance(metadata.get(key), list):
            numeric[key] = [_numeric_versions(item) for item in metadata[key]]
    # Only h5p.json is pyh5p's to check here: media paths are checked by
    # `_check_references` and the semantics (pyh5p would refuse an outside
    # https:// video file, which a video field may name).
    package = H5PPackage(numeric, {}, (), files)
    for issue in package.validate(require_content=True, allow_content_only=True):
        if issue.path.startswith("$.h5p."):
            raise PackageRefused("metadata_invalid", field=issue.path.removeprefix("$.h5p."))
        raise PackageRefused("metadata_invalid", field=issue.path)


def _numeric_versions(item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    return {
        key: int(value)
        if key in ("majorVersion", "minorVersion") and isinstance(value, str) and value.isdigit()
        else value
        for key, value in item.items()
    }


def _installed(
    proposed: list[H5PLibrary] = (),
) -> tuple[dict[tuple[str, int, int], LibraryInfo], dict[tuple, H5PLibrary]]:
    """The store's libraries (approved or proposed) and `proposed` (an
    upload's own, not saved yet) by (machine name, major, minor), the highest
    patch of each, read once from the database."""
    rows: dict[tuple[str, int, int], H5PLibrary] = {}
    every = [*H5PLibrary.objects.all(), *proposed]
    for row in sorted(every, key=lambda row: row.patch_version):
        rows[(row.machine_name, row.major_version, row.minor_version)] = row
    infos = {
        key: LibraryInfo(
            row.machine_name,
            row.major_version,
            row.minor_version,
            row.patch_version,
            row.metadata or {},
            row.semantics or [],
        )
        for key, row in rows.items()
    }
    return infos, rows


def _main_library(metadata: dict, libraries: dict) -> LibraryInfo:
    """The declared main library; every declared dependency must be installed."""
    declared = {}
    for key in ("preloadedDependencies", "dynamicDependencies", "editorDependencies"):
        for index, item in enumerate(metadata.get(key) or []):
            dependency = dependency_key(item)
            if dependency is None:
                raise PackageRefused("metadata_invalid", field=f"{key}[{index}]")
            library = libraries.get(dependency)
            if key == "editorDependencies":
                continue  # the editor's own code: nothing here runs it
            if library is None:
                name, major, minor = dependency
                raise PackageRefused("unknown_library", library=f"{name} {major}.{minor}")
            if key == "preloadedDependencies":
                declared[dependency[0]] = library
    main_name = metadata["mainLibrary"]
    if main_name not in declared:
        raise PackageRefused("main_not_declared", library=main_name)
    main = declared[main_name]
    if not main.metadata.get("runnable"):
        raise PackageRefused("main_not_runnable", library=f"{main.label}.{main.patch}")
    return main


def validate_package(
    upload: IO[bytes], *, limits: Limits | None = None, proposed: list[H5PLibrary] = ()
) -> ValidatedPackage:
    """Check an uploaded package against every rule; raise `PackageRefused`
    with the first reason found, or return what may be stored. Library folders
    inside it are the library store's business (`library_plan`); `proposed`:
    the unsaved rows of those the store lacks, read here like installed ones."""
    limits = limits or Limits()
    archive, infos = open_archive(upload, limits)
    with archive:
        names = [info.filename for info in infos]
        libraries = _classify(names)
        by_name = {info.filename: info for info in infos}
        infos = [i for i in infos if i.filename.split("/", 1)[0] not in libraries]
        if "h5p.json" not in by_name:
            raise PackageRefused("missing_h5p_json")
        if "content/content.json" not in by_name:
            raise PackageRefused("missing_content_json")
        media: dict[str, MediaFile] = {}
        for info in infos:
            if info.filename.startswith("content/"):
                content_type = check_extension(info.filename)
                if info.filename != "content/content.json":
                    media[info.filename.removeprefix("content/")] = MediaFile(
                        info.filename,
                        info.filename.removeprefix("content/"),
                        info.file_size,
                        content_type,
                    )
        documents = {}
        for info in infos:
            if extension_of(info.filename) == "json":
                if info.file_size > limits.max_json_bytes:
                    raise PackageRefused(
                        "json_too_large",
                        name=info.filename,
                        size=size_label(info.file_size),
                        limit=size_label(limits.max_json_bytes),
                    )
                documents[info.filename] = parse_json(
                    info.filename, read_entry(archive, info), max_depth=limits.max_json_depth
                )
            else:
                check_bytes(info.filename, read_entry(archive, info, keep=HEAD_BYTES))
    metadata, parameters = documents["h5p.json"], documents["content/content.json"]
    for name, document in (("h5p.json", metadata), ("content/content.json", parameters)):
        if not isinstance(document, dict):
            raise PackageRefused("not_an_object", name=name)
    parameters = _without_tmp_marks(parameters)
    _check_references(parameters, media)
    _check_metadata(metadata, media)
    libraries, rows = _installed(proposed)
    main = _main_library(metadata, libraries)
    checked = validate_parameters(library=main, parameters=parameters, libraries=libraries)
    _check_references(checked.parameters, media, frozenset(checked.external))
    needed = content_dependencies(metadata=metadata, libraries=libraries, used=checked.libraries)
    return ValidatedPackage(
        title=metadata["title"],
        metadata=metadata,
        parameters=checked.parameters,
        main_library=rows[main.key],
        libraries=[rows[library.key] for library in needed],
        media=list(media.values()),
    )
