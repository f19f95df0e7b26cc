"""Fee-waiver pages: a fund officer's page per funded project (issue waivers
for a course, see issued and used counts and the codes) and a partner
cohort's page (one waiver per member, redeemed for them). Thin: parse ->
access_* -> one service or selector -> render."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from payments.forms_waivers import CohortWaiverForm, WaiverIssueForm
from payments.permissions import access_cohort_waivers, access_fund_waiver_project
from payments.selectors.prices import course_choices, course_titles_by_key
from payments.selectors.waivers import (
    project_waiver_totals,
    project_waivers,
    waiver_summary_by_course,
)
from payments.services.waivers import cohort_fee_waivers_issue, fee_waivers_issue


def _with_titles(rows: list[dict]) -> list[dict]:
    titles = course_titles_by_key(keys={row["course_key"] for row in rows})
    for row in rows:
        row["title"] = titles.get(str(row["course_key"]), str(row["course_key"]))
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def fund_project_waivers(request: HttpRequest, project_id: int) -> HttpResponse:
    """Issue fee waivers for a funded project; its waivers by course, and codes."""
    project = access_fund_waiver_project(request.user, project_id)
    courses = course_choices(certificate_only=True)
    form = WaiverIssueForm(request.POST or None, courses=courses)
    if request.method == "POST" and form.is_valid():
        vouchers = fee_waivers_issue(
            organisation=project.organisation,
            project=project,
            course_key=UUID(form.cleaned_data["course_key"]),
            count=form.cleaned_data["count"],
            issued_by=request.user,
            expires_at=form.expires_at(),
        )
        messages.success(
            request,
            ngettext(
                "%(count)d fee waiver was issued.",
                "%(count)d fee waivers were issued.",
                len(vouchers),
            )
            % {"count": len(vouchers)},
        )
        return redirect("payments:fund_project_waivers", project_id=project.pk)
    summary = _with_titles(waiver_summary_by_course(project=project))
    titles = {str(row["course_key"]): row["title"] for row in summary}
    waivers = list(project_waivers(project=project))
    for waiver in waivers:
        waiver.course_title = titles.get(str(waiver.course_key), str(waiver.course_key))
    return render(
        request,
        "payments/waivers_fund_project.html",
        {
            "project": project,
            "form": form,
            "summary": summary,
            "totals": project_waiver_totals(project=project),
            "waivers": waivers,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def cohort_waivers(request: HttpRequest, slug: str, cohort_id: int) -> HttpResponse:
    """Give every member of a cohort a fee waiver for one of its courses."""
    cohort = access_cohort_waivers(request.user, slug, cohort_id)
    keys = {str(key) for key in cohort.courses.values_list("course_key", flat=True)}
    courses = [(key, title) for key, title in course_choices(certificate_only=True) if key in keys]
    form = CohortWaiverForm(request.POST or None, courses=courses)
    if request.method == "POST" and form.is_valid():
        vouchers = cohort_fee_waivers_issue(
            cohort=cohort,
            course_key=UUID(form.cleaned_data["course_key"]),
            issued_by=request.user,
        )
        if vouchers:
            messages.success(
                request,
                ngettext(
                    "%(count)d member received a fee waiver.",
                    "%(count)d members received a fee waiver.",
                    len(vouchers),
                )
                % {"count": len(vouchers)},
            )
        else:
            messages.info(
                request, _("Every member already has a waiver or a settled fee for this course.")
            )
        return redirect("payments:cohort_waivers", slug=slug, cohort_id=cohort.pk)
    return render(
        request,
        "payments/waivers_cohort.html",
        {
            "organisation": cohort.project.organisation,
            "cohort": cohort,
            "form": form,
            "members": cohort.members.count(),
            "summary": _with_titles(waiver_summary_by_course(cohort=cohort)),
        },
        status=400 if form.errors else 200,
    )
