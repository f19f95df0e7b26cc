import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from audit.models import AuditEntry
from lms.models import User
from lms.roles import Role
from lms.selectors import user_roles
from lms.services import role_grant, role_revoke, user_create
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_child_account_exists_without_email_and_gets_a_generated_username():
    child = user_create(display_name="Noah", account_type=User.AccountType.YOUNG)
    assert child.email == ""
    assert child.username.startswith("noah-")
    assert not child.has_usable_password()


def test_two_people_without_email_can_coexist():
    user_create(display_name="Ana")
    user_create(display_name="Bo")
    assert User.objects.filter(email="").count() == 2


def test_email_is_unique_whatever_its_case():
    user_create(username="a", email="Lotte@Example.be")
    with pytest.raises((IntegrityError, ValidationError)):
        user_create(username="b", email="lotte@example.be")


def test_account_created_by_a_helper_is_journaled(django_capture_on_commit_callbacks):
    helper = UserFactory()
    person = user_create(display_name="Mariette", created_by=helper, account_type="assisted")
    entry = AuditEntry.objects.get(action="user.create")
    assert entry.actor == helper
    assert entry.subject_user == person


def test_welcome_email_is_sent_once_after_commit_in_the_persons_language(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        user = user_create(username="lotte", email="lotte@example.be", preferred_language="nl")
        assert mail.outbox == []  # nothing leaves before the commit
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lotte@example.be"]
    user.refresh_from_db()
    assert user.welcomed_at is not None


def test_welcome_task_run_twice_sends_one_email(django_capture_on_commit_callbacks):
    from lms.tasks import account_welcome_send

    with django_capture_on_commit_callbacks(execute=True):
        user = user_create(username="jan", email="jan@example.be")
    assert account_welcome_send.apply(args=[user.pk]).get() == "skipped"
    assert len(mail.outbox) == 1


def test_no_welcome_email_for_a_person_without_email(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        user_create(display_name="Noah", account_type="young")
    assert callbacks == []
    assert mail.outbox == []


def test_granting_a_role_is_journaled_and_granting_twice_changes_nothing():
    officer, admin = UserFactory(), UserFactory(is_superuser=True)
    assert role_grant(user=officer, role=Role.FUND_OFFICER, granted_by=admin) is True
    assert role_grant(user=officer, role=Role.FUND_OFFICER, granted_by=admin) is False
    assert Role.FUND_OFFICER in user_roles(user=User.objects.get(pk=officer.pk))
    assert AuditEntry.objects.filter(action="role.grant", subject_user=officer).count() == 1


def test_revoking_a_role_removes_it_and_is_journaled():
    teacher, admin = UserFactory(), UserFactory()
    role_grant(user=teacher, role=Role.TEACHER, granted_by=admin)
    assert role_revoke(user=teacher, role=Role.TEACHER, revoked_by=admin) is True
    assert Role.TEACHER not in user_roles(user=User.objects.get(pk=teacher.pk))
    assert role_revoke(user=teacher, role=Role.TEACHER, revoked_by=admin) is False
