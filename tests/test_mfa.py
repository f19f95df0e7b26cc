"""MFA required for staff roles (issue 19): who must use a second factor, where
they are stopped without one, and signing in with a computed TOTP code."""

import base64
import hashlib
import hmac
import struct
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import cache
from django.urls import reverse

from lms.permissions import user_is_staff_role
from lms.roles import Role
from lms.services import role_grant
from lms.tests.factories import UserFactory
from partners.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def _clean_cache():
    # Rate-limit counters and used TOTP codes live in the shared cache.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def mfa_required(settings):
    settings.MFA_REQUIRED = True


def totp_code(secret: str, *, at: float | None = None) -> str:
    """RFC 6238 (SHA-1, 30 s, 6 digits), computed here with the standard library."""
    counter = int((time.time() if at is None else at) // 30)
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def with_role(role: Role):
    user = UserFactory()
    role_grant(user=user, role=role, granted_by=None)
    return user


def with_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


# --- who ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "role",
    [
        Role.EDITOR,
        Role.TEACHER,
        Role.HELPER,
        Role.PARTNER_STAFF,
        Role.FUND_OFFICER,
        Role.CERTIFICATE_OFFICER,
        Role.EMPLOYER,
        Role.PLATFORM_ADMINISTRATOR,
        Role.DATA_PROTECTION_OFFICER,
    ],
)
def test_every_staff_role_requires_mfa(role):
    assert user_is_staff_role(with_role(role))


@pytest.mark.parametrize("role", [Role.LEARNER, Role.YOUNG_LEARNER])
def test_learners_do_not_require_mfa(role):
    assert not user_is_staff_role(with_role(role))


def test_superusers_staff_and_partner_members_require_mfa():
    assert user_is_staff_role(UserFactory(is_superuser=True))
    assert user_is_staff_role(UserFactory(is_staff=True))
    assert user_is_staff_role(MembershipFactory().user)


def test_an_inactive_account_or_a_visitor_requires_nothing():
    from django.contrib.auth.models import AnonymousUser

    assert not user_is_staff_role(UserFactory(is_staff=True, is_active=False))
    assert not user_is_staff_role(AnonymousUser())


# --- where they are stopped --------------------------------------------------


def test_staff_without_an_authenticator_is_sent_to_enrol_with_the_reason(client, mfa_required):
    client.force_login(with_role(Role.EDITOR))

    response = client.get("/cms/", HTTP_ACCEPT_LANGUAGE="nl")

    assert response.status_code == 302
    assert response["Location"] == "/nl/accounts/2fa/?next=%2Fcms%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "een tweede factor" in page.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/cms/",
        "/django-admin/",
        "/nl/partners/",
        "/nl/fund/",
        "/nl/sections/",
        "/nl/helpers/",
        "/nl/certificates/corrections/",
        "/nl/certificates/bulk/",
        "/nl/learning/xapi/statements/?course=00000000-0000-0000-0000-000000000000",
    ],
)
def test_every_staff_only_area_is_closed_without_a_second_factor(client, mfa_required, path):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get(path)

    assert response.status_code == 302
    assert "/accounts/2fa/?next=" in response["Location"]


@pytest.mark.parametrize(
    "path",
    [
        "/nl/learning/",
        "/nl/me/",
        "/nl/me/certificates/",
        "/nl/learning/xapi/statements/",
        "/nl/accounts/logout/",
        "/nl/accounts/2fa/",
    ],
)
def test_learner_pages_sign_out_and_mfa_pages_stay_open_to_staff(client, mfa_required, path):
    client.force_login(with_role(Role.TEACHER))

    response = client.get(path)

    assert response.status_code == 200


@pytest.mark.parametrize(
    "language,title",
    [
        ("nl", "Twee-factor-authenticatie"),
        ("fr", "Authentification à deux facteurs"),
        ("de", "Zwei-Faktor-Authentifizierung"),
        ("en", "Two-Factor Authentication"),
    ],
)
def test_the_mfa_pages_have_the_sites_frame_in_four_languages(client, language, title):
    client.force_login(with_role(Role.TEACHER))

    html = client.get(f"/{language}/accounts/2fa/").content.decode()

    assert f'<html lang="{language}">' in html
    assert title in html
    assert "lang-switcher" in html  # the site's header, not allauth's bare page


def test_learners_are_never_asked_for_a_second_factor(client, mfa_required):
    client.force_login(with_role(Role.LEARNER))

    response = client.get("/nl/partners/")

    assert "/accounts/2fa/" not in response.get("Location", "")


def test_nothing_is_enforced_when_mfa_is_not_required(client, settings):
    settings.MFA_REQUIRED = False
    client.force_login(with_role(Role.EDITOR))

    assert client.get("/cms/").status_code == 200


def test_a_session_from_before_must_confirm_the_second_factor_then_continues(client, mfa_required):
    editor = with_role(Role.EDITOR)
    secret = with_totp(editor)
    client.force_login(editor)  # signed in without using the factor

    response = client.get("/cms/")

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('mfa_reauthenticate')}?next=%2Fcms%2F"
    confirmed = client.post(response["Location"], {"code": totp_code(secret)})
    assert confirmed.status_code == 302
    assert confirmed["Location"] == "/cms/"
    assert client.get("/cms/").status_code == 200


def test_a_wrong_code_does_not_open_the_admin(client, mfa_required):
    editor = with_role(Role.EDITOR)
    secret = with_totp(editor)
    client.force_login(editor)
    wrong = f"{(int(totp_code(secret)) + 1) % 1_000_000:06d}"

    client.post(f"{reverse('mfa_reauthenticate')}?next=/cms/", {"code": wrong})

    assert client.get("/cms/")["Location"].startswith(reverse("mfa_reauthenticate"))


# allauth announces a new authenticator once its transaction commits, as in
# production: a transactional test, so that it happens within the request.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_enrolling_an_authenticator_app_opens_the_admin_at_once(client, mfa_required):
    client.force_login(with_role(Role.EDITOR))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret

    activated = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})

    assert activated.status_code == 302
    assert client.get("/cms/").status_code == 200


# --- signing in with a computed TOTP code ------------------------------------


def test_staff_signs_in_with_password_and_a_computed_totp_code(client, mfa_required):
    editor = with_role(Role.EDITOR)
    secret = with_totp(editor)

    step1 = client.post(reverse("account_login"), {"login": editor.username, "password": PASSWORD})
    assert step1.status_code == 302
    assert step1["Location"] == reverse("mfa_authenticate")
    assert client.get("/cms/")["Location"].startswith(reverse("account_login"))

    step2 = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})

    assert step2.status_code == 302
    assert client.get("/cms/").status_code == 200
    assert Authenticator.objects.get(user=editor, type="totp").last_used_at is not None


def test_a_used_code_cannot_be_used_again_to_sign_in(client, mfa_required):
    editor = with_role(Role.EDITOR)
    secret = with_totp(editor)
    code = totp_code(secret)
    client.post(reverse("account_login"), {"login": editor.username, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": code})
    client.logout()

    client.post(reverse("account_login"), {"login": editor.username, "password": PASSWORD})
    again = client.post(reverse("mfa_authenticate"), {"code": code})

    assert again.status_code == 200  # the form again, with its error
    assert "_auth_user_id" not in client.session
