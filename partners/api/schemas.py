"""Request and response bodies of the partner API (the OpenAPI document is
generated from them)."""

import datetime
import uuid
from typing import Literal

from ninja import Schema
from pydantic import Field

from partners.models import Gender, Situation, TargetGroup, WebhookEvent
from partners.models.api import WebhookDelivery


class ErrorDetail(Schema):
    loc: list[str] = []
    index: int | None = None
    field: str | None = None
    message: str


class ErrorBody(Schema):
    code: str = Field(description="Stable, for programs: e.g. not_found, insufficient_scope.")
    message: str = Field(description="For people, in the language of Accept-Language.")
    details: list[ErrorDetail] = []


class ErrorOut(Schema):
    error: ErrorBody


ERRORS = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    422: ErrorOut,
    429: ErrorOut,
}


class LearnerIn(Schema):
    external_id: str = Field(min_length=1, max_length=64, description="Your own learner id.")
    first_name: str = Field(min_length=1, max_length=100)
    last_name: str = Field("", max_length=100)
    email: str = Field("", max_length=254, description="Empty: the learner gets a login card.")
    language: Literal["nl", "fr", "de", "en"] = "nl"
    birth_date: datetime.date | None = None
    gender: Gender = Gender.UNKNOWN
    postcode: str = Field("", max_length=10, description="A Belgian postcode (4 digits).")
    situation: Situation = Situation.UNKNOWN
    target_groups: list[TargetGroup] = []


class LearnersIn(Schema):
    cohort_id: int | None = Field(
        None, description="Enrol them in this cohort's courses (one of your cohorts)."
    )
    learners: list[LearnerIn] = Field(min_length=1, max_length=500)


class LearnerResultOut(Schema):
    index: int
    external_id: str
    created: bool = Field(description="False when the learner was known and updated.")
    enrolments: int = Field(description="Courses the learner is enrolled in by this call.")


class LearnersOut(Schema):
    created: int
    updated: int
    results: list[LearnerResultOut]


class CohortOut(Schema):
    id: int
    name: str
    project_reference: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    course_keys: list[uuid.UUID]
    learners: int


class CohortPage(Schema):
    next: str | None
    results: list[CohortOut]


class CourseProgressOut(Schema):
    course_key: uuid.UUID
    status: Literal["not_enrolled", "active", "completed", "cancelled"]
    progress_percent: int
    completed_at: datetime.datetime | None
    certified: bool
    certificate_code: str | None


class LearnerProgressOut(Schema):
    external_id: str
    first_name: str
    last_name: str
    courses: list[CourseProgressOut]


class ProgressPage(Schema):
    cohort_id: int
    next: str | None
    results: list[LearnerProgressOut]


class OutcomeIn(Schema):
    situation: Situation


class OutcomeOut(Schema):
    external_id: str
    point: Literal["3m", "6m"]
    situation: Situation
    recorded_at: datetime.datetime


class CertificateOut(Schema):
    code: str
    external_id: str | None
    course_key: uuid.UUID
    course_title: str
    issued_at: datetime.datetime = Field(
        description="With the Brussels offset, e.g. 2026-07-15T01:30:00+02:00."
    )
    issued_on: datetime.date = Field(
        description="The date of issue printed on the certificate (Brussels)."
    )
    expires_at: datetime.datetime | None = Field(description="With the Brussels offset.")
    valid_until: datetime.date | None = Field(
        description="The last day printed on the certificate (Brussels), if it expires."
    )
    status: Literal["valid", "expired", "revoked", "replaced", "withdrawn"]
    verification_url: str


class CertificatePage(Schema):
    next: str | None
    results: list[CertificateOut]


class WebhookIn(Schema):
    url: str = Field(max_length=500, description="https:// address of your receiver.")
    events: list[WebhookEvent] = Field(min_length=1)


class WebhookOut(Schema):
    id: int
    url: str
    events: list[WebhookEvent]
    active: bool
    created_at: datetime.datetime


class WebhookCreatedOut(WebhookOut):
    secret: str = Field(description="Signs every delivery; shown only now.")


class DeliveryOut(Schema):
    id: int
    event_id: uuid.UUID
    event_type: WebhookEvent
    status: WebhookDelivery.Status
    attempts: int
    last_response_code: int | None
    next_attempt_at: datetime.datetime | None
    delivered_at: datetime.datetime | None
    created_at: datetime.datetime


class DeliveryPage(Schema):
    next: str | None
    results: list[DeliveryOut]
