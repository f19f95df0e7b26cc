"""Uploads are bounded before they are read whole or parsed: the request body
(Content-Length, then the bytes counted as they arrive), an XLSX's zip (sizes,
ratio, members) and every cell while reading. Refusals answer 413 or 400 with
the form again, and store nothing."""

import io
import zipfile

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from partners import spreadsheets
from partners.models import ImportBatch
from partners.spreadsheets import UnreadableFile, read_table
from partners.tests.files import NL_HEADERS, csv_bytes, good_row, upload, xlsx_bytes

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def _url(cohort):
    with translation.override("en"):
        return reverse(
            "partners:import_upload",
            kwargs={"slug": cohort.project.organisation.slug, "cohort_id": cohort.pk},
        )


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1])
    raise LookupError(field)


def _peak_growth_mb(action):
    """Run `action`; the growth of the process's peak resident memory (MB)
    over its resident memory before, and what `action` returned. The peak is
    reset first (Linux /proc/self/clear_refs), so an earlier peak cannot hide
    this one."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")
    before = _status_kb("VmRSS:")
    result = action()
    return (_status_kb("VmHWM:") - before) / 1024, result


def test_the_memory_meter_sees_100_mb_held():
    growth, held = _peak_growth_mb(lambda: b"x" * (100 * MB))
    assert len(held) == 100 * MB
    assert growth > 90


# --- The XLSX bomb ----------------------------------------------------------

BOMB_STRING_BYTES = 300 * MB

_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    b'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
    b'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    b'"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
    b'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
    b'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    b'spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
    b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
    b'formats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    b'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/'
    b'workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
    b'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
    b'2006/relationships"><sheets><sheet name="Cursisten" sheetId="1" r:id="rId1"/></sheets>'
    b"</workbook>"
)
_WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
    b'formats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    b'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
    b'sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/office'
    b'Document/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
# Line 1 the header "Voornaam" (shared string 1), line 2 shared string 0.
_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.'
    b'org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row>'
    b'<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>'
)


def _bomb(path, *, string_bytes: int = BOMB_STRING_BYTES) -> None:
    """An XLSX whose sharedStrings.xml holds one string of `string_bytes`
    (300 MB: the issue's bomb), written streaming: the test never holds it."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", _CONTENT_TYPES)
        bomb.writestr("_rels/.rels", _RELS)
        bomb.writestr("xl/workbook.xml", _WORKBOOK)
        bomb.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        bomb.writestr("xl/worksheets/sheet1.xml", _SHEET)
        with bomb.open("xl/sharedStrings.xml", "w") as shared:
            shared.write(
                b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxml'
                b'formats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>'
            )
            chunk = b"A" * MB
            for _ in range(string_bytes // MB):
                shared.write(chunk)
            shared.write(b"A" * (string_bytes % MB))
            shared.write(b"</t></si><si><t>Voornaam</t></si></sst>")


@pytest.fixture(scope="module")
def bomb_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("bomb") / "cursisten.xlsx"
    _bomb(path)
    return path


def test_the_bomb_built_small_is_a_spreadsheet_openpyxl_reads(tmp_path):
    path = tmp_path / "small.xlsx"
    _bomb(path, string_bytes=12)
    table = read_table(path.read_bytes())
    assert table.headers == ["Voornaam"]
    assert list(table.rows) == [(2, ["A" * 12])]


def test_the_bomb_is_a_small_file_that_unpacks_to_300_mb(bomb_path):
    assert bomb_path.stat().st_size < 400 * 1024
    with zipfile.ZipFile(bomb_path) as archive:
        assert archive.getinfo("xl/sharedStrings.xml").file_size > BOMB_STRING_BYTES


def test_the_xlsx_bomb_is_refused_with_413_before_parsing_and_memory_stays_flat(
    client, cohort, manager, bomb_path
):
    client.force_login(manager)
    data = bomb_path.read_bytes()

    growth, response = _peak_growth_mb(
        lambda: client.post(_url(cohort), {"file": upload(data, "cursisten.xlsx")})
    )

    assert response.status_code == 413
    assert b"unpacks to more than 64 MB in one part" in response.content
    assert response.context["form"].errors["file"]
    assert not ImportBatch.objects.exists()
    assert growth < 50, f"peak memory grew by {growth:.1f} MB"


def test_the_bomb_is_refused_in_the_users_language(client, cohort, manager, bomb_path):
    manager.preferred_language = "nl"
    manager.save()
    client.force_login(manager)
    url = _url(cohort).replace("/en/", "/nl/", 1)

    response = client.post(url, {"file": upload(bomb_path.read_bytes(), "cursisten.xlsx")})

    assert response.status_code == 413
    assert b"pakt uit tot meer dan 64 MB" in response.content


# --- The request body: 200 MB CSV, and the limit exactly ---------------------


class _Body:
    """A multipart request body of one file made as it is read: the test
    never holds it; `read_bytes` counts what the server read."""

    BOUNDARY = "----digiskills"

    def __init__(self, file_size: int, *, name: str = "groot.csv", line: bytes = b""):
        head = (
            f'--{self.BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{name}"\r\nContent-Type: text/csv\r\n\r\n'
        ).encode()
        tail = f"\r\n--{self.BOUNDARY}--\r\n".encode()
        self.parts = [head, None, tail]
        self.file_size = file_size
        self.line = line or (";".join(good_row(1)) + "\r\n").encode()
        self.length = len(head) + file_size + len(tail)
        self.read_bytes = 0
        self._sent_file = 0
        self._pending = b""

    def _more(self) -> bytes:
        if self.parts[0] is not None:
            head, self.parts[0] = self.parts[0], None
            return head
        if self._sent_file < self.file_size:
            size = min(64 * 1024, self.file_size - self._sent_file)
            chunk = (self.line * (size // len(self.line) + 1))[:size]
            self._sent_file += size
            return chunk
        tail, self.parts[2] = self.parts[2], b""
        return tail

    def read(self, size=-1) -> bytes:
        if size is None or size < 0:
            size = self.length
        while len(self._pending) < size:
            more = self._more()
            if not more:
                break
            self._pending += more
        out, self._pending = self._pending[:size], self._pending[size:]
        self.read_bytes += len(out)
        return out

    def readline(self, size=-1) -> bytes:
        return self.read(size)

    def environ(self, path: str) -> dict:
        return {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": path,
            "CONTENT_TYPE": f"multipart/form-data; boundary={self.BOUNDARY}",
            "CONTENT_LENGTH": str(self.length),
            "wsgi.input": self,
        }


def test_a_200_mb_csv_is_refused_with_413_before_its_first_byte_is_read(client, cohort, manager):
    client.force_login(manager)
    body = _Body(200 * MB)

    growth, response = _peak_growth_mb(lambda: client.request(**body.environ(_url(cohort))))

    assert response.status_code == 413
    assert b"The file is too big (at most 20 MB)." in response.content
    assert b'type="file"' in response.content  # the form again
    # Only the multipart headers were read, not the file.
    assert body.read_bytes < 256 * 1024
    assert not ImportBatch.objects.exists()
    assert growth < 50, f"peak memory grew by {growth:.1f} MB"


def test_a_body_without_content_length_is_not_read(client, cohort, manager):
    # Under WSGI a body of undeclared length (chunked) reads as empty: the
    # form says a file is needed and nothing of the body is read.
    client.force_login(manager)
    body = _Body(200 * MB)
    environ = body.environ(_url(cohort))
    del environ["CONTENT_LENGTH"]

    response = client.request(**environ)

    assert response.status_code == 400
    assert body.read_bytes == 0
    assert not ImportBatch.objects.exists()


def _csv_of(size: int) -> tuple[bytes, int]:
    """A valid learner CSV of exactly `size` bytes (the last e-mail padded),
    and its number of rows."""
    rows = [good_row(1)]
    while len(csv_bytes([*rows, good_row(len(rows) + 1)])) <= size:
        rows.append(good_row(len(rows) + 1))
    data = csv_bytes(rows)
    last = f"zoe{len(rows)}@".encode()
    return data.replace(last, last[:-1] + b"x" * (size - len(data)) + b"@"), len(rows)


def test_a_file_exactly_at_the_limit_is_accepted(client, cohort, manager, settings):
    data, rows = _csv_of(4000)
    assert len(data) == 4000
    settings.PARTNER_IMPORT_MAX_BYTES = 4000
    client.force_login(manager)

    response = client.post(_url(cohort), {"file": upload(data)})

    assert response.status_code == 302
    assert ImportBatch.objects.get().rows_total == rows


def test_a_file_one_byte_over_the_limit_is_refused_while_it_is_read(
    client, cohort, manager, settings
):
    settings.PARTNER_IMPORT_MAX_BYTES = 4000
    client.force_login(manager)
    body = _Body(4001)
    # Its Content-Length is within the limit plus the form's room: the bytes
    # counted as they arrive stop it.
    assert body.length < 4000 + 64 * 1024

    response = client.request(**body.environ(_url(cohort)))

    assert response.status_code == 413
    assert b"The file is too big" in response.content
    assert not ImportBatch.objects.exists()


def test_a_body_declared_too_big_is_refused_before_the_file_is_read(
    client, cohort, manager, settings
):
    settings.PARTNER_IMPORT_MAX_BYTES = 4000
    client.force_login(manager)
    body = _Body(10 * MB)

    response = client.request(**body.environ(_url(cohort)))

    assert response.status_code == 413
    # One read of the parser's first chunk (64 KB), none of the rest.
    assert body.read_bytes <= 64 * 1024
    assert not ImportBatch.objects.exists()


def test_a_refusal_by_the_file_checks_answers_400_and_the_form(client, cohort, manager):
    client.force_login(manager)
    data = csv_bytes([good_row(1, first="Z" * 1001)])

    response = client.post(_url(cohort), {"file": upload(data)})

    assert response.status_code == 400
    assert b"Line 2, column B holds 1001 characters" in response.content
    assert b'type="file"' in response.content
    assert not ImportBatch.objects.exists()


def test_no_file_chosen_answers_400(client, cohort, manager):
    client.force_login(manager)
    assert client.post(_url(cohort), {}).status_code == 400


@override_settings(PARTNER_IMPORT_MAX_ROWS=2)
def test_too_many_rows_answers_413(client, cohort, manager):
    client.force_login(manager)
    response = client.post(
        _url(cohort), {"file": upload(csv_bytes([good_row(n) for n in range(1, 4)]))}
    )
    assert response.status_code == 413
    assert not ImportBatch.objects.exists()


# --- The XLSX's zip, each reason --------------------------------------------


def _zip_with(members: dict[str, bytes]) -> bytes:
    """A valid XLSX with members added or replaced."""
    model = zipfile.ZipFile(io.BytesIO(xlsx_bytes([good_row(1)])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in model.infolist():
            if member.filename not in members:
                archive.writestr(member, model.read(member))
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _refusal(data: bytes) -> UnreadableFile:
    with pytest.raises(UnreadableFile) as refused:
        table = read_table(data)
        list(table.rows)
    return refused.value


def test_a_real_xlsx_passes_every_check():
    table = read_table(xlsx_bytes([good_row(n) for n in range(1, 4)]))
    assert table.headers == NL_HEADERS
    assert len(list(table.rows)) == 3


def test_an_xlsx_with_too_many_members_is_refused(monkeypatch):
    monkeypatch.setattr(spreadsheets, "XLSX_MAX_MEMBERS", 20)
    data = _zip_with({f"xl/media/image{n}.png": b"x" for n in range(20)})
    refused = _refusal(data)
    assert refused.code == "xlsx_members"
    assert refused.params["max"] == 20


def test_an_xlsx_member_over_its_size_is_refused(monkeypatch):
    monkeypatch.setattr(spreadsheets, "XLSX_MAX_MEMBER_BYTES", 10_000)
    data = _zip_with({"xl/media/big.bin": bytes(range(256)) * 40})
    assert _refusal(data).code == "xlsx_member_too_big"


def test_an_xlsx_over_the_total_unpacked_size_is_refused(monkeypatch):
    monkeypatch.setattr(spreadsheets, "XLSX_MAX_TOTAL_BYTES", 20_000)
    data = _zip_with({f"xl/media/p{n}.bin": bytes(range(256)) * 30 for n in range(4)})
    assert _refusal(data).code == "xlsx_too_big"


def test_an_xlsx_member_that_unpacks_a_thousand_times_its_size_is_refused():
    data = _zip_with({"xl/worksheets/sheet2.xml": b"A" * (2 * MB)})
    refused = _refusal(data)
    assert refused.code == "xlsx_ratio"
    assert refused.params["ratio"] > 100


def test_shared_strings_over_their_own_limit_are_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(spreadsheets, "XLSX_MAX_SHARED_STRINGS_BYTES", 1000)
    path = tmp_path / "strings.xlsx"
    _bomb(path, string_bytes=800)
    assert len(list(read_table(path.read_bytes()).rows)) == 1
    _bomb(path, string_bytes=1000)
    refused = _refusal(path.read_bytes())
    assert refused.code == "xlsx_member_too_big"


def test_a_member_that_lies_about_its_size_is_read_no_further_than_declared():
    data = bytearray(_zip_with({"xl/worksheets/sheet1.xml": b"<x/>" + b" " * 5000}))
    # Declare 100 bytes instead of 5,004 in the central directory: reading
    # stops at 100 and the checksum fails: the file is refused, not read on.
    start = data.rfind(b"PK\x01\x02", 0)
    while start != -1:
        name_length = int.from_bytes(data[start + 28 : start + 30], "little")
        if data[start + 46 : start + 46 + name_length] == b"xl/worksheets/sheet1.xml":
            data[start + 24 : start + 28] = (100).to_bytes(4, "little")
            break
        start = data.rfind(b"PK\x01\x02", 0, start)
    assert _refusal(bytes(data)).code == "bad_xlsx"


# --- Cells, width and time while reading -------------------------------------


@pytest.mark.parametrize("make", [csv_bytes, xlsx_bytes], ids=["csv", "xlsx"])
def test_a_cell_at_the_limit_is_read_and_one_over_is_refused(make):
    at_limit = read_table(make([good_row(1, last="L" * 1000)]))
    assert list(at_limit.rows)[0][1][2] == "L" * 1000

    refused = _refusal(make([good_row(1), good_row(2, last="L" * 1001)]))
    assert refused.code == "cell_too_long"
    assert refused.params == {"line": 3, "column": "C", "length": 1001, "max": 1000}


@pytest.mark.parametrize("make", [csv_bytes, xlsx_bytes], ids=["csv", "xlsx"])
def test_a_row_wider_than_200_columns_is_refused(make):
    wide = [*NL_HEADERS, *(f"x{n}" for n in range(200 - len(NL_HEADERS)))]
    assert len(list(read_table(make([["a"] * 200], headers=wide)).rows)) == 1

    refused = _refusal(make([["a"] * 201], headers=wide))
    assert refused.code == "too_many_columns"
    assert refused.params["line"] == 2


def test_a_csv_field_past_the_csv_modules_limit_is_refused_with_its_line():
    # An opened quote never closed swallows the rest of the file in one field.
    data = csv_bytes([good_row(1, first='"Zoë')]) + b"x;" * 100_000
    refused = _refusal(data)
    assert refused.code == "field_too_long"


def test_an_xlsx_row_far_down_the_sheet_is_read_quickly():
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(NL_HEADERS)
    book.active.cell(row=spreadsheets.MAX_LINES, column=1, value="far")
    out = io.BytesIO()
    book.save(out)
    rows = list(read_table(out.getvalue()).rows)
    assert rows == [(spreadsheets.MAX_LINES, ["far"])]


def test_reading_past_the_time_limit_is_refused(monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_READ_SECONDS", -1)
    assert _refusal(csv_bytes([good_row(1)])).code == "too_slow"
