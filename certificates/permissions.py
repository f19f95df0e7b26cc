"""Who may do what with certificates. Deny by default: `access_*` functions
return the object or raise."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from certificates import selectors
from certificates.models import Certificate
from lms.models import User


def access_own_certificate(user: User, public_id) -> Certificate:
    """The holder's own certificate (404 for anyone else's: no hint it exists)."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    certificate = selectors.certificate_of(user=user, public_id=public_id)
    if certificate is None:
        raise Http404
    return certificate


def access_certificate_to_revoke(user: User, public_id) -> Certificate:
    if not (
        user.is_authenticated
        and user.is_active
        and user.has_perm("certificates.revoke_certificate")
    ):
        raise PermissionDenied
    certificate = Certificate.objects.filter(public_id=public_id).first()
    if certificate is None:
        raise Http404
    return certificate


def access_bulk_issue(user: User) -> User:
    if not (
        user.is_authenticated
        and user.is_active
        and user.has_perm("certificates.bulk_issue_certificate")
    ):
        raise PermissionDenied
    return user


def access_name_corrections(user: User) -> User:
    """Staff who decide name corrections (a permission, never is_staff)."""
    if not (
        user.is_authenticated
        and user.is_active
        and user.has_perm("certificates.review_name_correction")
    ):
        raise PermissionDenied
    return user


def access_name_correction(user: User, correction_id: int):
    access_name_corrections(user)
    correction = selectors.name_correction(correction_id=correction_id)
    if correction is None:
        raise Http404
    return correction
