"""Validation of an uploaded `.h5p` content package, entirely in memory.

The project's rules come first (archive, paths, what content/ may hold), then
pyh5p's (h5p.json, dependency closure, parameters against the library's
semantics) against the offline store. Nothing is written anywhere: the caller
writes only a package that came back as a `ValidatedPackage`.
"""

import html
import re
from dataclasses import dataclass, field
from typing import IO, Any

from pyh5p import Dependency, H5PPackage, LibraryId, LibraryStore
from pyh5p import H5PContent as PyH5PContent
from pyh5p.errors import DependencyError, H5PError, LibraryNotFoundError
from pyh5p.semantics import _strip_disallowed_tags

from courses.h5p.archive import Limits, open_archive, read_entry
from courses.h5p.errors import PackageRefused, size_label
from courses.h5p.library_store import library_folders, offline_store
from courses.h5p.media import (
    HEAD_BYTES,
    check_bytes,
    check_extension,
    extension_of,
    parse_json,
)
from courses.models import H5PLibrary

_NOT_INSTALLED = re.compile(r"library (.+?) is not installed")


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


def _check_references(parameters: dict, media: dict[str, MediaFile]) -> None:
    """Every media path in the parameters names a file of this package's
    content/: no URL (the player's CSP would block it anyway), no way out."""
    for path in _media_references(parameters):
        parts = path.split("/")
        if (
            not path
            or ":" in path
            or "\\" in path
            or path.startswith("/")
            or any(part in ("", ".", "..") for part in parts)
        ):
            raise PackageRefused("media_path_unsafe", name=path)
        if path not in media:
            raise PackageRefused("missing_media", name=path)


def _check_metadata(metadata: dict, parameters: dict, media: dict[str, MediaFile]) -> None:
    files = {"h5p.json": b"", "content/content.json": b""}
    files.update({item.entry: b"" for item in media.values()})
    embed_types = metadata.get("embedTypes")
    # Compared with ==, not hashed: an item may be any JSON value.
    if not isinstance(embed_types, list) or any(
        item not in ("div", "iframe") for item in embed_types
    ):
        raise PackageRefused("metadata_invalid", field="embedTypes")
    package = H5PPackage(metadata, parameters, (), files)
    for issue in package.validate(require_content=True, allow_content_only=True):
        if issue.path.startswith("$.h5p."):
            raise PackageRefused("metadata_invalid", field=issue.path.removeprefix("$.h5p."))
        raise PackageRefused("metadata_invalid", field=issue.path)


def _dependency(item: Any, key: str, index: int) -> Dependency:
    try:
        return Dependency.from_json(item)
    except (TypeError, ValueError):
        raise PackageRefused("metadata_invalid", field=f"{key}[{index}]") from None


def _resolve(
    store: LibraryStore, by_id: dict[LibraryId, H5PLibrary], metadata: dict, parameters: dict
) -> tuple[H5PLibrary, list[H5PLibrary]]:
    declared = {}
    for key in ("preloadedDependencies", "dynamicDependencies", "editorDependencies"):
        for index, item in enumerate(metadata.get(key) or []):
            dependency = _dependency(item, key, index)
            label = f"{dependency.machine_name} {dependency.major}.{dependency.minor}"
            try:
                library = store.get(dependency)
            except LibraryNotFoundError:
                raise PackageRefused("unknown_library", library=label) from None
            if key == "preloadedDependencies":
                declared[dependency.machine_name] = library
    main_name = metadata["mainLibrary"]
    if main_name not in declared:
        raise PackageRefused("main_not_declared", library=main_name)
    main = declared[main_name]
    if not main.runnable:
        raise PackageRefused("main_not_runnable", library=str(main.id))
    try:
        closure = store.resolve_content_closure(main.id, parameters, include_editor=False)
    except LibraryNotFoundError as error:
        match = _NOT_INSTALLED.search(str(error))
        raise PackageRefused(
            "unknown_library", library=match.group(1) if match else str(error)
        ) from None
    except DependencyError as error:
        raise PackageRefused("dependency_conflict", library=str(error).split(":")[0]) from None
    except (H5PError, TypeError, ValueError, KeyError, AttributeError):
        raise PackageRefused(
            "parameters_invalid", library=str(main.id), path="$", count=1
        ) from None
    return by_id[main.id], [by_id[library.id] for library in closure.all]


def _check_parameters(
    store: LibraryStore, main: LibraryId, metadata: dict, parameters: dict, media: dict
) -> None:
    content = PyH5PContent(store, main, parameters, metadata, assets=dict.fromkeys(media, b""))
    try:
        issues = content.validate()
    except (H5PError, TypeError, ValueError, KeyError, AttributeError, RecursionError):
        # pyh5p met a shape it does not expect: still a refusal, never a crash.
        raise PackageRefused("parameters_invalid", library=str(main), path="$", count=1) from None
    if issues:
        raise PackageRefused(
            "parameters_invalid", library=str(main), path=issues[0].path, count=len(issues)
        )


def _escape(value: str) -> str:
    # As H5P core's filterParams: escape, but never twice.
    return html.escape(html.unescape(value), quote=False)


def clean_parameters(store: LibraryStore, semantics: Any, value: Any) -> Any:
    """Text as the library's semantics allow it: plain text escaped, HTML fields
    reduced to their allowed tags, down through nested libraries."""
    if semantics.type == "text" and isinstance(value, str):
        tags = semantics.raw.get("tags")
        if tags:
            return _strip_disallowed_tags(value, {str(tag).lower() for tag in tags})
        return _escape(value)
    if semantics.type == "group" and isinstance(value, dict):
        children = {child.name: child for child in semantics.children}
        if len(semantics.children) == 1 and semantics.children[0].name not in value:
            # A one-field group is stored without its wrapper in H5P.
            return clean_parameters(store, semantics.children[0], value)
        return {
            key: clean_parameters(store, children[key], item) if key in children else item
            for key, item in value.items()
        }
    if semantics.type == "list" and isinstance(value, list) and semantics.item:
        return [clean_parameters(store, semantics.item, item) for item in value]
    if semantics.type == "library" and isinstance(value, dict):
        selected, params = value.get("library"), value.get("params")
        if isinstance(selected, str) and isinstance(params, dict):
            try:
                nested = store.get(selected).semantics
            except H5PError:
                return value
            return {**value, "params": clean_parameters(store, nested.root(), params)}
    return value


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
    _check_metadata(metadata, parameters, media)
    with offline_store(list(proposed)) as (store, by_id):
        main, libraries = _resolve(store, by_id, metadata, parameters)
        main_id = LibraryId(
            main.machine_name, main.major_version, main.minor_version, main.patch_version
        )
        _check_parameters(store, main_id, metadata, parameters, media)
        cleaned = clean_parameters(store, store.get(main_id).semantics.root(), parameters)
    return ValidatedPackage(
        title=metadata["title"],
        metadata=metadata,
        parameters=cleaned,
        main_library=main,
        libraries=libraries,
        media=list(media.values()),
    )
