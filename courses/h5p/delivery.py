"""How the player origin sends the code it serves: H5P core and the player's
own files under one build version (`/h5p/assets/v<hash>/…`), library files
under their installed checksum (`/h5p/libraries/Name-1.2.3@<checksum>/…`).

A versioned address never changes its bytes, so it is cached for a year as
`immutable`: a learner's second activity downloads no code at all. Text files
(scripts, style sheets, JSON, SVG) are sent gzip-compressed to a browser that
accepts it, compressed once per process and kept in memory (the whole set is
a few hundred kilobytes).
"""

import gzip
import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified

IMMUTABLE = "public, max-age=31536000, immutable"
# An address without a version (or with a stale one, during a deployment) may
# change: cached briefly and revalidated by its ETag.
SHORT = "public, max-age=3600"
# Compressing pays for text; fonts (woff2 is already Brotli), images and media
# are sent as they are.
COMPRESSIBLE = ("text/", "application/json", "application/javascript", "image/svg+xml")
# A text file larger than this is streamed as stored, not held in memory.
COMPRESS_MAX_BYTES = 2 * 1024 * 1024
_ACCEPTS_GZIP = re.compile(r"\bgzip\b(?!\s*;\s*q=0(?:\.0*)?\b)")

# The two folders of player assets (static file names), and what each may hold.
ASSET_FOLDERS = {"player/": "courses/h5p/", "": "vendor/h5p-standalone/"}
VERSION_LENGTH = 16
_VERSION = re.compile(rf"^v([0-9a-f]{{{VERSION_LENGTH}}})/(.+)$")


@dataclass(frozen=True)
class Payload:
    """Bytes ready to send: the body, its encoding ("" or "gzip") and ETag."""

    body: bytes
    encoding: str
    etag: str


def accepts_gzip(request: HttpRequest) -> bool:
    return bool(_ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))


def compressible(content_type: str) -> bool:
    return content_type.startswith(COMPRESSIBLE)


_compressed: dict[str, bytes] = {}
_COMPRESSED_MAX_FILES = 512


def _gzip(key: str, data: bytes) -> bytes:
    found = _compressed.get(key)
    if found is None:
        if len(_compressed) >= _COMPRESSED_MAX_FILES:
            _compressed.clear()
        # mtime=0: the same input gives the same bytes in every process.
        found = _compressed[key] = gzip.compress(data, compresslevel=9, mtime=0)
    return found


def payload(request: HttpRequest, *, key: str, data: bytes, content_type: str) -> Payload:
    """`data` as this request should receive it; `key` names the exact bytes
    (a path and its version) so that each file is compressed once."""
    digest = hashlib.sha256(data).hexdigest()[:VERSION_LENGTH]
    if compressible(content_type) and accepts_gzip(request):
        return Payload(_gzip(f"{key}:{digest}", data), "gzip", f'"{digest}-gz"')
    return Payload(data, "", f'"{digest}"')


def respond(
    request: HttpRequest, *, body: Payload, content_type: str, immutable: bool
) -> HttpResponse:
    """The response for `body`: 304 when the browser holds this ETag, cached
    for a year when the address is versioned."""
    if body.etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body.body, content_type=content_type)
        if body.encoding:
            response["Content-Encoding"] = body.encoding
        response["Content-Length"] = str(len(body.body))
    response["ETag"] = body.etag
    response["Cache-Control"] = IMMUTABLE if immutable else SHORT
    response["Vary"] = "Accept-Encoding"
    return response


# --- The player's assets -------------------------------------------------------


def asset_path(path: str) -> str | None:
    """The file on disk of the player asset `path` (unversioned), or None."""
    prefix = next(key for key in ASSET_FOLDERS if path.startswith(key))
    try:
        found = finders.find(ASSET_FOLDERS[prefix] + path)
    except SuspiciousFileOperation:
        return None
    return found or None


def _asset_files() -> list[tuple[str, str]]:
    """(name under /h5p/assets/, file on disk) of every player asset."""
    files = []
    for prefix, static_name in ASSET_FOLDERS.items():
        folder = finders.find(static_name.rstrip("/") + ("/player" if prefix else ""))
        if not folder:
            continue
        for root, _dirs, names in os.walk(folder):
            for name in names:
                full = os.path.join(root, name)
                files.append((prefix + os.path.relpath(full, folder), full))
    return sorted(files)


@lru_cache(maxsize=4)
def _version_of(stamp: tuple) -> str:
    digest = hashlib.sha256()
    for name, full, _mtime, _size in stamp:
        digest.update(name.encode() + b"\0")
        with open(full, "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()[:VERSION_LENGTH]


def assets_version() -> str:
    """One hash of every player asset: it changes whenever one of them does,
    and relative addresses inside them (h5p.css's fonts) keep the same one."""
    stamp = []
    for name, full in _asset_files():
        status = os.stat(full)
        stamp.append((name, full, status.st_mtime_ns, status.st_size))
    return _version_of(tuple(stamp))


def assets_url() -> str:
    """Where the player page loads H5P core and its own files from."""
    return f"/h5p/assets/v{assets_version()}"


def split_version(path: str) -> tuple[str | None, str]:
    """("<hash>", "frame.bundle.js") for "v<hash>/frame.bundle.js"; (None, path)
    for an unversioned address."""
    match = _VERSION.match(path)
    return (match.group(1), match.group(2)) if match else (None, path)
