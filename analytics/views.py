"""Report pages for partner staff and the fund officer's dashboard, under
/<lang>/fund/. Thin: parse -> access_* -> one service or selector -> render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from analytics import selectors, services
from analytics.forms import DashboardFilterForm, PeriodForm, ReviewForm, SubmitForm
from analytics.permissions import (
    access_fund_project,
    access_fund_report,
    access_partner_project,
    access_partner_report,
    access_reporting_organisation,
)
from analytics.presenters import dashboard_rows, display_tables, report_tables
from analytics.reports import Period, progress, project_figures
from partners.models import ReportSubmission
from partners.permissions import require_fund_officer
from partners.services import (
    ReportStateError,
    report_approve,
    report_create,
    report_new_version,
    report_return,
)

Status = ReportSubmission.Status


def _tables(figures: dict, *, suppress: bool) -> list[dict]:
    titles = selectors.course_titles(figures=figures)
    return display_tables(report_tables(figures, suppress=suppress, course_titles=titles))


# --- partner side ---------------------------------------------------------------


@login_required
def partner_projects(request: HttpRequest, slug: str) -> HttpResponse:
    """The organisation's funded projects, each with its reports."""
    organisation = access_reporting_organisation(request.user, slug)
    projects = organisation.projects.select_related("programme").order_by("name")
    return render(
        request,
        "analytics/partner_projects.html",
        {"organisation": organisation, "projects": projects},
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_reports(request: HttpRequest, slug: str, project_id: int) -> HttpResponse:
    """A project's reports, and the form that opens a draft for a period."""
    project = access_partner_project(request.user, slug, project_id)
    if request.method == "POST":
        form = PeriodForm(request.POST)
        if form.is_valid():
            try:
                report = report_create(
                    project=project,
                    period_start=form.cleaned_data["period_start"],
                    period_end=form.cleaned_data["period_end"],
                    created_by=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("analytics:partner_report", slug=slug, report_id=report.pk)
    else:
        start, end = selectors.default_period(project)
        form = PeriodForm(initial={"period_start": start, "period_end": end})
    return render(
        request,
        "analytics/partner_reports.html",
        {
            "organisation": project.organisation,
            "project": project,
            "reports": selectors.project_reports(project=project),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_report(request: HttpRequest, slug: str, report_id: int) -> HttpResponse:
    """One report as the partner sees it (own figures, not suppressed); submit
    it, or open a new version once approved."""
    report = access_partner_report(request.user, slug, report_id)
    form = SubmitForm()
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "submit":
                form = SubmitForm(request.POST)
                if form.is_valid():
                    services.report_submit_with_figures(
                        report=report, submitted_by=request.user, note=form.cleaned_data["note"]
                    )
                    messages.success(request, _("The report was sent to the fund."))
                    return redirect("analytics:partner_report", slug=slug, report_id=report.pk)
            elif action == "new_version":
                new = report_new_version(report=report, created_by=request.user)
                messages.success(request, _("A new version of the report is open."))
                return redirect("analytics:partner_report", slug=slug, report_id=new.pk)
            else:
                return HttpResponse(status=400)
        except ReportStateError:
            messages.info(request, _("This report has already moved on; nothing was changed."))
            return redirect("analytics:partner_report", slug=slug, report_id=report.pk)
    figures = selectors.report_figures(report=report)
    return render(
        request,
        "analytics/partner_report.html",
        {
            "organisation": report.project.organisation,
            "project": report.project,
            "report": report,
            "figures": figures,
            "tables": _tables(figures, suppress=False),
            "form": form,
            "export_base": reverse(
                "analytics:partner_export",
                kwargs={"slug": slug, "report_id": report.pk, "fmt": "csv"},
            )[: -len("csv")],
        },
        status=400 if form.errors else 200,
    )


@login_required
def partner_export(request: HttpRequest, slug: str, report_id: int, fmt: str) -> HttpResponse:
    report = access_partner_report(request.user, slug, report_id)
    return _export(request, report, selectors.report_figures(report=report), fmt)


def _export(request, report, figures, fmt) -> HttpResponse:
    if fmt not in services.FORMATS:
        raise Http404
    data, content_type, name = services.report_export(
        report=report, figures=figures, fmt=fmt, exported_by=request.user
    )
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- fund side ------------------------------------------------------------------


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Every project against its targets, filtered by call, region and target
    group, with the reports waiting for review. Figures are suppressed."""
    require_fund_officer(request.user)
    form = DashboardFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows, as_of = selectors.dashboard_projects(
        programme=filters.get("programme"),
        region=filters.get("region", ""),
        target_group=filters.get("target_group", ""),
    )
    shown = dashboard_rows(rows, target_group=filters.get("target_group", ""))
    chart, totals = shown["chart"], shown["totals"]
    chart["names"] = {"reached": _("Target reached (%)"), "elapsed": _("Period elapsed (%)")}
    return render(
        request,
        "analytics/dashboard.html",
        {
            "form": form,
            "rows": rows,
            "chart": chart,
            "to_review": selectors.reports_to_review(),
            "as_of": as_of,
            "behind_count": sum(1 for r in rows if r["progress"]["behind"]),
            "totals": totals,
        },
    )


@login_required
def fund_project(request: HttpRequest, project_id: int) -> HttpResponse:
    """A project's figures to date (suppressed) and its reports."""
    project = access_fund_project(request.user, project_id)
    _start, end = selectors.default_period(project)
    figures = project_figures(project=project, period=Period(None, end))
    return render(
        request,
        "analytics/fund_project.html",
        {
            "project": project,
            "figures": figures,
            "progress": progress(figures),
            "tables": _tables(figures, suppress=True),
            "reports": selectors.fund_reports(project=project),
            "waived": selectors.project_waived(project=project, start=None, end=end),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def fund_report(request: HttpRequest, report_id: int) -> HttpResponse:
    """A submitted report to review: approve it or return it with comments."""
    report = access_fund_report(request.user, report_id)
    form = ReviewForm()
    if request.method == "POST":
        form = ReviewForm(request.POST)
        if form.is_valid():
            try:
                if form.cleaned_data["decision"] == "approve":
                    report_approve(
                        report=report,
                        reviewed_by=request.user,
                        comment=form.cleaned_data["comment"],
                    )
                    messages.success(request, _("The report is approved."))
                else:
                    report_return(
                        report=report,
                        reviewed_by=request.user,
                        comment=form.cleaned_data["comment"],
                    )
                    messages.success(request, _("The report was returned to the partner."))
            except ReportStateError:
                messages.info(request, _("This report has already moved on; nothing was changed."))
            return redirect("analytics:fund_report", report_id=report.pk)
    figures = selectors.fund_view_figures(report=report)
    return render(
        request,
        "analytics/fund_report.html",
        {
            "project": report.project,
            "report": report,
            "figures": figures,
            "tables": _tables(figures, suppress=True),
            "form": form,
            "can_review": report.status == Status.SUBMITTED,
            "waived": selectors.project_waived(
                project=report.project, start=report.period_start, end=report.period_end
            ),
            "export_base": reverse(
                "analytics:fund_export", kwargs={"report_id": report.pk, "fmt": "csv"}
            )[: -len("csv")],
        },
        status=400 if form.errors else 200,
    )


@login_required
def fund_export(request: HttpRequest, report_id: int, fmt: str) -> HttpResponse:
    report = access_fund_report(request.user, report_id)
    return _export(request, report, selectors.fund_view_figures(report=report), fmt)
