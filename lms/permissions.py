"""Who may do what. Deny by default: every check returns True only on a rule
that allows, and `access_*` functions return the object or raise."""

from django.core.exceptions import PermissionDenied

from lms.models import User
from lms.roles import Role
from lms.selectors import user_roles


def has_role(user: User, role: Role) -> bool:
    return user.is_authenticated and user.is_active and role in user_roles(user=user)


def require_role(user: User, role: Role) -> None:
    if not has_role(user, role):
        raise PermissionDenied
