"""Django's and allauth's authentication backends, each reading the signed-in
person with their group names and admin access in one query
(`lms.selectors.accounts.user_with_groups`): the navigation of every page
shows links by role, and that was a second query on each of them."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend


class _UserWithGroups:
    def get_user(self, user_id):
        from lms.selectors.accounts import user_with_groups

        user = user_with_groups(user_id=user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class ModelBackend(_UserWithGroups, DjangoModelBackend):
    """Username or e-mail and password (Django's), and the logins the platform
    makes itself (a class code, a helper's hand-over)."""


class AuthenticationBackend(_UserWithGroups, AllauthBackend):
    """allauth's logins (password, code, identity providers)."""
