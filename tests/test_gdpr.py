"""GDPR rights end to end: a person downloads everything the platform holds
about them, deletes their account, and then their certificate verifies as
revoked "erased at the holder's request" while nothing personal survives in
any row that points to them (found by introspection)."""

import datetime
import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.models import AuditEntry
from certificates.models import Certificate
from certificates.tests.conftest import make_catalog, make_course
from certificates.tests.helpers import issue_after_exam
from lms.models import CoachingSession, HelperConsent, Statement, User
from lms.roles import Role
from lms.services import role_grant
from lms.services.xapi import statement_record
from lms.tests.factories import UserFactory
from partners.tests.factories import PartnerLearnerFactory

pytestmark = pytest.mark.django_db

BIRTH_DATE = datetime.date(1987, 6, 23)


@pytest.fixture
def course(home_page):
    return make_course(make_catalog(home_page), "security", validity=24)


@pytest.fixture
def person(course):
    """Lotte, with a certificate, e-mail, social login, MFA, learning records,
    a partner's record and a helper's coaching notes."""
    user = UserFactory(
        username="lottep",
        email="lotte.peeters@example.be",
        first_name="Lotte",
        last_name="Peeters",
        display_name="Lotje",
        preferred_language="en",
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    SocialAccount.objects.create(user=user, provider="itsme", uid="itsme-sub-123", extra_data={})
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "TOPSECRETTOTP"}
    )
    issue_after_exam(user=user, course=course)
    statement_record(
        learner=user, verb="completed", object_kind="course", object_key=course.translation_key
    )
    PartnerLearnerFactory(user=user, first_name="Lotte", last_name="Peeters", birth_date=BIRTH_DATE)
    helper = UserFactory(display_name="Helper Hanne")
    consent = HelperConsent.objects.create(
        learner=user,
        helper=helper,
        duration="1m",
        status="active",
        paper_reference="Form of Lotte Peeters",
    )
    CoachingSession.objects.create(
        helper=helper,
        learner=user,
        consent=consent,
        held_on=datetime.date(2026, 3, 1),
        duration_minutes=30,
        place="Library",
        mode="in_person",
        notes="Lotte Peeters learnt to use itsme.",
    )
    return user


def _personal_strings(user: User) -> list[str]:
    return [
        user.username,
        user.email,
        user.first_name,
        user.last_name,
        user.display_name,
        BIRTH_DATE.isoformat(),
        "TOPSECRETTOTP",
        "itsme-sub-123",
    ]


