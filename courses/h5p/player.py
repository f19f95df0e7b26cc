"""What the H5P player needs of an activity, with nothing of the learner: its
libraries in load order, the `H5PIntegration` entry H5P core reads, and the
files it may fetch (library files and the activity's own media, nothing else).

The player views (courses/h5p/views.py, on H5P_PLAYER_ORIGIN) decide who may play;
these functions only say what playing an activity takes.
"""

import json
import mimetypes
import re
from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.db.models import QuerySet

from courses.models import H5PContent, H5PLibrary

LIBRARY_URL = "/h5p/libraries"
# `Machine.Name-1.2.3`: the folder of one pinned version in the player's URLs.
# `Machine.Name-1.2.3@<checksum>`: the same, under its installed files'
# checksum (what the player page uses, cached for a year).
_FOLDER = re.compile(
    r"^([A-Za-z][A-Za-z0-9.]{0,126})-(\d{1,5})\.(\d{1,5})\.(\d{1,5})(?:@([0-9a-f]{16}))?$"
)
CHECKSUM_LENGTH = 16
# Library files are vetted code; a type not listed here is served as bytes.
_TYPES = {
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "json": "application/json",
    "svg": "image/svg+xml",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "eot": "application/vnd.ms-fontobject",
}


@dataclass(frozen=True)
class PlayerFile:
    """A file the player may serve: where it is stored and its content type."""

    storage_path: str
    content_type: str
    # A library file's: the library's checksum, and whether the address named
    # it (then the bytes behind that address can never change).
    checksum: str = ""
    versioned: bool = False


def library_folder(library: H5PLibrary) -> str:
    """The folder of one pinned library version in the player's URLs."""
    return f"{library.machine_name}-{library.version}"


def library_versioned_folder(library: H5PLibrary) -> str:
    """The folder under its checksum: an address whose bytes never change."""
    return f"{library_folder(library)}@{library.checksum[:CHECKSUM_LENGTH]}"


def _version_key(item) -> tuple | None:
    """(machine name, major, minor) of a dependency entry; h5p.json writes the
    versions as strings, library.json as numbers."""
    if not isinstance(item, dict):
        return None
    try:
        return (str(item["machineName"]), int(item["majorVersion"]), int(item["minorVersion"]))
    except (KeyError, TypeError, ValueError):
        return None


def _ordered(content: H5PContent) -> list[H5PLibrary]:
    """Every library pinned to `content`, each after the ones it preloads, as
    H5P core orders them: a depth-first walk from the package's own list
    (h5p.json's preloadedDependencies: the main library and the libraries its
    sub-content uses, e.g. H5P.AdvancedText inside an Accordion), then the main
    library, then any other pinned library (by name, to stay stable)."""
    pinned = {
        (row.machine_name, row.major_version, row.minor_version): row
        for row in content.libraries.all()
    }
    main = content.main_library
    pinned.setdefault((main.machine_name, main.major_version, main.minor_version), main)
    ordered: list[H5PLibrary] = []
    seen: set = set()

    def visit(row: H5PLibrary) -> None:
        key = (row.machine_name, row.major_version, row.minor_version)
        if key in seen:
            return
        seen.add(key)
        for item in row.metadata.get("preloadedDependencies") or []:
            dependency = pinned.get(_version_key(item))
            if dependency is not None:
                visit(dependency)
        ordered.append(row)

    declared = (content.metadata or {}).get("preloadedDependencies") or []
    for item in declared if isinstance(declared, list) else []:
        row = pinned.get(_version_key(item))
        if row is not None:
            visit(row)
    visit(main)
    for _key, row in sorted(pinned.items()):
        visit(row)
    return ordered


def h5p_player_assets(*, content: H5PContent) -> tuple[list[str], list[str]]:
    """The library scripts and styles of `content` (paths on the player origin),
    dependencies first."""
    scripts: list[str] = []
    styles: list[str] = []
    for row in _ordered(content):
        base = f"{LIBRARY_URL}/{library_versioned_folder(row)}"
        for key, target in (("preloadedJs", scripts), ("preloadedCss", styles)):
            for item in row.metadata.get(key) or []:
                if isinstance(item, dict) and item.get("path") in row.files:
                    target.append(f"{base}/{item['path']}")
    return scripts, styles


