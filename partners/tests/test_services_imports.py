import pytest
from django.test import override_settings

from audit.models import AuditEntry
from lms.models import Enrolment
from partners.models import ImportBatch, PartnerLearner
from partners.services import (
    ImportRefused,
    import_batch_commit,
    import_batch_commit_request,
    import_batch_create,
    import_batch_map,
)
from partners.tests.files import csv_bytes, good_row, upload, xlsx_bytes

pytestmark = pytest.mark.django_db


def _create(cohort, manager, data, name="cursisten.csv"):
    return import_batch_create(
        organisation=cohort.project.organisation,
        cohort=cohort,
        upload=upload(data, name),
        uploaded_by=manager,
    )


def _problems(batch):
    return {row.line: [p["code"] for p in row.errors] for row in batch.rows.filter(is_valid=False)}


def test_a_cp1252_semicolon_file_is_checked_and_nothing_is_enrolled_yet(cohort, manager):
    batch = _create(cohort, manager, csv_bytes([good_row(1), good_row(2, first="François")]))
    assert batch.status == ImportBatch.Status.VALIDATED
    assert (batch.rows_total, batch.rows_valid, batch.rows_new) == (2, 2, 2)
    assert batch.rows.get(line=3).values["first_name"] == "François"
    assert batch.rows.get(line=2).values["birth_date"] == "1988-02-29"
    assert not PartnerLearner.objects.exists()
    assert batch.file.name.startswith(f"partners/imports/{cohort.project.organisation_id}/")


def test_utf8_with_bom_comma_and_english_headers_are_understood(cohort, manager):
    headers = ["Learner id", "First name", "Last name", "Date of birth", "Language"]
    data = csv_bytes(
        [["X1", "Ōsaka", "Ñúñez", "1990-05-17", "English"]],
        headers=headers,
        delimiter=",",
        encoding="utf-8",
        bom=True,
    )
    batch = _create(cohort, manager, data)
    row = batch.rows.get()
    assert row.is_valid, row.errors
    assert (row.values["first_name"], row.values["language"]) == ("Ōsaka", "en")


def test_french_and_german_headers_are_understood(cohort, manager):
    for headers in (
        ["Numéro apprenant", "Prénom", "Nom", "Date de naissance"],
        ["Teilnehmernummer", "Vorname", "Nachname", "Geburtsdatum"],
    ):
        batch = _create(
            cohort, manager, csv_bytes([["A", "Éric", "Dürr", "01/02/2003"]], headers=headers)
        )
        assert batch.rows.get().is_valid


def test_an_xlsx_file_is_checked_like_a_csv(cohort, manager):
    batch = _create(
        cohort, manager, xlsx_bytes([good_row(1), good_row(1, email="")]), "cursisten.xlsx"
    )
    assert batch.file_format == "xlsx"
    assert _problems(batch) == {3: ["duplicate_id"]}
    assert batch.rows.get(line=3).errors[0]["line"] == 2


def test_a_formula_is_kept_as_text(cohort, manager):
    batch = _create(cohort, manager, csv_bytes([good_row(1, first="=HYPERLINK(1)")]))
    assert batch.rows.get().values["first_name"] == "=HYPERLINK(1)"


def test_fifty_rows_with_mixed_problems_are_each_reported(cohort, manager, tree):
    rows = [good_row(n) for n in range(1, 41)]
    rows += [
        good_row(41, email="not-an-email"),
        good_row(42, birth="31/02/1990"),
        good_row(43, birth="morgen"),
        good_row(44, lang="klingon"),
        good_row(45, postcode="75001"),
        good_row(46, first=""),
        good_row(47, groups="astronauts"),
        good_row(48, course="no-such-course"),
        good_row(1, email="other@example.be"),  # the id of line 2 again
        good_row(50, id="", gender="?"),
    ]
    rows[10] = good_row(11, course=tree.course.slug)
    batch = _create(cohort, manager, csv_bytes(rows))
    # Words in no list wait for the mapping step; refused, they are problems.
    assert batch.status == ImportBatch.Status.MAPPING
    assert {(w["field"], w["word"]) for w in batch.mapping["words"]} == {
        ("language", "klingon"),
        ("gender", "?"),
        ("target_groups", "astronauts"),
        ("course", "no-such-course"),
    }
    batch = import_batch_map(
        batch=batch,
        columns={c["index"]: c["field"] for c in batch.mapping["columns"]},
        words={w["field"]: {w["key"]: "!refuse"} for w in batch.mapping["words"]},
        mapped_by=manager,
    )
    assert (batch.rows_total, batch.rows_valid, batch.rows_invalid) == (50, 40, 10)
    assert _problems(batch) == {
        42: ["bad_email"],
        43: ["impossible_date"],
        44: ["bad_date"],
        45: ["bad_language"],
        46: ["bad_postcode"],
        47: ["required"],
        48: ["bad_target_group"],
        49: ["unknown_course"],
        50: ["duplicate_id"],
        51: ["required", "bad_gender"],
    }
    assert batch.rows.get(line=12).values["course_keys"] == [str(tree.course.translation_key)]


