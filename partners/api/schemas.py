"""Request and response bodies of the partner API (the OpenAPI document is
generated from them)."""

import datetime
import uuid
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import ConfigDict, Field, StrictInt, model_validator
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import PydanticCustomError

from partners.api.vocabulary import (
    BirthDate,
    Email,
    ExternalId,
    GenderWord,
    Language,
    Postcode,
    SituationWord,
    TargetGroupWord,
    Text,
    has_control_character,
)
from partners.models import Gender, Scope, Situation, TargetGroup, WebhookEvent
from partners.models.api import WebhookDelivery
from partners.selectors import emails_taken_for_new_learners


class ProblemItem(Schema):
    row: int | None = Field(
        None, description="Index of the item in a bulk request (`learners`), from 0."
    )
    field: str | None = Field(
        None,
        description="The field inside the item (or the body), e.g. `email`, `target_groups.1`.",
    )
    pointer: str | None = Field(
        None, description="JSON Pointer (RFC 6901) into the request body, e.g. `/learners/1/email`."
    )
    parameter: str | None = Field(None, description="The query or path parameter, e.g. `offset`.")
    code: str = Field(
        description=(
            "Stable, for programs: required, unknown_field, wrong_type, invalid_choice, "
            "invalid_date, invalid_email, invalid_postcode, national_number, duplicate_id, "
            "control_character, "
            "duplicate_email, email_taken, too_long, too_short, too_small, too_large, invalid."
        )
    )
    message: str = Field(description="For people, in the language of Accept-Language.")


class LegacyDetail(Schema):
    loc: list[str] = []
    index: int | None = None
    field: str | None = None
    message: str


class LegacyError(Schema):
    code: str
    message: str
    details: list[LegacyDetail] = []


class ProblemOut(Schema):
    """RFC 9457 problem details, sent as application/problem+json for every error."""

    type: str = Field(description="tag:digiskills.be,2026:problem:<code>")
    title: str = Field(description="The HTTP status phrase.")
    status: int
    code: str = Field(
        description=(
            "Stable, for programs: e.g. invalid, invalid_parameter, not_found, "
            "insufficient_scope, rate_limited, conflict (retry), method_not_allowed."
        )
    )
    detail: str = Field(description="For people, in the language of Accept-Language.")
    errors: list[ProblemItem] = Field(
        [], description="Every problem of the request at once, each with its row and field."
    )
    error: LegacyError = Field(
        description="Deprecated: the error body of v1 before problem details, same content."
    )


ERRORS = {
    400: ProblemOut,
    401: ProblemOut,
    403: ProblemOut,
    404: ProblemOut,
    405: ProblemOut,
    409: ProblemOut,
    413: ProblemOut,
    415: ProblemOut,
    422: ProblemOut,
    429: ProblemOut,
    500: ProblemOut,
}


class StrictIn(Schema):
    """A request body: a field the API does not know is refused, not ignored."""

    model_config = ConfigDict(extra="forbid")


class LearnerIn(StrictIn):
    external_id: ExternalId = Field(
        min_length=1,
        max_length=64,
        description=(
            "Your own learner id. A national register (INSZ/NISS) or BIS number is "
            "refused: it may not be used as an id here."
        ),
    )
    first_name: Text = Field(min_length=1, max_length=100)
    last_name: Text = Field("", max_length=100)
    email: Email = Field("", max_length=254, description="Empty: the learner gets a login card.")
    language: Language = "nl"
    birth_date: BirthDate = None
    gender: GenderWord = Gender.UNKNOWN.value
    postcode: Postcode = Field("", max_length=10, description="A Belgian postcode (4 digits).")
    situation: SituationWord = Situation.UNKNOWN.value
    target_groups: list[TargetGroupWord] = Field([], max_length=len(TargetGroup.values) * 4)


class LearnersIn(StrictIn):
    cohort_id: StrictInt | None = Field(
        None, description="Enrol them in this cohort's courses (one of your cohorts)."
    )
    learners: list[LearnerIn] = Field(min_length=1, max_length=500)

    @model_validator(mode="wrap")
    @classmethod
    def _every_problem_at_once(cls, data, handler, info):
        """Problems between items (the same id or e-mail twice) and with the
        database (an e-mail of another account) are reported with the
        problems of each item, in one answer."""
        problems = []
        try:
            result = handler(data)
        except PydanticValidationError as error:
            problems = error.errors(include_url=False)
            result = None
        problems.extend(_between_items(data, (info.context or {}).get("request")))
        if problems:
            raise PydanticValidationError.from_exception_data(
                cls.__name__,
                [
                    {
                        # Kept as they came (type, message, context) for
                        # partners.api.errors to translate.
                        "type": PydanticCustomError(
                            p["type"],
                            p["msg"].replace("{", "(").replace("}", ")"),
                            {k: v for k, v in (p.get("ctx") or {}).items() if k != "error"},
                        ),
                        "loc": tuple(p["loc"]),
                        "input": p.get("input"),
                    }
                    for p in problems
                ],
            )
        return result


def _between_items(data, request) -> list[dict]:
    """The same learner id or new e-mail twice, and e-mails of other accounts,
    read from the raw items (so that they are found even when other fields
    of the items are wrong)."""
    rows = data.get("learners") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        return []
    problems = []

    def add(index, field, code, message):
        problems.append(
            {
                "type": code,
                "loc": ("learners", index, field),
                "msg": message,
                "ctx": {"translated": True},
            }
        )

    pairs = []
    first_id: dict[str, int] = {}
    for index, row in enumerate(rows):
        if not isinstance(row, dict) or not isinstance(row.get("external_id"), str):
            continue
        external_id = row["external_id"].strip()
        if not external_id or has_control_character(external_id):
            continue
        if external_id in first_id:
            add(
                index,
                "external_id",
                "duplicate_id",
                _("The same learner id is already at row %(row)s.")
                % {"row": first_id[external_id]},
            )
            continue
        first_id[external_id] = index
        email = row.get("email")
        if isinstance(email, str) and email.strip() and not has_control_character(email):
            pairs.append((index, external_id, email.strip().lower()))
    # Only a token that may enrol learners learns whether an address is
    # taken (TokenAuth checks the scope before the body is read; again here
    # so that no other path into this schema can ask).
    token = getattr(request, "auth", None)
    taken = (
        emails_taken_for_new_learners(
            organisation=token.organisation, pairs=[(i, e) for _n, i, e in pairs]
        )
        if token is not None and Scope.LEARNERS_WRITE in token.scopes
        else set()
    )
    first_email: dict[str, int] = {}
    for index, _external_id, email in pairs:
        if email in taken:
            # The same words whoever holds the address: nothing about other
            # organisations or their learners is given away.
            add(
                index,
                "email",
                "email_taken",
                _(
                    "This e-mail address already belongs to an account; a new learner "
                    "needs an address of their own, or none (a login card)."
                ),
            )
        elif email in first_email:
            add(
                index,
                "email",
                "duplicate_email",
                _("The same e-mail address is already at row %(row)s.")
                % {"row": first_email[email]},
            )
        first_email.setdefault(email, index)
    return problems


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


class OutcomeIn(StrictIn):
    situation: SituationWord


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


class WebhookIn(StrictIn):
    url: Text = Field(max_length=500, description="https:// address of your receiver.")
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
