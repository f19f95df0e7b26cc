"""Writes of partners/. Other apps and the partner API import from here."""

from partners.services.learners import LearnerInput, LearnerResult, learners_enrol
from partners.services.organisations import (
    membership_grant,
    membership_revoke,
    organisation_create,
)

__all__ = [
    "LearnerInput",
    "LearnerResult",
    "learners_enrol",
    "membership_grant",
    "membership_revoke",
    "organisation_create",
]
