"""Reads for accounts and roles."""

from functools import cache

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from lms.models import User
from lms.roles import GROUP_NAMES, Role
from lms.round_trips import (
    execute_prepared,
    first_read,
    models_from_rows,
    select_columns_sql,
)

_GROUP_TO_ROLE = {name: role for role, name in GROUP_NAMES.items()}


def user_display_name(user: User) -> str:
    """The name the interface greets a person with (also allauth's display)."""
    return user.display_name or user.get_full_name() or user.username


# Not a group name (the admin refuses leading spaces): marks, among the group
# names, that the person may use Wagtail's admin.
_ADMIN_ACCESS = " wagtailadmin.access_admin"


def _groups_and_admin_access(user: User) -> frozenset[str]:
    # One query for the navigation of every page: the person's group names and
    # whether a permission (their own or a group's) opens the admin. Written
    # out: the ORM's building of this UNION cost several times its round trip.
    cached = getattr(user, "_digiskills_groups", None)
    if cached is None:
        with connection.cursor() as cursor:
            cursor.execute(_groups_and_admin_access_sql(), [user.pk, user.pk, user.pk])
            cached = frozenset(row[0] for row in cursor.fetchall())
        user._digiskills_groups = cached
    return cached


@cache
def _groups_and_admin_access_sql() -> str:
    # Table and column names from the models (the custom user's through
    # tables); the only value written in is the constant marker.
    user_groups = User.groups.through._meta
    user_permissions = User.user_permissions.through._meta
    group_permissions = Group.permissions.through._meta

    def column(meta, name: str) -> str:
        return meta.get_field(name).column

    return (
        f"SELECT g.name FROM {Group._meta.db_table} g"  # noqa: S608
        f" JOIN {user_groups.db_table} ug ON ug.{column(user_groups, 'group')} = g.id"
        f" WHERE ug.{column(user_groups, 'user')} = %s"
        " UNION"
        f" SELECT '{_ADMIN_ACCESS}' FROM {Permission._meta.db_table} p"
        f" JOIN {ContentType._meta.db_table} ct ON ct.id = p.content_type_id"
        " WHERE ct.app_label = 'wagtailadmin' AND p.codename = 'access_admin' AND ("
        f" p.id IN (SELECT {column(user_permissions, 'permission')}"
        f" FROM {user_permissions.db_table} WHERE {column(user_permissions, 'user')} = %s)"
        f" OR p.id IN (SELECT gp.{column(group_permissions, 'permission')}"
        f" FROM {group_permissions.db_table} gp JOIN {user_groups.db_table} ug2"
        f" ON ug2.{column(user_groups, 'group')} = gp.{column(group_permissions, 'group')}"
        f" WHERE ug2.{column(user_groups, 'user')} = %s))"
    )


def user_with_groups(*, user_id) -> User | None:
    """The person with this id and, on PostgreSQL, in the same query, what
    `user_roles` and `user_may_use_admin` read (their group names and admin
    access): one round trip fewer on every signed-in page. None when there is
    no such person."""
    if connection.vendor != "postgresql":
        return User._default_manager.filter(pk=user_id).first()
    # Written out, as the other reads of every request: the ORM's building of
    # this query cost more than its round trip. Usually the request's first
    # statement: no health check before it.
    row = first_read(lambda: _user_with_groups_row(user_id))
    if row is None:
        return None
    (user,) = models_from_rows(User, [row[:-1]])
    user._digiskills_groups = frozenset(row[-1])
    return user


def _user_with_groups_row(user_id) -> tuple | None:
    with connection.cursor() as cursor:
        execute_prepared(cursor, [(_user_with_groups_sql(), [user_id] * 4)])
        return cursor.fetchone()


@cache
def _user_with_groups_sql() -> str:
    # Table and column names from the models; the id is the only value.
    meta = User._meta
    return (
        f"SELECT {select_columns_sql(User)}, ARRAY({_groups_and_admin_access_sql()})"  # noqa: S608
        f" FROM {meta.db_table} WHERE {connection.ops.quote_name(meta.pk.column)} = %s"
    )


def user_roles(*, user: User) -> frozenset[Role]:
    """The roles a person holds, read once per request object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_digiskills_roles", None)
    if cached is None:
        names = _groups_and_admin_access(user)
        cached = frozenset(_GROUP_TO_ROLE[n] for n in names if n in _GROUP_TO_ROLE)
        user._digiskills_roles = cached
    return cached


def user_may_use_admin(*, user: User) -> bool:
    """Whether Wagtail's admin lets this person in (its `access_admin`
    permission), read with the roles: no query of its own."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or _ADMIN_ACCESS in _groups_and_admin_access(user)
