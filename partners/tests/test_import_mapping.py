"""The mapping step of the import: partners' own columns and words matched
once, remembered by the organisation; duplicates and national register
numbers refused with a reason."""

import pytest
from django.test import override_settings
from django.utils import translation

from partners import importing
from partners.importing.mapping import Remembered, map_columns
from partners.importing.values import known, propose
from partners.models import ImportBatch, ImportMapping, PartnerLearner
from partners.services import (
    ImportRefused,
    import_batch_commit_request,
    import_batch_create,
    import_batch_map,
)
from partners.tests.files import (
    NL_HEADERS,
    PARTNER_HEADERS,
    csv_bytes,
    good_row,
    partner_rows,
    upload,
)


def _create(cohort, manager, data, name="deelnemers.csv"):
    return import_batch_create(
        organisation=cohort.project.organisation,
        cohort=cohort,
        upload=upload(data, name),
        uploaded_by=manager,
    )


def _confirm_proposals(batch, manager, **changes):
    """Confirm every proposal as the page offers it, with `changes` (word ->
    code) applied."""
    columns = {c["index"]: c["field"] or c["proposal"] for c in batch.mapping["columns"]}
    words: dict = {}
    for word in batch.mapping["words"]:
        code = changes.get(word["word"], word["proposal"] or importing.REFUSE)
        words.setdefault(word["field"], {})[word["key"]] = code
    return import_batch_map(batch=batch, columns=columns, words=words, mapped_by=manager)


@pytest.mark.parametrize(
    ("field", "word", "code"),
    [
        ("target_groups", "senior", "seniors"),
        ("target_groups", "Senioren 65+", "seniors"),
        ("target_groups", "55+", "seniors"),
        ("target_groups", "jobseeker", "jobseekers"),
        ("target_groups", "Werkzoekende", "jobseekers"),
        ("target_groups", "young", "young_people"),
        ("target_groups", "jong", "young_people"),
        ("target_groups", "woman-in-digital", "women_in_digital"),
        ("target_groups", "Nieuwkomer", "newcomers"),
        ("situation", "werkloos", "jobseeker"),
        ("gender", "Mevrouw", "f"),
        ("target_groups", "astronauts", ""),
    ],
)
def test_a_partner_word_gets_the_closest_value_proposed(field, word, code):
    assert propose(field, word) == code


def test_close_words_are_proposed_never_accepted_silently():
    assert known("target_groups", "senior") is None
    assert known("target_groups", "seniors") == "seniors"


@pytest.mark.django_db
def test_a_value_label_in_any_of_our_languages_is_accepted():
    assert known("target_groups", "Personen met een beperking") == "disability"
    assert known("target_groups", "Demandeurs d'emploi") == "jobseekers"
    assert known("situation", "Found a job") == "job_found"


def test_a_register_column_is_never_the_learner_id_even_if_remembered():
    remembered = Remembered(columns={"rijksregisternummer": "external_id"})
    columns = map_columns(["Rijksregisternummer", "Voornaam deelnemer", "Notes"], remembered)
    assert [(c["field"], c["how"]) for c in columns] == [
        ("", "remembered"),
        ("first_name", "name"),
        ("", "unknown"),
    ]
    fresh = map_columns(["INSZ", "Klantnummer"], Remembered())
    assert [(c["field"], c["how"]) for c in fresh] == [("", "register"), ("external_id", "name")]


def test_duplicates_keep_the_first_row_and_name_it_in_the_later_ones():
    rows = [importing.CheckedRow(line=n, cells=[]) for n in (2, 3, 4, 5)]
    for row, (external_id, email) in zip(
        rows, [("A", "a@x.be"), ("B", "A@x.be"), ("A", ""), ("a", "")], strict=True
    ):
        row.values.update(external_id=external_id, email=email)
    importing.check_duplicates(rows)
    assert [[(p["code"], p["line"]) for p in row.problems] for row in rows] == [
        [],
        [("duplicate_email", 2)],
        [("duplicate_id", 2)],
        [("duplicate_id", 2)],
    ]


pytestmark_db = pytest.mark.django_db


