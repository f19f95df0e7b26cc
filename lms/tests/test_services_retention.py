"""The retention schedule: inactive accounts warned in their language after
N months, erased M months after the warning unless they signed in; children
erased with their closed class. Boundaries: the last moment before, and the
moment of."""

from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.utils import timezone

from lms.models import User
from lms.roles import Role
from lms.services import role_grant
from lms.services.retention import retention_inactive_apply
from lms.services.sections import section_children_add, section_close, section_create
from lms.tasks import retention_apply
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)


@pytest.fixture(autouse=True)
def _schedule(settings):
    settings.GDPR_INACTIVE_WARN_MONTHS = 36
    settings.GDPR_INACTIVE_ERASE_MONTHS = 2


def _unseen_since(moment, **kwargs) -> User:
    return UserFactory(last_login=moment, date_joined=moment - timedelta(days=1), **kwargs)


def test_an_account_seen_just_inside_the_period_is_not_warned():
    _unseen_since(NOW - relativedelta(months=36) + timedelta(seconds=1))
    assert retention_inactive_apply(now=NOW) == {"warned": 0, "erased": 0}
    assert mail.outbox == []


def test_an_account_unseen_for_the_period_is_warned_once_in_its_language():
    person = _unseen_since(NOW - relativedelta(months=36), preferred_language="nl")
    assert retention_inactive_apply(now=NOW) == {"warned": 1, "erased": 0}
    assert retention_inactive_apply(now=NOW) == {"warned": 0, "erased": 0}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [person.email]
    assert "verwijderd" in mail.outbox[0].subject
    person.refresh_from_db()
    assert person.inactivity_warned_at == NOW


def test_an_account_without_e_mail_is_marked_warned_without_mail():
    person = _unseen_since(NOW - relativedelta(months=40), email="")
    assert retention_inactive_apply(now=NOW)["warned"] == 1
    assert mail.outbox == []
    person.refresh_from_db()
    assert person.inactivity_warned_at == NOW


def test_the_account_is_erased_on_the_day_the_grace_period_ends_not_before():
    person = _unseen_since(NOW - relativedelta(months=40))
    retention_inactive_apply(now=NOW)
    day_before = NOW + relativedelta(months=2) - timedelta(seconds=1)
    assert retention_inactive_apply(now=day_before)["erased"] == 0
    assert retention_inactive_apply(now=NOW + relativedelta(months=2))["erased"] == 1
    person.refresh_from_db()
    assert not person.is_active and person.email == "" and person.username.startswith("erased-")


def test_signing_in_after_the_warning_keeps_the_account():
    person = _unseen_since(NOW - relativedelta(months=40))
    retention_inactive_apply(now=NOW)
    User.objects.filter(pk=person.pk).update(last_login=NOW + timedelta(days=1))
    assert retention_inactive_apply(now=NOW + relativedelta(months=3))["erased"] == 0
    person.refresh_from_db()
    assert person.is_active


def test_accounts_with_a_role_and_children_are_never_warned():
    teacher = _unseen_since(NOW - relativedelta(months=50))
    role_grant(user=teacher, role=Role.TEACHER, granted_by=None)
    _unseen_since(NOW - relativedelta(months=50), account_type=User.AccountType.YOUNG, email="")
    _unseen_since(NOW - relativedelta(months=50), is_staff=True)
    assert retention_inactive_apply(now=NOW) == {"warned": 0, "erased": 0}


def test_closing_a_class_erases_its_childrens_accounts(django_capture_on_commit_callbacks):
    teacher = UserFactory()
    section = section_create(
        teacher=teacher, name="3B", language="nl", school_year="2026-2027", under_13=False
    )
    children = section_children_add(section=section, text="Emma\nNoah", added_by=teacher)
    with django_capture_on_commit_callbacks(execute=True):
        assert section_close(section=section, closed_by=teacher)
    for child in children:
        user = User.objects.get(pk=child.user_id)
        assert user.username.startswith("erased-") and not user.is_active
        child.refresh_from_db()
        assert "Emma" not in child.first_name and "Noah" not in child.first_name
    # The nightly run finds nothing left to do.
    assert retention_apply.delay().get()["children_erased"] == 0