def _rows_pointing_to(user: User):
    """Every row of every model with a foreign key or one-to-one to the user."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    yield user_model, user_model.objects.filter(pk=user.pk)
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                getattr(field, "concrete", False)
                and field.is_relation
                and field.related_model is user_model
                and not field.many_to_many
            ):
                yield model, model._base_manager.filter(**{field.name: user.pk})


def _row_text(row) -> str:
    values = []
    for field in row._meta.concrete_fields:
        value = getattr(row, field.attname)
        values.append(
            json.dumps(value, default=str) if isinstance(value, dict | list) else str(value)
        )
    return " | ".join(values).lower()


def test_a_person_downloads_their_data_as_json_and_html(client, person):
    client.force_login(person)
    page = client.get(reverse("lms:my_data"))
    assert page.status_code == 200
    assert b"Download a readable summary" in page.content

    response = client.post(reverse("lms:my_data"), {"format": "json"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == "lotte.peeters@example.be"
    assert data["account"]["legal_family_name"] == "Peeters"
    assert data["email_addresses"][0]["email"] == "lotte.peeters@example.be"
    assert data["social_accounts"][0]["provider"] == "itsme"
    assert data["mfa"][0]["type"] == "totp"
    assert len(data["enrolments"]) == 1 and len(data["attempts"]) == 1
    assert len(data["xapi_statements"]) >= 1
    certificate = Certificate.objects.get(holder=person)
    assert data["certificates"]["certificates"][0]["code"] == certificate.display_code
    assert certificate.display_code in data["certificates"]["certificates"][0]["verification_url"]
    assert data["partner_records"][0]["birth_date"] == BIRTH_DATE.isoformat()
    assert data["helper_consents"][0]["helper__display_name"] == "Helper Hanne"
    assert "learnt to use itsme" in data["coaching_sessions"][0]["notes"]
    text = response.content.decode()
    # Never a secret: no password hash, MFA secret or social login id.
    assert "TOPSECRETTOTP" not in text and "itsme-sub-123" not in text
    assert person.password not in text

    html = client.post(reverse("lms:my_data"), {"format": "html"})
    assert html.status_code == 200
    assert b"My data at Digiskills" in html.content
    assert certificate.display_code.encode() in html.content
    assert (
        AuditEntry.objects.filter(action="personal_data.export", subject_user=person).count() == 2
    )


def test_the_export_runs_the_same_number_of_queries_whatever_the_person_holds(course):
    from lms.selectors.personal_data import personal_data_for

    user = UserFactory()
    issue_after_exam(user=user, course=course)
    PartnerLearnerFactory(user=user)
    with CaptureQueriesContext(connection) as one:
        personal_data_for(user=user)
    for _ in range(3):
        statement_record(learner=user, verb="experienced", object_kind="course", object_key=1)
        PartnerLearnerFactory(user=user)
    with CaptureQueriesContext(connection) as more:
        personal_data_for(user=user)
    assert len(more) == len(one)
    assert len(one) <= 32


def test_an_unknown_export_format_is_refused(client, person):
    client.force_login(person)
    assert client.post(reverse("lms:my_data"), {"format": "xml"}).status_code == 400


def test_a_person_deletes_their_account_and_the_certificate_verifies_as_revoked(client, person):
    certificate = Certificate.objects.get(holder=person)
    personal = [s.lower() for s in _personal_strings(person)]
    other_device = Client()
    other_device.force_login(person)
    client.force_login(person)

    response = client.post(
        reverse("lms:account_delete"), {"password": "correct-horse-battery", "understood": "on"}
    )
    assert response.status_code == 200
    assert b"Your account is deleted" in response.content
    # Signed out, and the old password no longer signs in.
    assert client.get(reverse("lms:my_data")).status_code == 302
    assert not client.login(username="lottep", password="correct-horse-battery")
    # The session on another device ended too.
    assert other_device.get(reverse("lms:my_data")).status_code == 302

    page = client.get("/en/verify/", {"code": certificate.code}).content.decode()
    assert 'data-status="revoked"' in page
    assert "Erased at the holder&#x27;s request" in page
    assert "Peeters" not in page
    api = client.get(reverse("certificates_public:api_verify_code", args=[certificate.code]))
    assert api.json()["status"] == "revoked"
    assert api.json()["certificate"]["revoked_because"] == "Erased at the holder's request"
    assert api.json()["certificate"]["holder"] is None
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "erased at the holder's request"

    person.refresh_from_db()
    assert not person.is_active and not person.has_usable_password()
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not SocialAccount.objects.filter(user=person).exists()
    assert not Authenticator.objects.filter(user=person).exists()
    # Aggregates stay: the enrolment, its completion, the statements.
    assert person.enrolments.count() == 1
    assert Statement.objects.filter(learner=person).exists()
    actor = Statement.objects.filter(learner=person).first().statement["actor"]
    assert actor["account"]["name"] == str(person.public_id)

    survivors = []
    for model, rows in _rows_pointing_to(person):
        for row in rows:
            text = _row_text(row)
            survivors += [(model._meta.label, s) for s in personal if s in text]
    assert survivors == []

    line = AuditEntry.objects.get(action="account.erase", target_id=str(person.pk))
    assert line.data["reason"] == "holder_request"
    assert not any(s in json.dumps(line.data).lower() for s in personal)


def test_a_wrong_password_is_refused_and_nothing_is_erased(client, person):
    client.force_login(person)
    response = client.post(
        reverse("lms:account_delete"), {"password": "wrong-password", "understood": "on"}
    )
    assert response.status_code == 400
    assert b"This is not your password." in response.content
    person.refresh_from_db()
    assert person.is_active and person.email == "lotte.peeters@example.be"
    assert Certificate.objects.get(holder=person).revoked_at is None


def test_without_ticking_the_box_nothing_is_erased(client, person):
    client.force_login(person)
    response = client.post(reverse("lms:account_delete"), {"password": "correct-horse-battery"})
    assert response.status_code == 400
    person.refresh_from_db()
    assert person.is_active


def test_deleting_ones_account_leaves_other_people_alone(client, person):
    other = UserFactory(password="other-password-123")
    client.force_login(other)
    client.post(
        reverse("lms:account_delete"), {"password": "other-password-123", "understood": "on"}
    )
    person.refresh_from_db()
    assert person.is_active and person.email == "lotte.peeters@example.be"


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for name in ("lms:my_data", "lms:account_delete"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "login" in response["Location"]


def test_a_young_learner_can_neither_download_nor_delete(client):
    child = UserFactory(account_type=User.AccountType.YOUNG, email="")
    client.force_login(child)
    assert client.get(reverse("lms:my_data")).status_code == 403
    assert client.post(reverse("lms:account_delete"), {"password": "x"}).status_code == 403


def test_an_account_with_a_role_must_have_its_roles_removed_first(client):
    teacher = UserFactory()
    role_grant(user=teacher, role=Role.TEACHER, granted_by=None)
    client.force_login(teacher)
    page = client.get(reverse("lms:account_delete"))
    assert b"remove your roles first" in page.content
    response = client.post(
        reverse("lms:account_delete"), {"password": "correct-horse-battery", "understood": "on"}
    )
    assert response.status_code == 403
    teacher.refresh_from_db()
    assert teacher.is_active


def test_an_account_without_a_password_is_asked_to_choose_one(client):
    person = UserFactory()
    person.set_unusable_password()
    person.save()
    client.force_login(person)
    assert b"Choose a password" in client.get(reverse("lms:account_delete")).content
    response = client.post(reverse("lms:account_delete"), {"password": "", "understood": "on"})
    assert response.status_code == 403


def test_erasing_twice_changes_nothing_the_second_time(person):
    from lms.services.erasure import REASON_REQUEST, account_erase

    assert account_erase(user=person, reason=REASON_REQUEST)
    assert account_erase(user=person, reason=REASON_REQUEST) == {}
    assert AuditEntry.objects.filter(action="account.erase").count() == 1


def test_an_assisted_account_with_the_helpers_password_cannot_be_deleted_with_it(client):
    person = UserFactory(account_type=User.AccountType.ASSISTED, email="")
    client.force_login(person)
    response = client.post(
        reverse("lms:account_delete"), {"password": "correct-horse-battery", "understood": "on"}
    )
    assert response.status_code == 403
    person.refresh_from_db()
    assert person.is_active
