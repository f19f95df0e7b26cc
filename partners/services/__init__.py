"""Writes of partners/. Other apps and the partner API import from here."""

from partners.services.cohorts import cohort_create
from partners.services.imports import (
    ImportRefused,
    import_batch_commit,
    import_batch_commit_request,
    import_batch_create,
    import_batch_progress,
    import_batch_validate,
)
from partners.services.learners import LearnerInput, LearnerResult, learners_enrol
from partners.services.organisations import (
    membership_grant,
    membership_revoke,
    organisation_create,
)
from partners.services.outcomes import (
    cohort_outcomes_record,
    learner_situation_record,
    outcome_record,
)

__all__ = [
    "ImportRefused",
    "cohort_create",
    "cohort_outcomes_record",
    "import_batch_commit",
    "import_batch_commit_request",
    "import_batch_create",
    "import_batch_progress",
    "import_batch_validate",
    "LearnerInput",
    "LearnerResult",
    "learner_situation_record",
    "learners_enrol",
    "membership_grant",
    "membership_revoke",
    "organisation_create",
    "outcome_record",
]
