"""The one way the platform writes spreadsheets: every CSV and XLSX it hands
out (partner exports and error files, a class's grid, an employer's seat
codes) goes through these writers, which pass each cell through `cell_text`.
The fund report's exports (`analytics.exports`) keep numbers as numbers and
pass every text cell through `cell_text`.

- `cell_text` neutralises a value that a spreadsheet would run as a formula
  (CSV/formula injection, OWASP: a leading `'` before =, +, -, @, tab or
  carriage return) and writes dates as Belgians read them. Stored data keeps
  the text exactly as given.
- `write_csv` writes a CSV that opens right in Belgian Excel (UTF-8 with BOM,
  semicolons unless told otherwise), `csv_stream` the same as an iterator of
  lines for a streamed response; `write_xlsx` an XLSX with text cells,
  `xlsx_file` the same in a temporary file for large exports.

Reading the files partners send is `partners.spreadsheets`."""

import csv
import datetime
import io
from collections.abc import Iterable

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

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


# --- Streaming writers, for exports too large to build in memory -------------


class _Line:
    """A file-like object that hands back what csv.writer wrote to it."""

    def write(self, text: str) -> str:
        return text


def csv_stream(headers: list[str], rows: Iterable[Iterable], *, delimiter: str = ";"):
    """The CSV of `write_csv` (UTF-8 with BOM, `;`, every cell neutralised) as
    an iterator of byte lines, for a StreamingHttpResponse: memory stays flat
    whatever the number of rows."""
    writer = csv.writer(_Line(), delimiter=delimiter, lineterminator="\r\n")
    yield b"\xef\xbb\xbf" + writer.writerow([cell_text(h) for h in headers]).encode("utf-8")
    for row in rows:
        yield writer.writerow([cell_text(c) for c in row]).encode("utf-8")


def xlsx_file(headers: list[str], rows: Iterable[Iterable], *, title: str = "Sheet"):
    """The XLSX of `write_xlsx` written to a temporary file (openpyxl
    write-only mode keeps rows on disk, not in memory); returns the open file
    at its start, deleted when closed."""
    import tempfile

    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([cell_text(h) for h in headers])
    for row in rows:
        sheet.append([cell_text(c) for c in row])
    # Returned open: the response streams it, then closes (and so deletes) it.
    out = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
    try:
        workbook.save(out)
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out
