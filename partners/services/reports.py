"""The report workflow: draft -> submitted -> approved, or submitted ->
returned -> submitted again; an approved report is frozen and a correction is
a new version. Every transition is one conditional UPDATE (so that a double
click or two officers at once change a report once) and one audit row.

The figures are computed by analytics and handed in at submission; they are
stored with the report and never recomputed afterwards."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from partners.models import Project, ReportSubmission

Status = ReportSubmission.Status


class ReportStateError(Exception):
    """The report is no longer in the state the action needs (already
    submitted, approved, returned...): nothing was changed."""


def _open_report(project, period_start, period_end):
    return (
        ReportSubmission.objects.filter(
            project=project, period_start=period_start, period_end=period_end
        )
        .exclude(status=Status.APPROVED)
        .first()
    )


def _validate_period(project: Project, period_start, period_end) -> None:
    if period_end < period_start:
        raise ValidationError(_("The period ends before it starts."), code="period_order")
    if period_start < project.starts_on or period_end > project.ends_on:
        raise ValidationError(
            _("The period must lie within the project period (%(start)s to %(end)s).")
            % {"start": project.starts_on.isoformat(), "end": project.ends_on.isoformat()},
            code="period_outside",
        )


def report_create(
    *, project: Project, period_start: datetime.date, period_end: datetime.date, created_by
) -> ReportSubmission:
    """Open a draft for a period, or return the one already open for it (so a
    double submit of the form creates one draft). After an approved version,
    this opens the next version."""
    _validate_period(project, period_start, period_end)
    existing = _open_report(project, period_start, period_end)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            last = ReportSubmission.objects.filter(
                project=project, period_start=period_start, period_end=period_end
            ).aggregate(v=Max("version"))["v"]
            report = ReportSubmission.objects.create(
                project=project,
                period_start=period_start,
                period_end=period_end,
                version=(last or 0) + 1,
                created_by=created_by,
            )
            audit_record(
                actor=created_by,
                action="partners.report_create",
                target=report,
                data={"version": report.version},
            )
            return report
    except IntegrityError:
        # Someone opened it at the same moment: theirs is the one.
        existing = _open_report(project, period_start, period_end)
        if existing is None:
            raise
        return existing


def _transition(report, *, allowed, action, actor, data=None, **changes) -> ReportSubmission:
    with transaction.atomic():
        changed = ReportSubmission.objects.filter(pk=report.pk, status__in=allowed).update(
            **changes
        )
        if not changed:
            raise ReportStateError(action)
        report.refresh_from_db()
        audit_record(actor=actor, action=action, target=report, data=data or {})
    return report


def report_submit(
    *, report: ReportSubmission, figures: dict, submitted_by, note: str = ""
) -> ReportSubmission:
    """Send a draft or returned report to the fund with its figures."""
    return _transition(
        report,
        allowed=[Status.DRAFT, Status.RETURNED],
        action="partners.report_submit",
        actor=submitted_by,
        data={"version": report.version},
        status=Status.SUBMITTED,
        figures=figures,
        partner_note=note,
        submitted_by=submitted_by,
        submitted_at=timezone.now(),
    )


def report_return(*, report: ReportSubmission, reviewed_by, comment: str) -> ReportSubmission:
    """Send a submitted report back to the partner with the officer's comments."""
    if not comment.strip():
        raise ValidationError(_("Say what the partner has to correct."), code="comment_required")
    return _transition(
        report,
        allowed=[Status.SUBMITTED],
        action="partners.report_return",
        actor=reviewed_by,
        data={"version": report.version},
        status=Status.RETURNED,
        review_comment=comment.strip(),
        reviewed_by=reviewed_by,
        reviewed_at=timezone.now(),
    )


def report_approve(*, report: ReportSubmission, reviewed_by, comment: str = "") -> ReportSubmission:
    """Approve a submitted report: its figures are frozen from now on."""
    return _transition(
        report,
        allowed=[Status.SUBMITTED],
        action="partners.report_approve",
        actor=reviewed_by,
        data={"version": report.version},
        status=Status.APPROVED,
        review_comment=comment.strip(),
        reviewed_by=reviewed_by,
        reviewed_at=timezone.now(),
    )


def report_new_version(*, report: ReportSubmission, created_by) -> ReportSubmission:
    """Open the next version of an approved report (the approved one stays)."""
    if report.status != Status.APPROVED:
        raise ReportStateError("partners.report_new_version")
    return report_create(
        project=report.project,
        period_start=report.period_start,
        period_end=report.period_end,
        created_by=created_by,
    )
