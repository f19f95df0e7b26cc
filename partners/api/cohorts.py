"""GET /cohorts and GET /cohorts/{id}/progress."""

from ninja import Query, Router

from partners.api.auth import TokenAuth
from partners.api.errors import not_found
from partners.api.pagination import PageParams, page
from partners.api.schemas import ERRORS, CohortPage, ProgressPage
from partners.models import Scope
from partners.selectors import cohort_members, cohort_members_progress, cohorts_of

router = Router(tags=["cohorts"])


@router.get(
    "/cohorts",
    auth=TokenAuth(Scope.COHORTS_READ),
    response={200: CohortPage, **ERRORS},
    summary="Your cohorts",
    description="Newest first. Scope: `cohorts:read`.",
)
def cohorts_get(request, params: Query[PageParams]):
    token = request.auth
    cohorts, next_url = page(request, cohorts_of(organisation=token.organisation), params)
    return {
        "next": next_url,
        "results": [
            {
                "id": c.pk,
                "name": c.name,
                "project_reference": c.project.reference,
                "starts_on": c.starts_on,
                "ends_on": c.ends_on,
                "course_keys": [course.course_key for course in c.courses.all()],
                "learners": c.member_count,
            }
            for c in cohorts
        ],
    }


@router.get(
    "/cohorts/{cohort_id}/progress",
    auth=TokenAuth(Scope.COHORTS_READ),
    response={200: ProgressPage, **ERRORS},
    summary="Progress of a cohort's learners",
    description=(
        "Per learner (by your learner id) and per course of the cohort: status, "
        "progress in %, completion date and certificate. Scope: `cohorts:read`."
    ),
)
def cohort_progress_get(request, cohort_id: int, params: Query[PageParams]):
    token = request.auth
    cohort = cohorts_of(organisation=token.organisation).filter(pk=cohort_id).first()
    if cohort is None:
        raise not_found()
    course_keys = [course.course_key for course in cohort.courses.all()]
    members, next_url = page(request, cohort_members(cohort=cohort), params)
    rows = cohort_members_progress(course_keys=course_keys, members=members)
    return {
        "cohort_id": cohort.pk,
        "next": next_url,
        "results": [
            {
                "external_id": row["learner"].external_id,
                "first_name": row["learner"].first_name,
                "last_name": row["learner"].last_name,
                "courses": row["courses"],
            }
            for row in rows
        ],
    }
