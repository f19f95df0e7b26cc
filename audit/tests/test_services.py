import pytest
from django.contrib.auth.models import AnonymousUser

from audit.models import AuditEntry
from audit.selectors import (
    audit_entries_about,
    audit_entries_for,
    audit_entry_exists,
    audit_entry_get,
)
from audit.services import audit_data_scrub, audit_record, audit_record_many
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_row_names_its_target_by_label_and_key():
    staff, person = UserFactory(), UserFactory()
    entry = audit_record(
        actor=staff, action="role.grant", target=person, subject_user=person, data={"role": "x"}
    )
    assert (entry.target_type, entry.target_id) == ("lms.user", str(person.pk))
    assert (entry.actor, entry.subject_user, entry.data) == (staff, person, {"role": "x"})


def test_an_anonymous_actor_is_recorded_as_nobody():
    person = UserFactory()
    assert audit_record(actor=AnonymousUser(), action="a.b", target=person).actor is None
    assert audit_record(actor=None, action="a.b", target=person).actor is None


def test_rows_in_bulk_get_one_row_each_with_their_own_data():
    staff = UserFactory()
    people = [UserFactory() for _ in range(3)]
    audit_record_many(
        actor=staff,
        action="user.create",
        targets_and_subjects=[(p, p) for p in people],
        data=lambda target: {"username": target.username},
    )
    rows = AuditEntry.objects.filter(action="user.create").order_by("id")
    assert [(r.target_id, r.subject_user_id, r.data["username"]) for r in rows] == [
        (str(p.pk), p.pk, p.username) for p in people
    ]


def test_scrubbing_changes_only_the_rows_by_or_about_the_person():
    person, other = UserFactory(), UserFactory()
    about = audit_record(actor=None, action="a", target=person, subject_user=person, data={"n": 1})
    by = audit_record(actor=person, action="b", target=other, data={"n": 2})
    untouched = audit_record(actor=other, action="c", target=other, data={"n": 3})

    changed = audit_data_scrub(user=person, scrub=lambda data: {**data, "n": 0})

    assert changed == 2
    assert [AuditEntry.objects.get(pk=e.pk).data["n"] for e in (about, by, untouched)] == [0, 0, 3]


def test_a_scrub_that_changes_nothing_writes_nothing():
    person = UserFactory()
    audit_record(actor=None, action="a", target=person, subject_user=person, data={"n": 1})
    assert audit_data_scrub(user=person, scrub=lambda data: data) == 0


def test_the_selectors_read_what_was_recorded():
    person, other = UserFactory(), UserFactory()
    entry = audit_record(actor=other, action="card.print", target=person, subject_user=person)
    audit_record(actor=other, action="card.print", target=other, subject_user=other)

    assert list(audit_entries_about(user=person)) == [entry]
    assert list(audit_entries_for(target_type="lms.user", target_ids=[person.pk])) == [entry]
    assert audit_entry_get(entry_id=entry.pk) == entry
    assert audit_entry_get(entry_id=entry.pk + 1000) is None
    assert audit_entry_exists(action="card.print", target=person)
    assert not audit_entry_exists(action="card.revoke", target=person)
