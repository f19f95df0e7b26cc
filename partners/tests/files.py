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
