"""Learner files as partners export them, for the import tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

NL_HEADERS = [
    "Cursistnummer",
    "Voornaam",
    "Achternaam",
    "E-mail",
    "Taal",
    "Geboortedatum",
    "Geslacht",
    "Postcode",
    "Situatie",
    "Doelgroepen",
    "Extra cursus",
]


def csv_bytes(rows, *, headers=NL_HEADERS, delimiter=";", encoding="cp1252", bom=False) -> bytes:
    lines = [delimiter.join(headers), *(delimiter.join(r) for r in rows)]
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(rows, *, headers=NL_HEADERS) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(data: bytes, name: str = "cursisten.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def good_row(n: int, **overrides) -> list[str]:
    values = {
        "id": f"VDAB-{n:05d}",
        "first": "Zoë",
        "last": "Van den Broeck",
        "email": f"zoe{n}@example.be",
        "lang": "nl",
        "birth": "29/02/1988",
        "gender": "v",
        "postcode": "2000",
        "situation": "werkzoekend",
        "groups": "jobseekers|women_in_digital",
        "course": "",
    }
    values.update(overrides)
    return list(values.values())


# Target-group words as partners write them, none in our lists as such.
PARTNER_GROUPS = ["senior", "jobseeker", "young", "woman-in-digital", "jobseeker|young"]
PARTNER_HEADERS = [
    "Klantnummer",
    "Voornaam deelnemer",
    "Naam deelnemer",
    "E-mailadres",
    "Taal",
    "Geboortedatum",
    "Geslacht",
    "Postcode",
    "Statuut",
    "Doelgroep",
    "Opmerking",
]
# Six rows each with one problem, at these positions of a partner file.
PARTNER_BAD_ROWS = {
    100: {"birth": "31/02/1990"},
    200: {"postcode": "75001"},
    300: {"email": "geen-email"},
    400: {"first": ""},
    500: {"id": "85073003328"},  # a national register number as learner id
    600: {"id": "P-000001"},  # the id of the first row again
}


def partner_rows(count: int = 1000, *, start: int = 1, bad: bool = True) -> list[list[str]]:
    """A VDAB-style export: its own headers (PARTNER_HEADERS) and target-group
    words, a free-text column, some learners without e-mail."""
    rows = []
    for n in range(start, start + count):
        values = {
            "id": f"P-{n:06d}",
            "first": ["Zoë", "Lotte", "Mehmet", "François", "Aïcha"][n % 5],
            "last": ["Peeters", "Özdemir", "Dubois", "Müller"][n % 4],
            "email": f"deelnemer{n}@example.be" if n % 3 else "",
            "lang": ["nl", "fr", "Nederlands", "de"][n % 4],
            "birth": f"{n % 28 + 1:02d}/{n % 12 + 1:02d}/19{50 + n % 50}",
            "gender": ["v", "m", "x", ""][n % 4],
            "postcode": ["2000", "1000", "9000", "4700"][n % 4],
            "situation": ["werkzoekend", "werkend", "student", ""][n % 4],
            "groups": PARTNER_GROUPS[n % len(PARTNER_GROUPS)],
            "note": "belt liever" if n % 7 == 0 else "",
        }
        if bad and n - start + 1 in PARTNER_BAD_ROWS:
            values.update(PARTNER_BAD_ROWS[n - start + 1])
        rows.append(list(values.values()))
    return rows
