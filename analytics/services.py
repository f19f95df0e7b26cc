"""Writes of analytics: it computes figures and hands them to the partners'
report services, and records every export in the audit journal."""

from django.db import transaction

from analytics import exports
from analytics.presenters import report_tables
from analytics.reports import Period, project_figures
from analytics.selectors import course_titles
from audit.services import audit_record
from frontend.spreadsheets import XLSX_CONTENT_TYPE
from partners.models import ReportSubmission
from partners.services import report_submit

FORMATS = {
    "csv": ("text/csv; charset=utf-8", exports.report_csv),
    "xlsx": (XLSX_CONTENT_TYPE, exports.report_xlsx),
    "pdf": ("application/pdf", exports.report_pdf),
}


def report_submit_with_figures(
    *, report: ReportSubmission, submitted_by, note: str = ""
) -> ReportSubmission:
    """Compute the report's figures now and submit them with it."""
    figures = project_figures(
        project=report.project, period=Period(report.period_start, report.period_end)
    )
    return report_submit(report=report, figures=figures, submitted_by=submitted_by, note=note)


@transaction.atomic
def report_export(
    *, report: ReportSubmission, figures: dict, fmt: str, exported_by
) -> tuple[bytes, str, str]:
    """An export of a report (small cells suppressed): bytes, content type and
    file name. Audited: exports leave the platform."""
    content_type, render = FORMATS[fmt]
    tables = report_tables(figures, suppress=True, course_titles=course_titles(figures=figures))
    view = _with_figures(report, figures)
    data = render(view, tables)
    audit_record(
        actor=exported_by,
        action="analytics.report_export",
        target=report,
        data={"format": fmt, "version": report.version, "status": report.status},
    )
    name = (
        f"{report.project.reference}_{report.period_start.isoformat()}_"
        f"{report.period_end.isoformat()}_v{report.version}.{fmt}"
    )
    return data, content_type, name


def _with_figures(report: ReportSubmission, figures: dict) -> ReportSubmission:
    # The exporters read report.figures; live figures of a draft are not saved.
    copy = ReportSubmission(
        pk=report.pk,
        project=report.project,
        period_start=report.period_start,
        period_end=report.period_end,
        version=report.version,
        status=report.status,
        figures=figures,
    )
    return copy