@pytestmark_db
def test_a_national_number_as_learner_id_is_refused_and_not_kept(cohort, manager):
    batch = _create(cohort, manager, csv_bytes([good_row(1, id="85.07.30-033.28"), good_row(2)]))
    row = batch.rows.get(line=2)
    assert [p["code"] for p in row.errors] == ["national_number"]
    assert row.external_id == "" and row.values["external_id"] == ""
    with translation.override("nl"):
        text = importing.problem_text(row.errors[0])
    assert "rijksregisternummer" in text.lower() and "wet" in text
    assert batch.rows_valid == 1


@pytestmark_db
def test_a_column_named_for_the_register_cannot_be_mapped_to_the_learner_id(cohort, manager):
    headers = ["Rijksregisternummer", *NL_HEADERS[1:]]
    batch = _create(cohort, manager, csv_bytes([good_row(1)], headers=headers))
    assert batch.status == ImportBatch.Status.MAPPING
    assert batch.mapping["columns"][0]["how"] == "register"
    assert batch.mapping["missing"] == ["external_id"]
    with pytest.raises(ImportRefused, match="national register"):
        import_batch_map(
            batch=batch, columns={0: "external_id", 1: "first_name"}, words={}, mapped_by=manager
        )
    assert ImportBatch.objects.get(pk=batch.pk).status == ImportBatch.Status.MAPPING
    assert not ImportMapping.objects.exists()


@pytestmark_db
def test_a_mapping_without_the_required_fields_or_with_a_field_twice_is_refused(cohort, manager):
    batch = _create(cohort, manager, csv_bytes([["1", "Zoë"]], headers=["Nr", "Wie"]))
    assert batch.status == ImportBatch.Status.MAPPING
    with pytest.raises(ImportRefused, match="First name"):
        import_batch_map(batch=batch, columns={0: "external_id"}, words={}, mapped_by=manager)
    with pytest.raises(ImportRefused, match="two columns"):
        import_batch_map(
            batch=batch, columns={0: "first_name", 1: "first_name"}, words={}, mapped_by=manager
        )
    batch = import_batch_map(
        batch=batch, columns={0: "external_id", 1: "first_name"}, words={}, mapped_by=manager
    )
    assert (batch.status, batch.rows_valid) == (ImportBatch.Status.VALIDATED, 1)
    assert ImportMapping.objects.get().columns == {"nr": "external_id", "wie": "first_name"}


@pytestmark_db
def test_a_word_mapped_to_a_value_not_in_the_list_is_refused(cohort, manager):
    batch = _create(cohort, manager, csv_bytes([good_row(1, groups="senior")]))
    columns = {c["index"]: c["field"] for c in batch.mapping["columns"]}
    with pytest.raises(ImportRefused):
        import_batch_map(
            batch=batch,
            columns=columns,
            words={"target_groups": {"senior": "astronauts"}},
            mapped_by=manager,
        )


@pytestmark_db
def test_leave_empty_enrols_without_the_value_and_refuse_marks_the_rows(cohort, manager):
    rows = [good_row(1, groups="senior"), good_row(2, groups="alien|jobseekers")]
    batch = _create(cohort, manager, csv_bytes(rows))
    assert {w["word"]: w["count"] for w in batch.mapping["words"]} == {"senior": 1, "alien": 1}
    batch = _confirm_proposals(batch, manager, senior="")
    assert batch.rows.get(line=2).values["target_groups"] == []
    refused = batch.rows.get(line=3)
    assert [(p["code"], p["value"]) for p in refused.errors] == [("bad_target_group", "alien")]
    assert (batch.rows_valid, batch.rows_invalid) == (1, 1)


