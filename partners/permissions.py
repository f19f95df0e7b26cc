"""Who may see and do what on the partner side. Deny by default: staff act only
inside the organisations where they hold a membership, fund officers read
every project; `access_*` functions return the object or raise (404 for objects
of another organisation, so that their existence is not revealed)."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.http import Http404

from lms.hooks.coaching import OrganisationFacts
from lms.permissions import has_role
from lms.roles import Role
from partners.models import (
    Cohort,
    ImportBatch,
    Membership,
    Organisation,
    PartnerLearner,
    Project,
)

STAFF_ROLES = frozenset(Membership.Role)
# Who may enrol learners, create cohorts and record outcomes; reporters read.
EDITOR_ROLES = frozenset({Membership.Role.MANAGER, Membership.Role.TRAINER})
# Who writes the reports to the fund (analytics checks the same roles).
REPORT_ROLES = frozenset({Membership.Role.MANAGER, Membership.Role.REPORTER})
# Who manages API tokens and webhooks.
MANAGER_ROLES = frozenset({Membership.Role.MANAGER})


def organisation_roles(user, organisation: Organisation) -> set[str]:
    if not user.is_authenticated or not user.is_active or not organisation.is_active:
        return set()
    return set(
        Membership.objects.filter(organisation=organisation, user=user).values_list(
            "role", flat=True
        )
    )


def access_organisation(user, slug: str, *, roles: Iterable[str] = STAFF_ROLES) -> Organisation:
    """The organisation named `slug` if `user` holds one of `roles` in it."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    organisation = Organisation.objects.filter(slug=slug, is_active=True).first()
    if organisation is None or not organisation_roles(user, organisation) & set(roles):
        raise Http404
    return organisation


def access_project(user, organisation: Organisation, project_id: int) -> Project:
    """A project of an organisation the caller already has access to."""
    project = Project.objects.filter(pk=project_id, organisation=organisation).first()
    if project is None:
        raise Http404
    return project


def access_cohort(user, organisation: Organisation, cohort_id: int) -> Cohort:
    cohort = (
        Cohort.objects.select_related("project")
        .filter(pk=cohort_id, project__organisation=organisation)
        .first()
    )
    if cohort is None:
        raise Http404
    return cohort


def access_partner_learner(user, organisation: Organisation, learner_id: int) -> PartnerLearner:
    learner = PartnerLearner.objects.filter(pk=learner_id, organisation=organisation).first()
    if learner is None:
        raise Http404
    return learner


def access_import_batch(user, organisation: Organisation, public_id) -> ImportBatch:
    batch = (
        ImportBatch.objects.select_related("cohort__project", "uploaded_by")
        .filter(public_id=public_id, organisation=organisation)
        .first()
    )
    if batch is None:
        raise Http404
    return batch


def can_edit(user, organisation: Organisation) -> bool:
    """Whether `user` may enrol and edit in `organisation` (for showing buttons;
    the views check again with `access_organisation(..., roles=EDITOR_ROLES)`)."""
    return bool(organisation_roles(user, organisation) & EDITOR_ROLES)


def organisation_menu_rights(user, organisation: Organisation) -> dict:
    """Which parts of the partner's menu `user` may open in `organisation`
    (one query); the pages themselves check again."""
    roles = organisation_roles(user, organisation)
    return {
        "roles": roles,
        "edit": bool(roles & EDITOR_ROLES),
        "reports": bool(roles & REPORT_ROLES),
        "api": bool(roles & MANAGER_ROLES),
    }


def is_fund_officer(user) -> bool:
    return has_role(user, Role.FUND_OFFICER)


def require_fund_officer(user) -> None:
    if not user.is_authenticated:
        raise PermissionDenied
    if not is_fund_officer(user):
        raise PermissionDenied


def _manager_memberships(user):
    """The memberships that make `user` an organisation manager: the role
    manager, in an active organisation, held by an active account. The one
    place this rule lives; lms asks it through
    `lms.hooks.coaching.organisation_manager`, payments through the functions
    below."""
    if not user.is_authenticated or not user.is_active:
        return Membership.objects.none()
    return Membership.objects.filter(
        user=user, role=Membership.Role.MANAGER, organisation__is_active=True
    )


def is_organisation_manager(user, organisation_id: int | None = None) -> bool:
    """Whether `user` is a manager of the active organisation `organisation_id`
    (of any active organisation when None)."""
    memberships = _manager_memberships(user)
    if organisation_id is not None:
        memberships = memberships.filter(organisation_id=organisation_id)
    return memberships.exists()


def organisations_managed_ids(user) -> set[int]:
    """Ids of the active organisations `user` manages."""
    return set(_manager_memberships(user).values_list("organisation_id", flat=True))


def managed_organisations(user):
    """The active organisations `user` manages, as a queryset (e.g. where seats
    may be bought)."""
    return Organisation.objects.filter(pk__in=_manager_memberships(user).values("organisation_id"))


def organisation_knows_learner(*, organisation_id: int, user) -> bool:
    """Whether the organisation enrolled `user` as one of its learners: the
    organisation's reach for a helper's paper consent."""
    return PartnerLearner.objects.filter(organisation_id=organisation_id, user=user).exists()


def holds_organisation_role(user) -> bool:
    """Whether `user` is staff (any role) of any organisation: such accounts are
    never coached on a paper form."""
    return Membership.objects.filter(user_id=user.pk).exists()


def organisations_facts(ids: Iterable[int]) -> dict[int, OrganisationFacts]:
    """What lms may know of the organisations `ids` (their name and the helper
    training they require), by id, in one query: lms shows and decides with
    these, never by reading the organisation itself."""
    rows = Organisation.objects.filter(pk__in=list(ids)).values_list(
        "pk", "name", "helper_training_course_key"
    )
    return {
        pk: OrganisationFacts(name=name, helper_training_course_key=key) for pk, name, key in rows
    }
