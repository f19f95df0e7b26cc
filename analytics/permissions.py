"""Who may see and do what with reports. Partner staff with the manager or
reporter role work on their own organisation's reports; fund officers read
every project and review submitted reports, never drafts. Objects outside the
caller's reach are 404, so that their existence is not revealed."""

from django.http import Http404

from partners.models import Organisation, Project, ReportSubmission
from partners.permissions import (
    REPORT_ROLES,
    access_organisation,
    access_project,
    require_fund_officer,
)


def access_reporting_organisation(user, slug: str) -> Organisation:
    """An organisation where `user` may write reports."""
    return access_organisation(user, slug, roles=REPORT_ROLES)


def access_partner_project(user, slug: str, project_id: int) -> Project:
    organisation = access_reporting_organisation(user, slug)
    return access_project(user, organisation, project_id)


def access_partner_report(user, slug: str, report_id: int) -> ReportSubmission:
    organisation = access_reporting_organisation(user, slug)
    report = (
        ReportSubmission.objects.select_related("project__organisation", "project__programme")
        .filter(pk=report_id, project__organisation=organisation)
        .first()
    )
    if report is None:
        raise Http404
    return report


def access_fund_project(user, project_id: int) -> Project:
    require_fund_officer(user)
    project = (
        Project.objects.select_related("organisation", "programme").filter(pk=project_id).first()
    )
    if project is None:
        raise Http404
    return project


def access_fund_report(user, report_id: int) -> ReportSubmission:
    """A report sent to the fund (drafts stay with the partner)."""
    require_fund_officer(user)
    report = (
        ReportSubmission.objects.select_related("project__organisation", "project__programme")
        .filter(pk=report_id)
        .exclude(status=ReportSubmission.Status.DRAFT)
        .first()
    )
    if report is None:
        raise Http404
    return report
