"""The streaming writers give the same files as the in-memory ones."""

import io

from openpyxl import load_workbook

from frontend.spreadsheets import csv_stream, write_csv, write_xlsx, xlsx_file

HEADERS = ["Naam", "=Kolom"]
ROWS = [["Zoë Özdemir", "=1+1"], ["@Jan", "-5"], ["\tTab", "\rCR"], ["+32", None]]


def test_the_streamed_csv_is_the_csv_of_write_csv():
    lines = list(csv_stream(HEADERS, iter(ROWS)))
    assert len(lines) == 1 + len(ROWS)
    assert b"".join(lines) == write_csv(HEADERS, ROWS)


def test_the_xlsx_file_holds_what_write_xlsx_holds():
    def values(data: bytes):
        book = load_workbook(io.BytesIO(data), read_only=True)
        rows = [list(r) for r in book.worksheets[0].values]
        book.close()
        return rows

    with xlsx_file(HEADERS, iter(ROWS), title="Cursisten") as out:
        streamed = out.read()
    assert values(streamed) == values(write_xlsx(HEADERS, ROWS, title="Cursisten"))
    assert values(streamed)[1] == ["Zoë Özdemir", "'=1+1"]
