import pytest
from django.core.exceptions import PermissionDenied

from audit.models import AuditEntry
from audit.services import audit_record
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry():
    person = UserFactory()
    return audit_record(actor=None, action="role.grant", target=person, subject_user=person)


def test_an_audit_entry_cannot_be_changed(entry):
    entry.action = "something.else"
    with pytest.raises(PermissionDenied):
        entry.save()


def test_an_audit_entry_cannot_be_deleted(entry):
    with pytest.raises(PermissionDenied):
        entry.delete()


def test_the_journal_cannot_be_rewritten_in_bulk(entry):
    with pytest.raises(PermissionDenied):
        AuditEntry.objects.update(action="x")
    with pytest.raises(PermissionDenied):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "role.grant"
