"""Reading the spreadsheets partners send us (learner files).

- `read_table` reads a CSV as Belgian Excel writes it (semicolon or comma,
  Windows-1252 or UTF-8 with or without BOM) or an XLSX, as text cells. A
  file is untrusted input: an XLSX is a zip whose declared sizes, ratio and
  members are checked before openpyxl opens it (`xlsx_check`), and while
  reading every cell, row width and the reading time are capped, so that a
  small file cannot make the process hold gigabytes (a "zip bomb") or store
  a huge value.

Every spreadsheet we write goes through `frontend.spreadsheets`.
"""

import csv
import datetime
import io
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


class UnreadableFile(ValueError):
    """The file is not a CSV or XLSX we can read; `code` says why and `params`
    fill its message (see `LIMIT_PROBLEMS`)."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


# Limits of what we read. No column of a learner file takes more than a few
# hundred characters, so a longer cell is a broken or hostile file, not a
# typo: the whole file is refused (naming the line and column), which is the
# only way to store nothing of it.
MAX_CELL_CHARS = 1000
MAX_COLUMNS = 200
# Excel's own largest sheet; rows past it are never real.
MAX_LINES = 1_048_576
# Reading a file that stays within the sizes below takes a few seconds; a
# file still being read after this is refused rather than hold a worker.
MAX_READ_SECONDS = 120
# An XLSX is a zip of XML files. Real learner files (100,000 rows) stay far
# below these; a zip bomb (one 300 MB string in 300 KB) does not.
XLSX_MAX_MEMBERS = 500
XLSX_MAX_MEMBER_BYTES = 128 * 1024 * 1024
XLSX_MAX_TOTAL_BYTES = 256 * 1024 * 1024
# openpyxl holds the whole shared-strings table in memory.
XLSX_MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024
# Uncompressed/compressed size of a member: spreadsheet XML is 5-30 times
# smaller zipped; a bomb is about 1,000 times. Tiny members are not judged.
XLSX_MAX_RATIO = 100
XLSX_RATIO_FROM_BYTES = 1024 * 1024

# Refusals that say the file is too big (HTTP 413); the others are 400.
TOO_LARGE = frozenset(
    {
        "too_big",
        "too_many_rows",
        "too_slow",
        "xlsx_members",
        "xlsx_member_too_big",
        "xlsx_too_big",
        "xlsx_ratio",
    }
)

LIMIT_PROBLEMS = {
    "too_big": _("The file is too big (at most %(max)s MB)."),
    "xlsx_members": _(
        "The XLSX file holds %(count)s parts (at most %(max)s); save it again from Excel."
    ),
    "xlsx_member_too_big": _(
        "The XLSX file unpacks to more than %(max)s MB in one part; split it in several files."
    ),
    "xlsx_too_big": _("The XLSX file unpacks to more than %(max)s MB; split it in several files."),
    "xlsx_ratio": _(
        "The XLSX file unpacks to %(ratio)s times its size, which no spreadsheet does; "
        "save it again from Excel."
    ),
    "cell_too_long": _(
        "Line %(line)s, column %(column)s holds %(length)s characters (at most %(max)s in a "
        "cell). Correct the file and upload it again."
    ),
    "field_too_long": _(
        "Line %(line)s holds a cell of more than %(max)s characters (a quote that is never "
        "closed?). Correct the file and upload it again."
    ),
    "too_many_columns": _(
        "Line %(line)s has more than %(max)s columns. Correct the file and upload it again."
    ),
    "too_slow": _(
        "Reading the file took too long (more than %(max)s seconds); split it in several files."
    ),
}


def xlsx_check(data: bytes) -> None:
    """Refuse an XLSX whose zip would unpack to more than we read, from its
    directory alone (nothing is decompressed). Reading never yields more than
    a member's declared size (zipfile stops there and checks the CRC), so the
    declared sizes are the ones to trust."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableFile("bad_xlsx") from exc
    with archive:
        members = archive.infolist()
        if len(members) > XLSX_MAX_MEMBERS:
            raise UnreadableFile("xlsx_members", count=len(members), max=XLSX_MAX_MEMBERS)
        total = 0
        for member in members:
            size = member.file_size
            total += size
            shared = member.filename.lower().endswith("sharedstrings.xml")
            limit = XLSX_MAX_SHARED_STRINGS_BYTES if shared else XLSX_MAX_MEMBER_BYTES
            if size > limit:
                raise UnreadableFile("xlsx_member_too_big", max=limit // 1048576)
            if size > XLSX_RATIO_FROM_BYTES and size > XLSX_MAX_RATIO * max(
                member.compress_size, 1
            ):
                raise UnreadableFile("xlsx_ratio", ratio=size // max(member.compress_size, 1))
            if total > XLSX_MAX_TOTAL_BYTES:
                raise UnreadableFile("xlsx_too_big", max=XLSX_MAX_TOTAL_BYTES // 1048576)


def _column_name(index: int) -> str:
    """A, B, ... Z, AA: the column as a spreadsheet names it (index from 0)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _capped(line: int, values: list[str], deadline: float) -> list[str]:
    """The row's values, or UnreadableFile when a cell, the width or the time
    is over its limit."""
    if len(values) > MAX_COLUMNS:
        raise UnreadableFile("too_many_columns", line=line, max=MAX_COLUMNS)
    for index, value in enumerate(values):
        if len(value) > MAX_CELL_CHARS:
            raise UnreadableFile(
                "cell_too_long",
                line=line,
                column=_column_name(index),
                length=len(value),
                max=MAX_CELL_CHARS,
            )
    if line > MAX_LINES:
        raise UnreadableFile("too_many_rows", max=MAX_LINES)
    if time.monotonic() > deadline:
        raise UnreadableFile("too_slow", max=MAX_READ_SECONDS)
    return values


@dataclass
class Table:
    """A sheet read as text: its header cells and an iterator of data rows,
    each with its line number in the file (the header is line 1)."""

    file_format: str
    headers: list[str]
    rows: Iterator[tuple[int, list[str]]]
    encoding: str = ""
    delimiter: str = ""


XLSX_MAGIC = b"PK\x03\x04"


def sniff_format(head: bytes, name: str) -> str:
    """csv or xlsx, by the file's first bytes (the name is only a hint)."""
    if head.startswith(XLSX_MAGIC):
        return "xlsx"
    if b"\x00" in head[:4096]:
        raise UnreadableFile("not_text")
    return "csv"


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Excel "CSV (separator: semicolon)" on Windows writes Windows-1252.
        return data.decode("cp1252", errors="replace"), "cp1252"


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


def _clean(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_error(exc: csv.Error, line: int) -> UnreadableFile:
    # The csv module stops at its own field limit (131,072 characters by
    # default; a process-wide setting we leave alone) before we see the cell.
    if "field larger than field limit" in str(exc):
        return UnreadableFile("field_too_long", line=line, max=MAX_CELL_CHARS)
    return UnreadableFile("bad_csv")


def _csv_table(data: bytes) -> Table:
    # The bytes are already bounded by the upload limit, and the text decoded
    # from them has at most as many characters as there are bytes.
    try:
        text, encoding = _decode(data)
    except UnicodeDecodeError as exc:
        raise UnreadableFile("bad_encoding") from exc
    first_line = text.split("\n", 1)[0]
    delimiter = _delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    deadline = time.monotonic() + MAX_READ_SECONDS
    try:
        headers = _capped(1, [_clean(h) for h in next(reader)], deadline)
    except StopIteration as exc:
        raise UnreadableFile("empty") from exc
    except csv.Error as exc:
        raise _csv_error(exc, 1) from exc

    def rows():
        try:
            for cells in reader:
                if any(c.strip() for c in cells):
                    line = reader.line_num
                    yield line, _capped(line, [c.strip() for c in cells], deadline)
        except csv.Error as exc:
            raise _csv_error(exc, reader.line_num + 1) from exc

    return Table("csv", headers, rows(), encoding, delimiter)


def _xlsx_table(data: bytes) -> Table:
    from openpyxl import load_workbook

    xlsx_check(data)
    deadline = time.monotonic() + MAX_READ_SECONDS
    try:
        # data_only=False: a formula cell is read as its text, never evaluated.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnreadableFile("bad_xlsx") from exc
    sheet = workbook.worksheets[0] if workbook.worksheets else None
    if sheet is None:
        raise UnreadableFile("empty")
    # One column past the limit is read, to tell a too wide row from one at
    # the limit; a declared width (the sheet's <dimension>) never pads more.
    lines = sheet.iter_rows(max_col=MAX_COLUMNS + 1, max_row=MAX_LINES + 1, values_only=True)
    try:
        headers = _capped(1, _trimmed([_clean(h) for h in next(lines)]), deadline)
    except StopIteration as exc:
        raise UnreadableFile("empty") from exc

    def rows():
        try:
            for number, cells in enumerate(lines, start=2):
                # Rows missing in the sheet come as empty tuples: skip them
                # before cleaning each cell.
                if cells.count(None) == len(cells):
                    if number > MAX_LINES or not number % 4096:
                        _capped(number, [], deadline)
                    continue
                values = _trimmed([_clean(c) for c in cells])
                if any(values):
                    yield number, _capped(number, values, deadline)
        finally:
            workbook.close()

    return Table("xlsx", headers, rows())


def _trimmed(values: list[str]) -> list[str]:
    # Empty cells after the last value are how a sheet pads its rows.
    end = len(values)
    while end and not values[end - 1]:
        end -= 1
    return values[:end]


def read_table(data: bytes, *, name: str = "") -> Table:
    """Read a CSV or XLSX file's bytes; raises UnreadableFile (also while the
    rows are read, when a limit above is passed)."""
    if not data.strip():
        raise UnreadableFile("empty")
    if sniff_format(data[:8192], name) == "xlsx":
        return _xlsx_table(data)
    return _csv_table(data)