def test_an_email_of_another_account_is_a_problem_for_a_new_learner(cohort, manager):
    batch = _create(cohort, manager, csv_bytes([good_row(1, email=manager.email.upper())]))
    assert _problems(batch) == {2: ["email_taken"]}


def test_a_file_without_the_required_columns_waits_for_the_mapping_step(cohort, manager):
    batch = _create(cohort, manager, csv_bytes([["x"]], headers=["Something"]))
    assert batch.status == ImportBatch.Status.MAPPING
    assert batch.mapping["missing"] == ["external_id", "first_name"]
    assert not batch.rows.exists()


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"", "empty.csv"),
        (b"\x00\x00binary\x00", "x.csv"),
        (b"PK\x03\x04not really a zip", "x.xlsx"),
        (b"id;first\r\n1;a\r\n", "x.exe"),
    ],
)
def test_refused_uploads_say_why_and_store_nothing(cohort, manager, data, name):
    with pytest.raises(ImportRefused) as refused:
        _create(cohort, manager, data, name)
    assert refused.value.message
    assert not ImportBatch.objects.exists()


@override_settings(PARTNER_IMPORT_MAX_BYTES=100)
def test_a_file_over_the_size_limit_is_refused(cohort, manager):
    with pytest.raises(ImportRefused, match="too big"):
        _create(cohort, manager, csv_bytes([good_row(n) for n in range(5)]))


def test_commit_enrols_every_valid_row_once_and_is_audited(cohort, manager, tree):
    batch = _create(cohort, manager, csv_bytes([good_row(1), good_row(2), good_row(3, birth="x")]))
    assert import_batch_commit_request(batch=batch, committed_by=manager)
    assert not import_batch_commit_request(batch=batch, committed_by=manager)
    import_batch_commit(batch_id=batch.pk)  # a retried task does nothing
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.COMMITTED
    assert PartnerLearner.objects.count() == 2
    assert Enrolment.objects.filter(course_key=tree.course.translation_key).count() == 2
    entry = AuditEntry.objects.get(action="partners.import_commit")
    assert (entry.actor, entry.data["enrolled"], entry.data["invalid"]) == (manager, 2, 1)


def test_the_same_file_twice_updates_the_same_learners(cohort, manager):
    for last in ("Peeters", "Peeters-Janssens"):
        batch = _create(cohort, manager, csv_bytes([good_row(1, last=last, email="")]))
        import_batch_commit_request(batch=batch, committed_by=manager)
    batch.refresh_from_db()
    assert (batch.rows_new, batch.rows_updated) == (0, 1)
    assert PartnerLearner.objects.get().last_name == "Peeters-Janssens"


def test_a_failing_commit_saves_nothing_and_can_be_tried_again(cohort, manager, tree):
    batch = _create(cohort, manager, csv_bytes([good_row(1), good_row(2)]))
    tree.course.unpublish()  # the course disappears between preview and commit
    import_batch_commit_request(batch=batch, committed_by=manager)
    batch.refresh_from_db()
    assert (batch.status, batch.problem) == (ImportBatch.Status.VALIDATED, "commit_failed")
    assert not PartnerLearner.objects.exists()
    tree.course.save_revision().publish()
    assert import_batch_commit_request(batch=batch, committed_by=manager)
    assert PartnerLearner.objects.count() == 2
