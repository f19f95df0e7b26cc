"""Sessions are read from the cache (config.sessions, Django's cached_db): a
session ended through the session store no longer signs anyone in, and the
userbar is shown to exactly the people the admin lets in."""

from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission

from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_tests_run_with_cached_sessions():
    assert settings.SESSION_ENGINE == "config.sessions"


def test_a_deleted_session_no_longer_signs_in(client, home_page):
    user = UserFactory()
    client.force_login(user)
    key = client.session.session_key
    response = client.get("/en/learning/")
    assert response.status_code == 200
    store = import_module(settings.SESSION_ENGINE).SessionStore
    assert store(session_key=key).load()  # in the cache
    store(session_key=key).delete()
    response = client.get("/en/learning/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_new_password_ends_a_cached_session(client, home_page):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/en/learning/").status_code == 200
    user.set_unusable_password()  # what erasure does
    user.save()
    assert client.get("/en/learning/").status_code == 302


def _userbar(client, user) -> bool:
    client.force_login(user)
    return "wagtail-userbar" in client.get("/en/").content.decode()


def test_the_userbar_is_hidden_from_a_learner(client, home_page):
    assert not _userbar(client, UserFactory())


def test_the_userbar_is_shown_to_an_editor_through_a_group(client, home_page):
    editors = Group.objects.create(name="Editors of the test")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory()
    user.groups.add(editors)
    assert _userbar(client, user)


def test_the_userbar_is_shown_to_a_person_with_the_permission_of_their_own(client, home_page):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert _userbar(client, user)


def test_the_userbar_goes_with_the_superuser_flag(client, home_page):
    user = UserFactory(is_superuser=True)
    assert _userbar(client, user)
    user.groups.add(Group.objects.create(name="Anything"))
    user.is_superuser = False
    user.save()
    assert not _userbar(client, user)
