"""Shared computers: a signed-in session ends after a time without activity
(shorter for staff roles and on a shared computer), enforced on the server."""

import pytest
from django.urls import reverse
from django.utils import translation

from lms import idle
from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.SESSION_IDLE_TIMEOUT = 30 * 60
    settings.SESSION_IDLE_TIMEOUT_STAFF = 15 * 60
    settings.SESSION_IDLE_TIMEOUT_SHARED = 10 * 60
    settings.SESSION_IDLE_WARNING = 120
    settings.SESSION_IDLE_WRITE_EVERY = 60


@pytest.fixture
def clock(monkeypatch):
    """Moves lms.idle's clock: `clock(seconds)` is that long after sign-in."""
    start = float(int(idle.now()))
    monkeypatch.setattr(idle, "now", lambda: start)

    def move(seconds: float) -> None:
        monkeypatch.setattr(idle, "now", lambda: start + seconds)

    return move


def _dashboard(client, language="en"):
    with translation.override(language):
        url = reverse("lms:dashboard")
    return client.get(url)


def test_a_learner_one_second_before_the_idle_limit_is_still_signed_in(client, clock):
    client.force_login(UserFactory())
    clock(30 * 60 - 1)
    assert _dashboard(client).status_code == 200


def test_a_learner_at_the_idle_limit_is_signed_out_and_sent_to_sign_in_in_their_language(
    client, clock
):
    client.force_login(UserFactory(preferred_language="en"))
    clock(30 * 60)
    response = _dashboard(client, "nl")
    assert response.status_code == 302
    assert response["Location"] == "/nl/accounts/login/?next=%2Fnl%2Flearning%2F"
    page = client.get(response["Location"]).content.decode()
    assert "Je bent afgemeld na 30 minuten zonder activiteit." in page
    # Signed out for good: going back does not sign in again.
    clock(30 * 60 + 1)
    assert _dashboard(client, "nl")["Location"].startswith("/nl/accounts/login/")


def test_a_staff_role_is_signed_out_after_the_shorter_staff_limit(client, clock):
    editor = UserFactory()
    role_grant(user=editor, role=Role.EDITOR, granted_by=None)
    client.force_login(editor)
    clock(15 * 60 - 1)
    assert _dashboard(client).status_code == 200
    clock(15 * 60 - 1 + 15 * 60)
    assert _dashboard(client).status_code == 302


def test_a_learner_is_not_held_to_the_staff_limit(client, clock):
    client.force_login(UserFactory())
    clock(15 * 60)
    assert _dashboard(client).status_code == 200


def test_activity_is_written_to_the_session_at_most_once_a_minute(client, clock):
    client.force_login(UserFactory())
    signed_in_at = client.session[idle.LAST_ACTIVITY]
    clock(59)
    _dashboard(client)
    assert client.session[idle.LAST_ACTIVITY] == signed_in_at
    clock(60)
    _dashboard(client)
    assert client.session[idle.LAST_ACTIVITY] == signed_in_at + 60
    # Activity moved the end: 30 minutes after the last write, not after sign-in.
    clock(60 + 30 * 60 - 1)
    assert _dashboard(client).status_code == 200


def _sign_in(client, user, **extra):
    data = {"login": user.username, "password": "correct-horse-battery", **extra}
    with translation.override("en"):
        return client.post(reverse("account_login"), data)


def test_the_sign_in_page_offers_this_is_a_shared_computer(client):
    with translation.override("fr"):
        page = client.get(reverse("account_login")).content.decode()
    assert 'name="shared_computer"' in page
    assert "Ceci est un ordinateur partagé" in page
    assert 'name="remember"' not in page


def test_on_a_shared_computer_the_session_ends_with_the_browser_and_sooner(client, clock):
    user = UserFactory()
    assert _sign_in(client, user, shared_computer="on").status_code == 302
    assert client.session.get_expire_at_browser_close()
    clock(10 * 60 - 1)
    assert _dashboard(client).status_code == 200
    clock(10 * 60 - 1 + 10 * 60)
    assert _dashboard(client).status_code == 302


def test_on_a_personal_computer_the_session_is_remembered(client, clock):
    assert _sign_in(client, UserFactory()).status_code == 302
    assert not client.session.get_expire_at_browser_close()
    clock(10 * 60)
    assert _dashboard(client).status_code == 200


def test_the_keep_alive_refuses_anonymous_visitors(client):
    response = client.post(reverse("lms:session_keepalive"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_keep_alive_refuses_get(client):
    client.force_login(UserFactory())
    assert client.get(reverse("lms:session_keepalive")).status_code == 405


def test_the_keep_alive_starts_the_idle_clock_again(client, clock):
    client.force_login(UserFactory())
    clock(29 * 60)
    response = client.post(reverse("lms:session_keepalive"))
    assert response.json() == {"seconds_left": 30 * 60}
    clock(29 * 60 + 30 * 60 - 1)
    assert _dashboard(client).status_code == 200


def test_asking_for_the_time_left_is_not_activity(client, clock):
    client.force_login(UserFactory())
    clock(20 * 60)
    assert client.get(reverse("lms:session_status")).json() == {"seconds_left": 10 * 60}
    clock(30 * 60)
    response = client.get(reverse("lms:session_status"))
    assert response.status_code == 401
    assert _dashboard(client).status_code == 302


def test_signed_in_pages_carry_the_warning_and_anonymous_ones_do_not(client):
    assert 'id="idle-warning"' not in _dashboard(client).content.decode()
    client.force_login(UserFactory())
    page = _dashboard(client).content.decode()
    assert 'role="alertdialog"' in page
    assert 'data-warn-before="120"' in page
    assert "lms/idle.js" in page and "<script>" not in page


def test_no_limit_when_the_idle_timeout_is_off(client, clock, settings):
    settings.SESSION_IDLE_TIMEOUT = 0
    client.force_login(UserFactory())
    clock(24 * 60 * 60)
    assert _dashboard(client).status_code == 200
