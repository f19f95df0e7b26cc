"""Zip archives read defensively: every entry is checked before any is used.

Shared by content uploads and library installs. Nothing here writes to disk:
entries are read into memory, bounded by the declared (and CRC-checked) sizes.
"""

import re
import stat
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO

from courses.h5p.errors import PackageRefused, size_label

ZIP_MAGIC = b"PK\x03\x04"
# Small files compress well for honest reasons (JSON indentation); a bomb
# needs volume, so the ratio only counts above this size.
RATIO_FLOOR = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Limits:
    """How much an archive may hold. The defaults fit a long interactive video."""

    max_upload_bytes: int = 200 * 1024 * 1024
    max_entries: int = 2000
    max_total_bytes: int = 500 * 1024 * 1024
    max_ratio: int = 100
    max_json_bytes: int = 16 * 1024 * 1024
    max_json_depth: int = 64
    # Library folders inside an upload are read into memory to be compared or
    # proposed: CoursePresentation, the largest common type, brings 10 MB.
    max_library_bytes: int = 64 * 1024 * 1024


def check_name(name: str) -> None:
    """Refuse a path that could land outside the folder it is extracted to."""
    if "\\" in name:
        raise PackageRefused("backslash", name=name)
    if name.startswith("/") or _DRIVE.match(name):
        raise PackageRefused("absolute_path", name=name)
    parts = name.rstrip("/").split("/")
    if ".." in parts:
        raise PackageRefused("path_traversal", name=name)
    if not name.rstrip("/") or any(part in ("", ".") for part in parts) or _CONTROL.search(name):
        raise PackageRefused("bad_name", name=name)
    if ":" in name:
        raise PackageRefused("bad_name", name=name)


def _check_entry(info: zipfile.ZipInfo, limits: Limits) -> None:
    check_name(info.filename)
    if info.flag_bits & 0x1:
        raise PackageRefused("encrypted", name=info.filename)
    file_type = stat.S_IFMT(info.external_attr >> 16)
    if file_type not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise PackageRefused("symlink", name=info.filename)
    if info.file_size > RATIO_FLOOR:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            raise PackageRefused(
                "zip_bomb", name=info.filename, ratio=int(ratio), limit=limits.max_ratio
            )


def open_archive(
    upload: IO[bytes], limits: Limits
) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """Open `upload` as a zip and check every entry's name, type and size;
    return the archive and its file entries (folders left out)."""
    upload.seek(0, 2)
    size = upload.tell()
    upload.seek(0)
    if size > limits.max_upload_bytes:
        raise PackageRefused(
            "too_big", size=size_label(size), limit=size_label(limits.max_upload_bytes)
        )
    # A zip may legally follow other data (an HTML page, an image): refuse such
    # polyglots by asking for the zip signature at the very start.
    if upload.read(4) != ZIP_MAGIC:
        raise PackageRefused("not_zip")
    upload.seek(0)
    try:
        archive = zipfile.ZipFile(upload)
        infos = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        ValueError,
        OSError,
        EOFError,
    ):
        raise PackageRefused("not_zip") from None
    if len(infos) > limits.max_entries:
        raise PackageRefused("too_many_files", count=len(infos), limit=limits.max_entries)
    seen: set[str] = set()
    total = 0
    files = []
    for info in infos:
        _check_entry(info, limits)
        key = unicodedata.normalize("NFC", info.filename.rstrip("/")).casefold()
        if key in seen:
            raise PackageRefused("duplicate", name=info.filename)
        seen.add(key)
        total += info.file_size
        if total > limits.max_total_bytes:
            raise PackageRefused(
                "too_large_total",
                size=size_label(sum(item.file_size for item in infos)),
                limit=size_label(limits.max_total_bytes),
            )
        if not info.is_dir():
            files.append(info)
    # "content/a" as a file and "content/a/b.png" beside it cannot both be
    # extracted; refuse the pair rather than fail half-way through a write.
    folders = {key.rsplit("/", 1)[0] for key in seen if "/" in key}
    for info in files:
        if unicodedata.normalize("NFC", info.filename).casefold() in folders:
            raise PackageRefused("duplicate", name=info.filename)
    if size > RATIO_FLOOR and total / size > limits.max_ratio:
        raise PackageRefused(
            "zip_bomb", name=infos[0].filename, ratio=int(total / size), limit=limits.max_ratio
        )
    return archive, files


def read_entry(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, keep: int | None = None
) -> bytes:
    """Read the whole entry (zipfile stops at the declared size and checks the
    CRC at the end, so a header that lies is caught) and return its bytes, or
    only the first `keep` of them so that large media never sit in memory."""
    kept = bytearray()
    seen = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(1024 * 1024):
                seen += len(chunk)
                if seen > info.file_size:
                    break
                if keep is None or len(kept) < keep:
                    kept += chunk if keep is None else chunk[: keep - len(kept)]
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, ValueError, EOFError, OSError):
        # Found by fuzzing: damaged headers surface as any of these.
        raise PackageRefused("corrupt", name=info.filename) from None
    if seen != info.file_size:
        raise PackageRefused("corrupt", name=info.filename)
    return bytes(kept)
