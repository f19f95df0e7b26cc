"""Learners' data is reached through roles' permissions, never through is_staff:
every learner's xAPI statements (`lms.export_learner_statements`) and the
management of every digital helper (`lms.manage_helpers`)."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from lms.models import HelperProfile
from lms.roles import EXPORT_LEARNER_STATEMENTS, GROUP_NAMES, MANAGE_HELPERS, Role
from lms.services import role_grant
from lms.tests.factories import UserFactory
from lms.tests.factories_coaching import HelperProfileFactory

pytestmark = pytest.mark.django_db

COURSE_KEY = "6f1d3c9e-0000-4000-8000-0000000000aa"


def _editor():
    # Wagtail's Editors, with the Django admin flag too: still no learners' data.
    user = UserFactory(is_staff=True)
    role_grant(user=user, role=Role.EDITOR, granted_by=None)
    return user


def _role_holder(role):
    user = UserFactory()
    role_grant(user=user, role=role, granted_by=None)
    return user


REFUSED = {
    "editor": _editor,
    "is_staff": lambda: UserFactory(is_staff=True),
    "learner": lambda: _role_holder(Role.LEARNER),
    "platform_administrator_for_statements": lambda: _role_holder(Role.PLATFORM_ADMINISTRATOR),
    "data_protection_officer_for_helpers": lambda: _role_holder(Role.DATA_PROTECTION_OFFICER),
}


def test_the_roles_groups_hold_the_learner_data_permissions_and_editors_none():
    editors = Group.objects.get(name=GROUP_NAMES[Role.EDITOR])
    assert not editors.permissions.filter(
        content_type__app_label="lms", codename__in=["export_learner_statements", "manage_helpers"]
    ).exists()
    assert _role_holder(Role.DATA_PROTECTION_OFFICER).has_perm(EXPORT_LEARNER_STATEMENTS)
    assert _role_holder(Role.PLATFORM_ADMINISTRATOR).has_perm(MANAGE_HELPERS)
    assert not _editor().has_perm(EXPORT_LEARNER_STATEMENTS)
    assert not _editor().has_perm(MANAGE_HELPERS)


@pytest.mark.parametrize(
    "who", ["editor", "is_staff", "learner", "platform_administrator_for_statements"]
)
def test_a_course_s_statements_are_refused_without_the_export_permission(client, who):
    client.force_login(REFUSED[who]())
    response = client.get(reverse("lms:statements_export"), {"course": COURSE_KEY})
    assert response.status_code == 403


def test_a_course_s_statements_are_refused_to_anonymous_visitors(client):
    response = client.get(reverse("lms:statements_export"), {"course": COURSE_KEY})
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_data_protection_officer_exports_a_course_s_statements(client):
    client.force_login(_role_holder(Role.DATA_PROTECTION_OFFICER))
    response = client.get(reverse("lms:statements_export"), {"course": COURSE_KEY})
    assert response.status_code == 200
    assert json.loads(b"".join(response.streaming_content))["statements"] == []


def test_a_suspended_data_protection_officer_is_refused(client):
    officer = _role_holder(Role.DATA_PROTECTION_OFFICER)
    officer.is_active = False
    officer.save()
    client.force_login(officer)
    response = client.get(reverse("lms:statements_export"), {"course": COURSE_KEY})
    assert response.status_code in (302, 403)


@pytest.mark.parametrize(
    "who", ["editor", "is_staff", "learner", "data_protection_officer_for_helpers"]
)
def test_helper_management_is_refused_without_the_permission(client, who):
    profile = HelperProfileFactory(status=HelperProfile.Status.PENDING)
    client.force_login(REFUSED[who]())
    assert client.get(reverse("lms:helper_profiles")).status_code == 403
    url = reverse("lms:helper_profile_action", args=[profile.pk, "activate"])
    assert client.post(url).status_code == 403
    url = reverse("lms:helper_profile_action", args=[profile.pk, "suspend"])
    assert client.post(url).status_code == 403
    profile.refresh_from_db()
    assert profile.status == HelperProfile.Status.PENDING


def test_helper_management_is_refused_to_anonymous_visitors(client):
    profile = HelperProfileFactory(status=HelperProfile.Status.ACTIVE)
    response = client.get(reverse("lms:helper_profiles"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    response = client.post(reverse("lms:helper_profile_action", args=[profile.pk, "suspend"]))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    profile.refresh_from_db()
    assert profile.status == HelperProfile.Status.ACTIVE


def test_a_platform_administrator_sees_and_suspends_every_helper(client):
    first = HelperProfileFactory(status=HelperProfile.Status.ACTIVE)
    second = HelperProfileFactory(status=HelperProfile.Status.ACTIVE)
    assert first.organisation_id != second.organisation_id
    client.force_login(_role_holder(Role.PLATFORM_ADMINISTRATOR))
    page = client.get(reverse("lms:helper_profiles"))
    assert page.status_code == 200
    assert list(page.context["profiles"]) == sorted(
        [first, second], key=lambda p: (p.organisation.name, p.user.username)
    )
    client.post(reverse("lms:helper_profile_action", args=[second.pk, "suspend"]))
    second.refresh_from_db()
    assert second.status == HelperProfile.Status.SUSPENDED
