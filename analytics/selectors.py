"""Reads for reports and the fund dashboard."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from analytics.reports import Period, progress, project_figures
from analytics.snapshots import snapshot_figures
from courses.models import CoursePage
from partners.models import Programme, Project, ReportSubmission


def report_figures(*, report: ReportSubmission) -> dict:
    """The figures of a report: the stored ones once it has been sent (never
    recomputed), else computed now for its period."""
    if report.figures is not None and report.status in (
        ReportSubmission.Status.SUBMITTED,
        ReportSubmission.Status.APPROVED,
    ):
        return report.figures
    return project_figures(
        project=report.project, period=Period(report.period_start, report.period_end)
    )


def fund_view_figures(*, report: ReportSubmission) -> dict:
    """What the fund reviews: the figures as submitted (also after a return)."""
    if report.figures is not None:
        return report.figures
    return report_figures(report=report)


def course_titles(*, figures: dict) -> dict[str, str]:
    keys = {row["course_key"] for row in figures["targets"] if row["course_key"]}
    if not keys:
        return {}
    return {
        str(key): title
        for key, title in CoursePage.objects.filter(translation_key__in=keys)
        .order_by("pk")
        .values_list("translation_key", "title")
    }


def project_reports(*, project: Project) -> QuerySet[ReportSubmission]:
    return project.reports.order_by("-period_end", "-period_start", "-version")


def reports_to_review() -> QuerySet[ReportSubmission]:
    return (
        ReportSubmission.objects.filter(status=ReportSubmission.Status.SUBMITTED)
        .select_related("project__organisation")
        .order_by("submitted_at")
    )


def fund_reports(*, project: Project) -> QuerySet[ReportSubmission]:
    return project_reports(project=project).exclude(status=ReportSubmission.Status.DRAFT)


def programmes() -> QuerySet[Programme]:
    return Programme.objects.order_by("-year", "name")


def dashboard_projects(
    *, programme: Programme | None = None, region: str = "", target_group: str = ""
) -> tuple[list[dict], datetime.datetime | None]:
    """Every project matching the filters with its progress to date (learners
    reached since the start against the elapsed share of its period), read from
    the projects' snapshots, and when the oldest of them was computed."""
    projects = Project.objects.all()
    if programme is not None:
        projects = projects.filter(programme=programme)
    if region:
        projects = projects.filter(region=region)
    if target_group:
        projects = projects.filter(targets__target_group=target_group).distinct()
    ids = list(projects.values_list("pk", flat=True))
    figures, as_of = snapshot_figures(project_ids=ids)
    rows = []
    for pk, project_figures_ in figures.items():
        headline = progress(project_figures_)
        if target_group:
            target = next(
                (
                    t
                    for t in project_figures_["targets"]
                    if t["target_group"] == target_group and not t["course_key"]
                ),
                None,
            )
            if target is not None:
                reached, planned = target["learners"], target["learners_target"]
                share = reached / planned if planned else None
                headline = {
                    **headline,
                    "reached": reached,
                    "target": planned,
                    "share": share,
                    "behind": share is not None and share < headline["elapsed"] - 0.10,
                }
        rows.append({"figures": project_figures_, "progress": headline, "id": pk})
    rows.sort(key=lambda r: (not r["progress"]["behind"], r["figures"]["project"]["name"]))
    return rows, as_of


def default_period(project: Project, today: datetime.date | None = None):
    """The period a new report proposes: the project start to today (or its end)."""
    today = today or timezone.localdate()
    return project.starts_on, max(project.starts_on, min(today, project.ends_on))


# --- fee waivers: what the fund waived per project (read from payments) --------


def project_waived(*, project: Project, start: datetime.date | None, end: datetime.date) -> dict:
    """Fee waivers of `project` in the period as the fund sees them: issued
    (codes, not people: shown as counted), used (people: "<5" under 5, 0 included,
    as every count of people in a fund view) and the value waived (the sum of the
    used waivers' value, hidden with the count it comes from)."""
    from analytics.suppression import count_cell, is_small
    from payments.selectors.waivers import project_waiver_totals

    totals = project_waiver_totals(project=project, start=start, end=end)
    hidden = is_small(totals["used"])
    return {
        "issued": totals["issued"],
        "used": count_cell(totals["used"], suppress=True),
        "waived_cents": None if hidden else totals["waived_cents"],
        "start": start,
        "end": end,
    }
