"""Writes of partners/. Other apps and the partner API import from here."""

from partners.services.learners import LearnerInput, LearnerResult, learners_enrol
from partners.services.organisations import (
    membership_grant,
    membership_revoke,
    organisation_create,
)
from partners.services.reports import (
    ReportStateError,
    report_approve,
    report_create,
    report_new_version,
    report_return,
    report_submit,
)

__all__ = [
    "LearnerInput",
    "LearnerResult",
    "learners_enrol",
    "membership_grant",
    "membership_revoke",
    "organisation_create",
    "ReportStateError",
    "report_approve",
    "report_create",
    "report_new_version",
    "report_return",
    "report_submit",
]
