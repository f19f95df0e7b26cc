"""Reading and writing the spreadsheets partners exchange with us, shared by
imports and reports.

- `cell_text` neutralises a value that a spreadsheet would run as a formula
  (CSV/formula injection, OWASP): every export we produce passes each text cell
  through it. Stored data keeps the text exactly as given.
- `read_table` reads a CSV as Belgian Excel writes it (semicolon or comma,
  Windows-1252 or UTF-8 with or without BOM) or an XLSX, as text cells.
- `write_csv` writes a CSV that opens right in Belgian Excel (UTF-8 with BOM,
  semicolons unless told otherwise); `write_xlsx` an XLSX with text cells.
"""

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value) -> str:
    """The value as text a spreadsheet shows as is: a leading `'` is added when
    it would start a formula (=, +, -, @, tab, carriage return)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def looks_like_formula(text: str) -> bool:
    return bool(text) and text.startswith(FORMULA_PREFIXES)


class UnreadableFile(ValueError):
    """The file is not a CSV or XLSX we can read; `code` says why."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


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


def _csv_table(data: bytes) -> Table:
    try:
        text, encoding = _decode(data)
    except UnicodeDecodeError as exc:
        raise UnreadableFile("bad_encoding") from exc
    first_line = text.split("\n", 1)[0]
    delimiter = _delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = [_clean(h) for h in next(reader)]
    except StopIteration as exc:
        raise UnreadableFile("empty") from exc
    except csv.Error as exc:
        raise UnreadableFile("bad_csv") from exc

    def rows():
        try:
            for cells in reader:
                if any(c.strip() for c in cells):
                    yield reader.line_num, [c.strip() for c in cells]
        except csv.Error as exc:
            raise UnreadableFile("bad_csv") from exc

    return Table("csv", headers, rows(), encoding, delimiter)


def _xlsx_table(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        # data_only=False: a formula cell is read as its text, never evaluated.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnreadableFile("bad_xlsx") from exc
    sheet = workbook.worksheets[0] if workbook.worksheets else None
    if sheet is None:
        raise UnreadableFile("empty")
    lines = sheet.iter_rows(values_only=True)
    try:
        headers = [_clean(h) for h in next(lines)]
    except StopIteration as exc:
        raise UnreadableFile("empty") from exc

    def rows():
        for number, cells in enumerate(lines, start=2):
            values = [_clean(c) for c in cells]
            if any(values):
                yield number, values
        workbook.close()

    return Table("xlsx", headers, rows())


def read_table(data: bytes, *, name: str = "") -> Table:
    """Read a CSV or XLSX file's bytes; raises UnreadableFile."""
    if not data.strip():
        raise UnreadableFile("empty")
    if sniff_format(data[:8192], name) == "xlsx":
        return _xlsx_table(data)
    return _csv_table(data)


def write_csv(
    headers: list[str], rows: Iterable[Iterable], *, delimiter: str = ";", encoding: str = ""
) -> bytes:
    """A CSV for Excel: UTF-8 with BOM by default (or the encoding given, e.g.
    cp1252 to answer a file in its own encoding), every cell neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter or ";", lineterminator="\r\n")
    writer.writerow([cell_text(h) for h in headers])
    for row in rows:
        writer.writerow([cell_text(c) for c in row])
    text = buffer.getvalue()
    if encoding in ("", "utf-8-sig", "utf-8"):
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode(encoding, errors="replace")


def write_xlsx(headers: list[str], rows: Iterable[Iterable], *, title: str = "Sheet") -> bytes:
    """An XLSX whose cells are all text (neutralised), written in streaming mode."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([cell_text(h) for h in headers])
    for row in rows:
        sheet.append([cell_text(c) for c in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
