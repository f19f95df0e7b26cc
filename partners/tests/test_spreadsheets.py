import io

import pytest
from openpyxl import Workbook, load_workbook

from frontend.spreadsheets import cell_text, write_csv, write_xlsx
from partners.spreadsheets import UnreadableFile, read_table

HEADER = "Cursistnummer;Voornaam;Achternaam;Geboortedatum\r\n"


def _rows(table):
    return list(table.rows)


def test_a_belgian_excel_csv_in_windows_1252_with_semicolons_is_read():
    data = (HEADER + "A1;Zoë;Müller-Françoise;29/02/1988\r\n").encode("cp1252")
    table = read_table(data, name="x.csv")
    assert (table.encoding, table.delimiter) == ("cp1252", ";")
    assert table.headers == ["Cursistnummer", "Voornaam", "Achternaam", "Geboortedatum"]
    assert _rows(table) == [(2, ["A1", "Zoë", "Müller-Françoise", "29/02/1988"])]


def test_a_utf8_csv_with_bom_is_read_without_the_bom():
    data = b"\xef\xbb\xbf" + (HEADER + "A1;Éloïse;Ñúñez;01/01/2000\r\n").encode("utf-8")
    table = read_table(data)
    assert table.encoding == "utf-8-sig"
    assert table.headers[0] == "Cursistnummer"
    assert _rows(table)[0][1][1:3] == ["Éloïse", "Ñúñez"]


def test_a_comma_separated_utf8_csv_is_read():
    data = b'Learner id,First name,Last name\nA1,"Jean, Marie",Dupont\n'
    table = read_table(data)
    assert table.delimiter == ","
    assert _rows(table) == [(2, ["A1", "Jean, Marie", "Dupont"])]


def test_blank_lines_are_skipped_but_line_numbers_stay_those_of_the_file():
    data = (HEADER + "A1;Jan;;\r\n;;;\r\nA2;Piet;;\r\n").encode()
    assert [line for line, _ in _rows(read_table(data))] == [2, 4]


def test_an_xlsx_is_read_as_text_with_dates_and_formulas_not_evaluated():
    import datetime

    book = Workbook()
    sheet = book.active
    sheet.append(["Learner id", "First name", "Date of birth"])
    sheet.append([12345, '=HYPERLINK("http://evil")', datetime.datetime(1990, 5, 17)])
    out = io.BytesIO()
    book.save(out)
    table = read_table(out.getvalue(), name="learners.xlsx")
    assert table.file_format == "xlsx"
    assert _rows(table) == [(2, ["12345", '=HYPERLINK("http://evil")', "1990-05-17"])]


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "empty"), (b"\x00\x01\x02binary", "not_text"), (b"PK\x03\x04broken", "bad_xlsx")],
)
def test_unreadable_files_say_why(data, code):
    with pytest.raises(UnreadableFile) as refused:
        table = read_table(data)
        list(table.rows)
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+32 2 123 45 67", "'+32 2 123 45 67"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Zoë", "Zoë"),
        ("", ""),
        (None, ""),
        (42, "42"),
    ],
)
def test_cell_text_neutralises_what_a_spreadsheet_would_run(value, shown):
    assert cell_text(value) == shown


def test_an_exported_csv_opens_in_belgian_excel_and_runs_no_formula():
    data = write_csv(["id", "name"], [["A1", "=cmd|' /C calc'!A0"]])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines()[1] == "A1;'=cmd|' /C calc'!A0"


def test_an_exported_xlsx_holds_text_not_formulas():
    data = write_xlsx(["id", "name"], [["A1", "=1+1"]])
    sheet = load_workbook(io.BytesIO(data)).active
    cell = sheet["B2"]
    assert (cell.value, cell.data_type) == ("'=1+1", "s")
