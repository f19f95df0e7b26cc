"""Writes of partners/. Other apps and the partner API import from here."""

from partners.services.learners import LearnerInput, LearnerResult, learners_enrol
from partners.services.organisations import (
    membership_grant,
    membership_revoke,
    organisation_create,
)
from partners.services.outcomes import learner_situation_record, outcome_record

__all__ = [
    "LearnerInput",
    "LearnerResult",
    "learner_situation_record",
    "learners_enrol",
    "membership_grant",
    "membership_revoke",
    "organisation_create",
    "outcome_record",
]
