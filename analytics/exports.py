"""Exports of a report: CSV for Belgian Excel, XLSX and PDF. All three are
built from `presenters.report_tables` (so suppression is the same everywhere)
and neutralise text that a spreadsheet would run as a formula, by the rule of
`frontend.spreadsheets` that every spreadsheet we write follows."""

import csv
import io

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from analytics.presenters import COUNT, MONEY, RATE, TEXT, Table, row_kinds
from frontend.spreadsheets import cell_text


def neutralise(value):
    """Text a spreadsheet would take for a formula gets a leading apostrophe
    (`frontend.spreadsheets.cell_text`, the project's one rule); numbers stay
    numbers."""
    return cell_text(value) if isinstance(value, str) else value


def _decimal_comma(value, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if kind == RATE:
        return f"{value * 100:.1f}".replace(".", ",")
    if kind == MONEY:
        return f"{value:.2f}".replace(".", ",")
    return str(value)


def heading(title: str, kind: str) -> str:
    return f"{title} (%)" if kind == RATE else title


def _title_rows(report) -> list[list[str]]:
    project = report.figures["project"]
    return [
        [_("Report"), f"{project['reference']} · {project['name']}"],
        [_("Organisation"), project["organisation"]],
        [_("Period"), f"{report.period_start.isoformat()} – {report.period_end.isoformat()}"],
        [_("Version"), str(report.version)],
        [_("Status"), str(report.get_status_display())],
        [_("Hidden figures"), hidden_figures_note()],
    ]


def hidden_figures_note() -> str:
    """What "<5" and "x" mean (analytics.suppression), for every export."""
    return " ".join(
        [
            _(
                "Counts under 5 people are shown as “<5”, and rates derived from them are not "
                "shown."
            ),
            _(
                "“x” marks a figure of 5 or more, hidden so that a count under 5 cannot be "
                "worked out from a total or a difference."
            ),
        ]
    )


def report_csv(report, tables: list[Table]) -> bytes:
    """UTF-8 with BOM, semicolons and decimal commas: opens right in Excel set
    to Belgian (nl-BE, fr-BE) regional settings. Rates are percentages."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in _title_rows(report):
        writer.writerow([neutralise(cell) for cell in row])
    for table in tables:
        writer.writerow([])
        writer.writerow([neutralise(table.title)])
        kinds = row_kinds(table)
        if getattr(table, "kinds", None) is None:
            writer.writerow([neutralise(heading(h, k)) for h, k in table.columns])
        else:
            writer.writerow([neutralise(h) for h, _k in table.columns])
        for row, row_kind in zip(table.rows, kinds, strict=True):
            writer.writerow(
                [
                    neutralise(str(cell)) if kind == TEXT else _decimal_comma(cell, kind)
                    for cell, kind in zip(row, row_kind, strict=True)
                ]
            )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


_XLSX_FORMATS = {COUNT: "#,##0", MONEY: "#,##0.00", RATE: "0.0%"}


def report_xlsx(report, tables: list[Table]) -> bytes:
    """One sheet per table after a cover sheet; numbers stay numbers (with
    formats), hidden cells are the text "<5" or "x"."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    cover = book.active
    cover.title = _("Report")[:31]
    for row in _title_rows(report):
        cover.append([neutralise(cell) for cell in row])
    cover.column_dimensions["A"].width = 18
    cover.column_dimensions["B"].width = 60
    used = {cover.title}
    for table in tables:
        name = "".join(c for c in table.title if c not in "[]:*?/\\")[:31]
        while name in used:
            name = name[:29] + f"{len(used)}"
        used.add(name)
        sheet = book.create_sheet(name)
        sheet.append([neutralise(h) for h, _k in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row, row_kind in zip(table.rows, row_kinds(table), strict=True):
            sheet.append(
                [
                    neutralise(str(c)) if k == TEXT else neutralise(c)
                    for c, k in zip(row, row_kind, strict=True)
                ]
            )
            for cell, kind in zip(sheet[sheet.max_row], row_kind, strict=True):
                if kind in _XLSX_FORMATS and isinstance(cell.value, int | float):
                    cell.number_format = _XLSX_FORMATS[kind]
        for n, _col in enumerate(table.columns):
            sheet.column_dimensions[chr(ord("A") + n)].width = 22 if n == 0 else 16
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _pdf_text(value, kind: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if kind == RATE:
        return f"{value * 100:.1f} %"
    if kind == MONEY:
        return f"{value:,.2f}".replace(",", " ")
    return f"{value:,}".replace(",", " ")


def _bar_chart(title: str, labels: list[str], values: list[float], targets: list[float] | None):
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    from frontend.pdf import FONT, FONT_BOLD

    height = 40 + 22 * max(1, len(labels)) * (2 if targets else 1)
    drawing = Drawing(480, height + 30)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 150, 20, 300, height - 20
    chart.data = [values, targets] if targets else [values]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = FONT
    chart.bars[0].fillColor = colors.HexColor("#1d4ed8")
    if targets:
        chart.bars[1].fillColor = colors.HexColor("#9ca3af")
        legend = Legend()
        legend.x, legend.y = 150, height + 12
        legend.fontSize = 8
        legend.fontName = FONT
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.colorNamePairs = [
            (colors.HexColor("#1d4ed8"), _("Reached")),
            (colors.HexColor("#9ca3af"), _("Target")),
        ]
        drawing.add(legend)
    drawing.add(chart)
    drawing.add(String(0, height + 18, title, fontName=FONT_BOLD, fontSize=10))
    return drawing


def report_pdf(report, tables: list[Table]) -> bytes:
    """A printable PDF with real text, the tables and two charts drawn with
    reportlab.graphics (small cells are left out of the charts)."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as PdfTable

    from frontend import pdf

    styles = getSampleStyleSheet()
    # Every font embedded (Vera), none of the base-14 fonts the sample styles name.
    for style in styles.byName.values():
        if hasattr(style, "fontName"):
            style.fontName = pdf.FONT_BOLD if "Bold" in style.fontName else pdf.FONT
    buffer = io.BytesIO()
    project = report.figures["project"]
    meta = pdf.Metadata(
        title=f"{project['reference']} {report.period_start}–{report.period_end}",
        subject=_("Report to the Digital Belgium Skills Fund"),
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        **pdf.doc_template_options(meta),
    )
    story = [Paragraph(escape(_("Report to the Digital Belgium Skills Fund")), styles["Title"])]
    for label, value in _title_rows(report):
        story.append(Paragraph(f"<b>{escape(label)}</b>: {escape(value)}", styles["Normal"]))
    story.append(Spacer(1, 6 * mm))
    by_key = {t.key: t for t in tables}
    targets = by_key.get("targets")
    if targets and targets.rows:
        rows = [r for r in targets.rows if isinstance(r[3], int)]
        if rows:
            story.append(
                _bar_chart(
                    _("Progress against targets"),
                    [f"{r[0]} · {r[1]}"[:40] for r in rows],
                    [r[3] for r in rows],
                    [r[2] for r in rows],
                )
            )
            story.append(Spacer(1, 4 * mm))
    ages = by_key.get("age_band")
    if ages and ages.rows:
        rows = [r for r in ages.rows if isinstance(r[1], int)]
        if rows:
            story.append(_bar_chart(ages.title, [r[0] for r in rows], [r[1] for r in rows], None))
            story.append(Spacer(1, 4 * mm))
    for table in tables:
        story.append(Paragraph(escape(table.title), styles["Heading2"]))
        data = [
            [Paragraph(f"<b>{escape(str(h))}</b>", styles["BodyText"]) for h, _k in table.columns]
        ]
        for row, row_kind in zip(table.rows, row_kinds(table), strict=True):
            data.append([_pdf_text(c, k) for c, k in zip(row, row_kind, strict=True)])
        if len(data) == 1:
            story.append(Paragraph(escape(_("No figures.")), styles["Normal"]))
            continue
        pdf_table = PdfTable(data, repeatRows=1, hAlign="LEFT")
        pdf_table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), pdf.FONT, 8),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#9ca3af")),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e5e7eb")),
                    ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(pdf_table)
    doc.build(story, canvasmaker=pdf.canvas_maker(meta))
    return buffer.getvalue()
