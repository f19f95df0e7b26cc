"""Writes of partners/. Other apps and the partner API import from here."""

from partners.services.api_tokens import (
    TokenCheck,
    TokenNameTaken,
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
)
from partners.services.learners import LearnerInput, LearnerResult, learners_enrol
from partners.services.organisations import (
    membership_grant,
    membership_revoke,
    organisation_create,
)
from partners.services.outcomes import outcome_record
from partners.services.webhooks import (
    WebhookExists,
    WebhookUrlError,
    webhook_delivery_redeliver,
    webhook_endpoint_create,
    webhook_endpoint_delete,
    webhook_event_emit,
)

__all__ = [
    "LearnerInput",
    "LearnerResult",
    "TokenCheck",
    "TokenNameTaken",
    "WebhookExists",
    "WebhookUrlError",
    "api_token_authenticate",
    "api_token_create",
    "api_token_revoke",
    "learners_enrol",
    "membership_grant",
    "membership_revoke",
    "organisation_create",
    "outcome_record",
    "webhook_delivery_redeliver",
    "webhook_endpoint_create",
    "webhook_endpoint_delete",
    "webhook_event_emit",
]
