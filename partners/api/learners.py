"""POST /learners: enrol up to 500 learners at once, idempotent on your id;
PUT /learners/{external_id}/outcomes/{point}: record a follow-up outcome."""

from typing import Literal

from django.utils.translation import gettext as _
from ninja import Router

from partners.api.auth import TokenAuth
from partners.api.errors import ApiError, item, not_found
from partners.api.schemas import ERRORS, LearnersIn, LearnersOut, OutcomeIn, OutcomeOut
from partners.api.vocabulary import has_control_character
from partners.models import Cohort, Outcome, Scope
from partners.selectors import partner_learner_by_external_id
from partners.services import LearnerInput, learners_enrol, outcome_record

router = Router(tags=["learners"])


@router.post(
    "/learners",
    auth=TokenAuth(Scope.LEARNERS_WRITE),
    response={200: LearnersOut, **ERRORS},
    summary="Enrol learners (bulk, idempotent)",
    description=(
        "Creates or updates up to 500 learners by your own learner id and, with "
        "`cohort_id`, adds them to the cohort and enrols them in its courses. "
        "Sending the same learners again changes nothing twice. When any item is "
        "invalid nothing is written and every problem of every item is listed at "
        "once (422, `errors` with `row` and `field`): unknown fields, wrong types, "
        "the same id or e-mail twice, an e-mail that already belongs to an account "
        "(for a new learner), a national register number as id. 409 means only that "
        "another request wrote the same learners at the same moment: send it again. "
        "Vocabulary fields take the codes or their aliases and are answered as codes. "
        "Scope: `learners:write`."
    ),
)
def learners_post(request, payload: LearnersIn):
    token = request.auth
    cohort = None
    if payload.cohort_id is not None:
        cohort = (
            Cohort.objects.select_related("project")
            .filter(pk=payload.cohort_id, project__organisation=token.organisation)
            .first()
        )
        if cohort is None:
            raise not_found()
    rows = [
        LearnerInput(
            external_id=row.external_id,
            first_name=row.first_name.strip(),
            last_name=row.last_name.strip(),
            email=row.email,
            language=row.language,
            birth_date=row.birth_date,
            gender=row.gender,
            postcode=row.postcode.strip(),
            situation=row.situation,
            target_groups=tuple(row.target_groups),
        )
        for row in payload.learners
    ]
    try:
        results = learners_enrol(
            organisation=token.organisation, learners=rows, cohort=cohort, enrolled_by=None
        )
    except ValueError as error:
        message = _("A course of this cohort is not published; nothing was enrolled.")
        raise ApiError(
            422,
            "course_unavailable",
            message,
            [item(["cohort_id"], "course_unavailable", message)],
        ) from error
    created = sum(1 for r in results if r.created)
    return {
        "created": created,
        "updated": len(results) - created,
        "results": [
            {
                "index": index,
                "external_id": r.external_id,
                "created": r.created,
                "enrolments": len(r.enrolment_ids),
            }
            for index, r in enumerate(results)
        ],
    }


@router.put(
    "/learners/{external_id}/outcomes/{point}",
    auth=TokenAuth(Scope.OUTCOMES_WRITE),
    response={200: OutcomeOut, **ERRORS},
    summary="Record an outcome at 3 or 6 months",
    description="Creates or replaces the outcome. Scope: `outcomes:write`.",
)
def outcome_put(request, external_id: str, point: Literal["3m", "6m"], payload: OutcomeIn):
    token = request.auth
    if has_control_character(external_id):
        raise not_found()  # no learner id has one (and PostgreSQL cannot look for NUL)
    learner = partner_learner_by_external_id(
        organisation=token.organisation, external_id=external_id
    )
    if learner is None:
        raise not_found()
    outcome = outcome_record(
        learner=learner,
        point=point,
        situation=payload.situation,
        recorded_by=None,
        source=Outcome.Source.API,
    )
    return {
        "external_id": learner.external_id,
        "point": outcome.point,
        "situation": outcome.situation,
        "recorded_at": outcome.recorded_at,
    }
