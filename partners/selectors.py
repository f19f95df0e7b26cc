"""Reads for the partner side. Every list is scoped to one organisation."""

from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery

from certificates.selectors import certificates_held, certificates_listing
from lms.selectors import enrolments_progress
from partners.models import (
    ApiToken,
    Cohort,
    CohortCourse,
    CohortMember,
    Membership,
    Organisation,
    PartnerLearner,
    WebhookEndpoint,
)


def organisations_for_user(*, user) -> QuerySet[Organisation]:
    """The active organisations where `user` holds any staff role."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return (
        Organisation.objects.filter(is_active=True, memberships__user=user)
        .distinct()
        .order_by("name")
    )


def organisation_members(*, organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by("user__username", "role")


# --- API and webhooks --------------------------------------------------------


def api_tokens_of(*, organisation: Organisation):
    """The organisation's tokens, newest first (revoked ones too)."""
    return ApiToken.objects.filter(organisation=organisation).select_related("created_by")


def cohorts_of(*, organisation: Organisation):
    """The organisation's cohorts with their course keys and member count
    (two queries for a page, whatever its size)."""
    return (
        Cohort.objects.filter(project__organisation=organisation)
        .select_related("project")
        .prefetch_related("courses")
        .annotate(member_count=Count("members", distinct=True))
        .order_by("-starts_on", "pk")
    )


def cohort_members(*, cohort):
    """The members of a cohort with their person, by the partner's learner id."""
    return (
        CohortMember.objects.filter(cohort=cohort)
        .select_related("learner")
        .order_by("learner__external_id", "pk")
    )


def cohort_progress(*, course_keys: list, members: list) -> list[dict]:
    """Per member of a page: per course of the cohort, status, progress %,
    completion date and certificate (a fixed number of queries per page)."""
    user_ids = [m.learner.user_id for m in members]
    progress = enrolments_progress(user_ids=user_ids, course_keys=course_keys)
    held = certificates_held(user_ids=user_ids, course_keys=course_keys)
    rows = []
    for member in members:
        learner = member.learner
        courses = []
        for key in course_keys:
            state = progress.get((learner.user_id, key))
            code = held.get((learner.user_id, key))
            courses.append(
                {
                    "course_key": key,
                    "status": state.enrolment.status if state else "not_enrolled",
                    "progress_percent": _percent(state),
                    "completed_at": state.enrolment.completed_at if state else None,
                    "certified": code is not None,
                    "certificate_code": code,
                }
            )
        rows.append({"learner": learner, "courses": courses})
    return rows


def _percent(state) -> int:
    if state is None:
        return 0
    # A completed course stays at 100 % even if lessons were added afterwards.
    return 100 if state.enrolment.completed_at else state.percent


def partner_learner_by_external_id(*, organisation: Organisation, external_id: str):
    return PartnerLearner.objects.filter(organisation=organisation, external_id=external_id).first()


def certificates_of_organisation(*, organisation: Organisation):
    """Certificates of the organisation's learners in the courses it enrolled
    them in through its cohorts, newest first, each with the partner's learner id."""
    mine = PartnerLearner.objects.filter(organisation=organisation, user=OuterRef("holder"))
    in_cohort = CohortCourse.objects.filter(
        course_key=OuterRef("course_key"),
        cohort__project__organisation=organisation,
        cohort__members__learner__user=OuterRef("holder"),
    )
    return (
        certificates_listing()
        .filter(Exists(in_cohort))
        .annotate(external_id=Subquery(mine.values("external_id")[:1]))
    )


def webhook_endpoints_of(*, organisation: Organisation):
    return WebhookEndpoint.objects.filter(
        organisation=organisation, deleted_at__isnull=True
    ).order_by("-created_at", "-id")


def webhook_deliveries_of(*, endpoint):
    """An endpoint's delivery log, newest first."""
    return endpoint.deliveries.order_by("-created_at", "-id")