def h5p_integration_content(*, content: H5PContent, content_url: str, state: str | None) -> dict:
    """The `H5PIntegration.contents["cid-…"]` entry of one activity: its
    parameters, where its media are, and the learner's saved state."""
    main = content.main_library
    scripts, styles = h5p_player_assets(content=content)
    entry = {
        "library": f"{main.machine_name} {main.major_version}.{main.minor_version}",
        "jsonContent": _json(content.parameters),
        "fullScreen": False,
        "exportUrl": "",
        "embedCode": "",
        "resizeCode": "",
        "mainId": str(content.uuid),
        "url": content_url,
        "contentUrl": content_url,
        "title": content.title,
        "metadata": {"title": content.title, "license": content.metadata.get("license", "U")},
        "displayOptions": {
            "frame": False,
            "export": False,
            "embed": False,
            "copyright": False,
            "icon": False,
            "copy": False,
        },
        "scripts": scripts,
        "styles": styles,
    }
    if state:
        # H5P core reads contentUserData[subContentId][dataType], as a JSON string.
        entry["contentUserData"] = [{"state": state}]
    return entry


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def h5p_library_file(*, folder: str, path: str) -> PlayerFile | None:
    """A file of an installed library version, named exactly as installed
    (the list of its files is the only way in: no path is ever joined from
    what the browser sent)."""
    match = _FOLDER.match(folder)
    if match is None:
        return None
    name, major, minor, patch, checksum = match.groups()
    row = (
        H5PLibrary.objects.filter(
            machine_name=name,
            major_version=int(major),
            minor_version=int(minor),
            patch_version=int(patch),
            # A proposed library is served to no one until an administrator
            # has approved it.
            approved_at__isnull=False,
        )
        .only("storage_prefix", "files", "checksum")
        .first()
    )
    if row is None or path not in row.files:
        return None
    if checksum is not None and not row.checksum.startswith(checksum):
        # Another build of this version than the one the page was made for.
        return None
    extension = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    content_type = _TYPES.get(extension) or mimetypes.guess_type(path)[0]
    return PlayerFile(
        f"{row.storage_prefix}/{path}",
        content_type or "application/octet-stream",
        checksum=row.checksum,
        versioned=checksum is not None,
    )


def h5p_media_file(*, content: H5PContent, path: str) -> PlayerFile | None:
    """A media file of `content`, by the exact path its package declared."""
    for item in content.media:
        if item.get("path") == path:
            return PlayerFile(f"{content.storage_prefix}/{path}", item["content_type"])
    return None


def h5p_file_open(*, file: PlayerFile):
    """The stored bytes of a player file, as a stream (None when missing)."""
    try:
        return default_storage.open(file.storage_path, "rb")
    except FileNotFoundError:
        return None


def h5p_content_in_language(*, content_id: int | None, language: str) -> H5PContent | None:
    """The activity chosen in a lesson block, in the page's language when a
    version in that language exists (same `translation_key`), else as chosen."""
    if not content_id:
        return None
    content = H5PContent.objects.select_related("main_library").filter(pk=content_id).first()
    if content is None or content.language == language or content.translation_key is None:
        return content
    translated = (
        H5PContent.objects.select_related("main_library")
        .filter(translation_key=content.translation_key, language=language)
        .order_by("-created_at")
        .first()
    )
    return translated or content


def h5p_content_by_uuid(*, key) -> H5PContent | None:
    """The activity a player session names, with its main library."""
    return H5PContent.objects.select_related("main_library").filter(uuid=key).first()


def h5p_contents_for_chooser() -> QuerySet[H5PContent]:
    """The activities an editor may pick, by title."""
    return H5PContent.objects.order_by("title", "language")
