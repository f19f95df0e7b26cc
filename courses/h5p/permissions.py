"""Who may do what with H5P: deny by default, through model permissions that
the Editors group holds for activities and only administrators for libraries."""

from django.contrib.auth.base_user import AbstractBaseUser as User
from django.core.exceptions import PermissionDenied


def access_h5p_content_upload(user: User) -> User:
    """Editors upload activities; anyone else is refused."""
    if not (user.is_authenticated and user.is_active and user.has_perm("courses.add_h5pcontent")):
        raise PermissionDenied
    return user


def access_h5p_library_install(user: User) -> User:
    """Installing library code is an administrator's act, never an editor's."""
    if not (user.is_authenticated and user.is_active and user.has_perm("courses.add_h5plibrary")):
        raise PermissionDenied
    return user


def access_h5p_content_delete(user: User) -> User:
    """Editors delete activities (the service refuses while a lesson plays one)."""
    if not (
        user.is_authenticated and user.is_active and user.has_perm("courses.delete_h5pcontent")
    ):
        raise PermissionDenied
    return user


def access_h5p_library_remove(user: User) -> User:
    """Removing library code is an administrator's act, as installing it is."""
    if not (
        user.is_authenticated
        and user.is_active
        and user.has_perm("courses.add_h5plibrary")
        and user.has_perm("courses.delete_h5plibrary")
    ):
        raise PermissionDenied
    return user
