"""Who may do what around digital helpers. Deny by default: a helper acts
only with the helper role, an active profile and a consent in force now; a
person sees only their own consents; helper profiles are managed by platform administrators
(`lms.manage_helpers`) and by managers of the helper's organisation. `access_*` return the object or
raise (404 for people and objects the caller may not know about)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from lms.hooks.coaching import organisation_manager
from lms.models import HelperConsent, HelperProfile, User
from lms.permissions import has_permission, has_role
from lms.roles import MANAGE_HELPERS, Role
from lms.selectors.coaching import (
    consent_organisation_id,
    consent_pending_paper,
    consent_valid,
    helper_profile_active,
    helper_profiles_for,
)


def access_helper(user: User) -> HelperProfile:
    """The caller's active helper profile, or 403 (not a helper, pending or suspended)."""
    if not has_role(user, Role.HELPER):
        raise PermissionDenied
    profile = helper_profile_active(helper=user)
    if profile is None:
        raise PermissionDenied
    return profile


def access_coached_person(
    user: User, person_id: int, *, scope: str | None = None
) -> tuple[HelperProfile, User, HelperConsent]:
    """A person who lets this helper act now (with `scope` when named); anybody
    else, and anybody after expiry or withdrawal, is not found."""
    profile = access_helper(user)
    person = User.objects.filter(pk=person_id, is_active=True).first()
    if person is None:
        raise Http404
    consent = consent_valid(profile=profile, learner=person, scope=scope)
    if consent is None:
        raise Http404
    return profile, person, consent


def may_manage_helpers(user: User) -> bool:
    """Every helper with `lms.manage_helpers` (platform administrators, never
    is_staff alone); those of their organisation for its managers."""
    if not user.is_authenticated or not user.is_active:
        return False
    if has_permission(user, MANAGE_HELPERS):
        return True
    # A manager of an organisation: partners' rule, asked through the hook.
    return organisation_manager(user)


def access_helper_management(user: User) -> None:
    if not may_manage_helpers(user):
        raise PermissionDenied


def access_helper_profile(user: User, profile_id: int) -> HelperProfile:
    """A helper profile the caller manages, or 404."""
    access_helper_management(user)
    profile = helper_profiles_for(user=user).filter(pk=profile_id).first()
    if profile is None:
        raise Http404
    return profile


def access_own_consent(user: User, consent_id: int) -> HelperConsent:
    """A consent (or request) addressed to the caller; anybody else's is not found."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    consent = HelperConsent.objects.filter(pk=consent_id, learner=user).first()
    if consent is None:
        raise Http404
    return consent


def may_act_for_organisation(*, user: User, organisation_id: int | None) -> bool:
    """An active helper of the organisation, or one of its managers (partners' rule)."""
    if organisation_id is None or not user.is_authenticated or not user.is_active:
        return False
    profile = helper_profile_active(helper=user)
    if profile is not None and profile.organisation_id == organisation_id:
        return True
    return organisation_manager(user, organisation_id)


def access_paper_consent(user: User, consent_id: int) -> HelperConsent:
    """A paper consent of the caller's organisation (the caller an active
    helper of it or one of its managers), or 404."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    consent = (
        HelperConsent.objects.select_related("learner", "requested_by")
        .filter(pk=consent_id, given_how=HelperConsent.GivenHow.PAPER)
        .first()
    )
    if consent is None or not may_act_for_organisation(
        user=user, organisation_id=consent_organisation_id(consent=consent)
    ):
        raise Http404
    return consent


def access_card_person(user: User, person_id: int) -> User:
    """A person the helper may print a login card for: a consent in force, or
    a paper consent waiting for the person's first sign-in. Else 404."""
    profile = access_helper(user)
    person = User.objects.filter(pk=person_id, is_active=True).first()
    if person is None:
        raise Http404
    if consent_valid(profile=profile, learner=person) is None and (
        consent_pending_paper(profile=profile, learner=person) is None
    ):
        raise Http404
    return person
