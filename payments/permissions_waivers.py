"""Who may issue fee waivers and manage prices. Deny by default, raise:
- fund officers issue waivers for any funded project;
- managers of a DBSF project holder or an employment agency issue them for
  their own cohorts (404 for another organisation's cohort);
- prices are managed in the Wagtail admin by people holding the model
  permissions `payments.add_price` / `payments.change_price`."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from partners.models import Cohort, Organisation, Project
from partners.permissions import (
    MANAGER_ROLES,
    access_cohort,
    access_organisation,
    organisation_roles,
    require_fund_officer,
)

# Organisations whose learners never pay: their exam fees are waived.
WAIVER_ORGANISATION_KINDS = frozenset(
    {Organisation.Kind.DBSF_PROJECT, Organisation.Kind.EMPLOYMENT_AGENCY}
)
PRICE_ADD = "payments.add_price"
PRICE_CHANGE = "payments.change_price"


def access_fund_waiver_project(user, project_id: int) -> Project:
    """A project a fund officer issues waivers for."""
    require_fund_officer(user)
    project = Project.objects.select_related("organisation").filter(pk=project_id).first()
    if project is None:
        raise Http404
    return project


def access_cohort_waivers(user, slug: str, cohort_id: int) -> Cohort:
    """A cohort of a waiver-eligible organisation that `user` manages."""
    organisation = access_organisation(user, slug, roles=MANAGER_ROLES)
    if organisation.kind not in WAIVER_ORGANISATION_KINDS:
        raise Http404
    return access_cohort(user, organisation, cohort_id)


def can_issue_cohort_waivers(user, organisation: Organisation) -> bool:
    """For showing the "Exam fee waivers" action; the page checks again."""
    return organisation.kind in WAIVER_ORGANISATION_KINDS and bool(
        organisation_roles(user, organisation) & MANAGER_ROLES
    )


def require_price_permission(user, *, change: bool = False) -> None:
    """Staff with the price permissions (the admin's list needs either)."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    if change:
        allowed = user.has_perm(PRICE_CHANGE)
    else:
        allowed = user.has_perm(PRICE_ADD) or user.has_perm(PRICE_CHANGE)
    if not allowed:
        raise PermissionDenied


def require_price_add(user) -> None:
    if not user.is_authenticated or not user.has_perm(PRICE_ADD):
        raise PermissionDenied