@pytestmark_db
def test_a_belgian_file_with_partner_words_imports_every_valid_row_after_the_mapping(
    cohort, manager
):
    data = csv_bytes(partner_rows(1000), headers=PARTNER_HEADERS, encoding="cp1252")
    batch = _create(cohort, manager, data)
    assert batch.status == ImportBatch.Status.MAPPING
    words = {w["word"]: (w["count"], w["proposal"]) for w in batch.mapping["words"]}
    assert words == {
        "jobseeker": (400, "jobseekers"),
        "young": (400, "young_people"),
        "senior": (200, "seniors"),
        "woman-in-digital": (200, "women_in_digital"),
    }
    batch = _confirm_proposals(batch, manager)
    assert (batch.rows_total, batch.rows_valid, batch.rows_invalid) == (1000, 994, 6)
    problems = {r.line: [p["code"] for p in r.errors] for r in batch.rows.filter(is_valid=False)}
    assert problems == {
        101: ["impossible_date"],
        201: ["bad_postcode"],
        301: ["bad_email"],
        401: ["required"],
        501: ["national_number"],
        601: ["duplicate_id"],
    }
    assert batch.rows.get(line=6).values["target_groups"] == ["seniors"]
    assert batch.rows.get(line=5).values["target_groups"] == ["jobseekers", "young_people"]
    import_batch_commit_request(batch=batch, committed_by=manager)
    assert PartnerLearner.objects.count() == 994

    # The organisation's second file, UTF-8 with BOM, uses the same words.
    second = csv_bytes(
        partner_rows(200, start=5001, bad=False),
        headers=PARTNER_HEADERS,
        encoding="utf-8",
        bom=True,
    )
    batch = _create(cohort, manager, second)
    assert batch.status == ImportBatch.Status.VALIDATED
    assert (batch.rows_valid, batch.rows_invalid) == (200, 0)


@pytestmark_db
def test_another_organisation_does_not_inherit_the_mapping(cohort, manager):
    from partners.tests.factories import CohortFactory, OrganisationFactory, ProjectFactory

    batch = _create(cohort, manager, csv_bytes([good_row(1, groups="senior")]))
    _confirm_proposals(batch, manager)
    other = CohortFactory(project=ProjectFactory(organisation=OrganisationFactory()))
    theirs = import_batch_create(
        organisation=other.project.organisation,
        cohort=other,
        upload=upload(csv_bytes([good_row(1, groups="senior")])),
        uploaded_by=manager,
    )
    assert theirs.status == ImportBatch.Status.MAPPING


@pytestmark_db
@override_settings(PARTNER_IMPORT_BACKGROUND_ROWS=5)
def test_a_large_file_is_surveyed_and_checked_by_the_task_after_the_mapping(
    cohort, manager, django_capture_on_commit_callbacks
):
    rows = [good_row(n, groups="senior") for n in range(1, 11)]
    with django_capture_on_commit_callbacks(execute=True):  # the task runs eagerly
        batch = _create(cohort, manager, csv_bytes(rows))
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.MAPPING
    with django_capture_on_commit_callbacks(execute=True) as queued:
        assert _confirm_proposals(batch, manager).status == ImportBatch.Status.UPLOADED
    assert len(queued) == 1
    batch.refresh_from_db()
    assert (batch.status, batch.rows_valid) == (ImportBatch.Status.VALIDATED, 10)


@pytestmark_db
def test_mapping_a_batch_twice_does_nothing_the_second_time(cohort, manager):
    batch = _create(cohort, manager, csv_bytes([good_row(1, groups="senior")]))
    first = _confirm_proposals(batch, manager)
    batch.status = ImportBatch.Status.MAPPING  # a stale page sends the form again
    again = _confirm_proposals(batch, manager, senior="")
    assert again.status == first.status == ImportBatch.Status.VALIDATED
    assert again.rows.get().values["target_groups"] == ["seniors"]


@pytestmark_db
def test_the_template_lines_starting_with_hash_are_skipped(cohort, manager):
    with translation.override("nl"):
        notes = importing.template_notes()
    rows = [good_row(1), *[note + [""] * 10 for note in notes if note[0]]]
    batch = _create(cohort, manager, csv_bytes(rows))
    assert (batch.status, batch.rows_total, batch.rows_valid) == ("validated", 1, 1)
    assert any("Senioren = seniors" in note[0] for note in notes)


@pytest.mark.parametrize(("distinct", "offered"), [(199, 199), (200, 200), (201, 200), (5000, 200)])
def test_at_most_max_words_unknown_words_are_offered_per_column(distinct, offered):
    """A free-text column mapped by mistake is not offered word by word: the
    most used MAX_WORDS are, and no proposal is computed for the rest."""
    from partners.importing.mapping import MAX_WORDS, survey

    assert MAX_WORDS == 200
    rows = [(n + 2, good_row(n, groups=f"zzgroep {n}")) for n in range(distinct)]
    found = survey(NL_HEADERS, rows, Remembered(), lambda text: None, {})
    assert len([w for w in found.words if w["field"] == "target_groups"]) == offered
