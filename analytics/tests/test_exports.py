"""Exports parsed back: CSV for Belgian Excel, XLSX, PDF; suppression,
formula neutralisation and the audit row."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from analytics.exports import neutralise
from analytics.tests.people import fund_officer, staff
from audit.models import AuditEntry
from partners.models import Project
from partners.services import report_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(small):
    Project.objects.filter(pk=small.project.pk).update(name='=HYPERLINK("http://x")')
    small.project.refresh_from_db()
    return report_create(
        project=small.project,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        created_by=None,
    )


def _download(client, report, fmt):
    client.force_login(staff(report.project.organisation))
    url = reverse(
        "analytics:partner_export",
        kwargs={"slug": report.project.organisation.slug, "report_id": report.pk, "fmt": fmt},
    )
    response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("text", ["=1+1", "+32", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_get_an_apostrophe(text):
    assert neutralise(text) == "'" + text


def test_plain_text_and_numbers_are_left_alone():
    assert neutralise("Brussels") == "Brussels"
    assert neutralise(-2) == -2


def test_csv_opens_in_belgian_excel(client, report):
    response = _download(client, report, "csv")

    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][1].endswith('=HYPERLINK("http://x")')
    summary = rows[rows.index(["Summary"]) + 2 :][:5]
    assert summary[0] == ["Learners reached", "12"]
    # 5 of 12 completed: a percentage with a decimal comma.
    assert summary[3] == ["Completion rate", "41,7"]
    assert summary[4] == ["Certification rate", "<5"]


def test_csv_neutralises_a_cell_that_starts_with_a_formula(client, report):
    from analytics.exports import report_csv
    from analytics.presenters import Table

    table = Table("t", "T", [("Name", "text")], rows=[["=cmd|' /C calc'!A0"]])
    report.figures = {"project": {"reference": "R", "name": "N", "organisation": "O"}}

    text = report_csv(report, [table]).decode("utf-8-sig")

    assert "'=cmd|' /C calc'!A0" in text


def test_xlsx_keeps_numbers_and_suppresses_small_cells(client, report):
    response = _download(client, report, "xlsx")

    book = load_workbook(io.BytesIO(response.content))
    gender = book["By gender"]
    rows = {row[0]: row[1:] for row in gender.iter_rows(min_row=2, values_only=True)}
    assert rows["Woman"] == (6, "<5", "<5", "<5", "<5")
    assert rows["Man"][0] == "<5"
    cover = {row[0]: row[1] for row in book["Report"].iter_rows(values_only=True)}
    assert cover["Report"].startswith(f"{report.project.reference} · =")


def test_xlsx_cover_cell_starting_with_a_formula_is_neutralised(client, report):
    report.project.organisation.name = "=EVIL()"
    report.project.organisation.save()

    response = _download(client, report, "xlsx")

    sheet = load_workbook(io.BytesIO(response.content))["Report"]
    cover = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    assert cover["Organisation"] == "'=EVIL()"


def test_pdf_has_real_text_with_suppressed_cells(client, report):
    response = _download(client, report, "pdf")

    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Report to the Digital Belgium Skills Fund" in text
    assert "Progress against targets" in text
    assert "<5" in text
    assert "41.7 %" in text


def test_every_export_is_audited(client, report):
    _download(client, report, "csv")

    entry = AuditEntry.objects.get(action="analytics.report_export")
    assert entry.data["format"] == "csv"
    assert entry.target_id == str(report.pk)


def test_an_unknown_format_is_404(client, report):
    client.force_login(staff(report.project.organisation))
    url = reverse(
        "analytics:partner_export",
        kwargs={"slug": report.project.organisation.slug, "report_id": report.pk, "fmt": "exe"},
    )

    assert client.get(url).status_code == 404


def test_the_fund_cannot_export_a_draft(client, report):
    client.force_login(fund_officer())
    url = reverse("analytics:fund_export", kwargs={"report_id": report.pk, "fmt": "csv"})

    assert client.get(url).status_code == 404


def test_pdf_embeds_its_fonts_and_dates_itself(client, report):
    """Drawn with frontend.pdf: no base-14 font, a real creation date."""
    data = _download(client, report, "pdf").content
    reader = PdfReader(io.BytesIO(data))
    fonts = {
        font.get_object()["/BaseFont"]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("Vera" in name for name in fonts), fonts
    assert b"Helvetica" not in data
    assert not reader.metadata["/CreationDate"].startswith("D:2000")
    assert reader.metadata.title.endswith("2026-01-01–2026-12-31")
