"""Writes of partners/. Other apps and the partner API import from here."""

from partners.services.api_tokens import (
    TokenCheck,
    TokenNameTaken,
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
)
from partners.services.cohorts import cohort_create
from partners.services.imports import (
    ImportRefused,
    course_choices,
    import_batch_commit,
    import_batch_commit_request,
    import_batch_create,
    import_batch_map,
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
from partners.services.reports import (
    ReportStateError,
    report_approve,
    report_create,
    report_new_version,
    report_return,
    report_submit,
)
from partners.services.webhooks import (
    WebhookExists,
    WebhookUrlError,
    webhook_delivery_redeliver,
    webhook_endpoint_create,
    webhook_endpoint_delete,
    webhook_event_emit,
)
from partners.services.welcomes import import_welcomes_release, import_welcomes_send

__all__ = [
    "ImportRefused",
    "LearnerInput",
    "LearnerResult",
    "TokenCheck",
    "TokenNameTaken",
    "WebhookExists",
    "WebhookUrlError",
    "api_token_authenticate",
    "api_token_create",
    "api_token_revoke",
    "cohort_create",
    "cohort_outcomes_record",
    "import_batch_commit",
    "import_batch_commit_request",
    "course_choices",
    "import_batch_create",
    "import_batch_map",
    "import_batch_progress",
    "import_batch_validate",
    "import_welcomes_release",
    "import_welcomes_send",
    "learner_situation_record",
    "learners_enrol",
    "membership_grant",
    "membership_revoke",
    "organisation_create",
    "outcome_record",
    "webhook_delivery_redeliver",
    "webhook_endpoint_create",
    "webhook_endpoint_delete",
    "webhook_event_emit",
    "ReportStateError",
    "report_approve",
    "report_create",
    "report_new_version",
    "report_return",
    "report_submit",
]
