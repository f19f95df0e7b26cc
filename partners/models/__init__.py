"""Partner side of the platform: organisations and their staff, DBSF funding,
the learners a partner enrols and their cohorts, and outcomes.

Written only by `partners.services`; read through `partners.selectors`.
"""

from partners.models.api import (
    ApiToken,
    Scope,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from partners.models.funding import Programme, Project, ProjectTarget
from partners.models.imports import ImportBatch, ImportMapping, ImportRow
from partners.models.learners import (
    Cohort,
    CohortCourse,
    CohortMember,
    LearnerTargetGroup,
    Outcome,
    PartnerLearner,
)
from partners.models.organisations import Membership, Organisation
from partners.models.reports import ReportSubmission
from partners.models.vocabulary import Gender, Region, Situation, TargetGroup
from partners.models.welcomes import ImportRelease, ImportWelcome

__all__ = [
    "ApiToken",
    "Scope",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEvent",
    "Cohort",
    "CohortCourse",
    "CohortMember",
    "Gender",
    "ImportBatch",
    "ImportMapping",
    "ImportRelease",
    "ImportRow",
    "ImportWelcome",
    "LearnerTargetGroup",
    "Membership",
    "Organisation",
    "Outcome",
    "PartnerLearner",
    "Programme",
    "Project",
    "ProjectTarget",
    "Region",
    "ReportSubmission",
    "Situation",
    "TargetGroup",
]
