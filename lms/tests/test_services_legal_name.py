"""Where a legal name comes from, and how it is recorded."""

import pytest

from audit.models import AuditEntry
from lms.models import User
from lms.services import NewPerson, user_legal_name_set, users_create_bulk
from lms.signals import legal_name_given
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    calls = []

    def listen(sender, **kwargs):
        calls.append(kwargs)

    legal_name_given.connect(listen, dispatch_uid="test.legal_name_given")
    yield calls
    legal_name_given.disconnect(dispatch_uid="test.legal_name_given")


def test_a_partner_import_with_both_names_is_a_legal_name_from_the_partner():
    full, half = users_create_bulk(
        people=[
            NewPerson(first_name="Zoë", last_name="Dupont"),
            NewPerson(first_name="Mehdi"),
        ]
    )
    full, half = User.objects.get(pk=full.pk), User.objects.get(pk=half.pk)
    assert (full.legal_name, full.legal_name_source) == ("Zoë Dupont", "partner")
    assert (half.has_legal_name, half.legal_name_source) == (False, "")


def test_recording_the_name_is_audited_and_announced_after_commit(
    heard, django_capture_on_commit_callbacks
):
    person = UserFactory(first_name="", last_name="", legal_name_source="")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        user_legal_name_set(user=person, given_name=" Zoë ", family_name="Dupont", actor=person)
    assert heard == []
    for callback in callbacks:
        callback()
    assert len(heard) == 1 and heard[0]["source"] == "self"
    person.refresh_from_db()
    assert person.legal_name == "Zoë Dupont"
    entry = AuditEntry.objects.get(action="user.legal_name_set")
    assert entry.data["before"] == {"given_name": "", "family_name": ""}


def test_the_same_name_again_changes_and_audits_nothing(heard, django_capture_on_commit_callbacks):
    person = UserFactory(first_name="Zoë", last_name="Dupont")
    with django_capture_on_commit_callbacks(execute=True):
        user_legal_name_set(user=person, given_name="Zoë", family_name="Dupont", actor=person)
    assert not AuditEntry.objects.filter(action="user.legal_name_set").exists()
    # Still announced: a certificate that waited is issued (idempotently).
    assert len(heard) == 1


def test_a_bad_name_records_nothing():
    from django.core.exceptions import ValidationError

    person = UserFactory(first_name="", last_name="")
    with pytest.raises(ValidationError):
        user_legal_name_set(user=person, given_name="Zoë", family_name="Du\u200bpont")
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == ("", "")
    assert not AuditEntry.objects.exists()
