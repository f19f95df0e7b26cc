"""The report workflow: transitions, double submits, versions, audit."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEntry
from partners.models import ReportSubmission
from partners.services import (
    ReportStateError,
    report_approve,
    report_create,
    report_new_version,
    report_return,
    report_submit,
)
from partners.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)
FIGURES = {"totals": {"reached": 7}}


@pytest.fixture
def draft():
    return report_create(
        project=ProjectFactory(), period_start=START, period_end=END, created_by=None
    )


def test_create_opens_a_draft_version_one(draft):
    assert (draft.status, draft.version) == (ReportSubmission.Status.DRAFT, 1)


def test_creating_twice_for_the_same_period_returns_the_open_draft(draft):
    again = report_create(
        project=draft.project, period_start=START, period_end=END, created_by=None
    )

    assert again.pk == draft.pk
    assert ReportSubmission.objects.count() == 1


def test_a_period_outside_the_project_is_refused():
    project = ProjectFactory()

    with pytest.raises(ValidationError):
        report_create(
            project=project,
            period_start=datetime.date(2025, 12, 1),
            period_end=END,
            created_by=None,
        )


def test_submit_stores_the_figures(draft):
    report_submit(report=draft, figures=FIGURES, submitted_by=None, note="All good")

    draft.refresh_from_db()
    assert draft.status == ReportSubmission.Status.SUBMITTED
    assert draft.figures == FIGURES
    assert draft.partner_note == "All good"


def test_a_double_submit_counts_once(draft):
    stale = ReportSubmission.objects.get(pk=draft.pk)
    report_submit(report=draft, figures=FIGURES, submitted_by=None)

    with pytest.raises(ReportStateError):
        report_submit(report=stale, figures={"totals": {"reached": 99}}, submitted_by=None)

    assert ReportSubmission.objects.get(pk=draft.pk).figures == FIGURES
    assert AuditEntry.objects.filter(action="partners.report_submit").count() == 1


def test_a_draft_cannot_be_approved(draft):
    with pytest.raises(ReportStateError):
        report_approve(report=draft, reviewed_by=None)


def test_return_needs_a_comment(draft):
    report_submit(report=draft, figures=FIGURES, submitted_by=None)

    with pytest.raises(ValidationError):
        report_return(report=draft, reviewed_by=None, comment="  ")


def test_returned_report_is_corrected_and_resubmitted(draft):
    report_submit(report=draft, figures=FIGURES, submitted_by=None)
    report_return(report=draft, reviewed_by=None, comment="Add the June cohort")
    corrected = {"totals": {"reached": 9}}

    report_submit(report=draft, figures=corrected, submitted_by=None)

    draft.refresh_from_db()
    assert draft.status == ReportSubmission.Status.SUBMITTED
    assert draft.figures == corrected


def test_an_approved_report_cannot_be_submitted_again(draft):
    report_submit(report=draft, figures=FIGURES, submitted_by=None)
    report_approve(report=draft, reviewed_by=None)

    with pytest.raises(ReportStateError):
        report_submit(report=draft, figures={"totals": {"reached": 1}}, submitted_by=None)
    assert ReportSubmission.objects.get(pk=draft.pk).figures == FIGURES


def test_approving_twice_changes_the_report_once(draft):
    report_submit(report=draft, figures=FIGURES, submitted_by=None)
    report_approve(report=draft, reviewed_by=None)

    with pytest.raises(ReportStateError):
        report_return(report=draft, reviewed_by=None, comment="Too late")
    assert AuditEntry.objects.filter(action="partners.report_approve").count() == 1


def test_a_new_version_after_approval_keeps_the_approved_one(draft):
    report_submit(report=draft, figures=FIGURES, submitted_by=None)
    report_approve(report=draft, reviewed_by=None)

    second = report_new_version(report=draft, created_by=None)

    assert (second.version, second.status) == (2, ReportSubmission.Status.DRAFT)
    draft.refresh_from_db()
    assert (draft.status, draft.figures) == (ReportSubmission.Status.APPROVED, FIGURES)


def test_no_new_version_of_a_report_not_yet_approved(draft):
    with pytest.raises(ReportStateError):
        report_new_version(report=draft, created_by=None)


def test_every_transition_is_audited(draft):
    report_submit(report=draft, figures=FIGURES, submitted_by=None)
    report_return(report=draft, reviewed_by=None, comment="Fix")
    report_submit(report=draft, figures=FIGURES, submitted_by=None)
    report_approve(report=draft, reviewed_by=None)

    actions = list(
        AuditEntry.objects.filter(target_id=str(draft.pk), target_type="partners.reportsubmission")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "partners.report_create",
        "partners.report_submit",
        "partners.report_return",
        "partners.report_submit",
        "partners.report_approve",
    ]
