"""Bulk enrolment from a file: upload -> check (preview) -> enrol (commit).

- Upload: the file is refused with a reason (too big, not a CSV or XLSX,
  unreadable) or stored in media storage as it came.
- Map: the file's columns and words are matched with what the organisation
  confirmed before (`partners.importing.mapping`). When something is unknown
  (a required column, a word not in a vocabulary, a column named for the
  national register) the batch waits in `mapping` for the partner to
  confirm; the organisation remembers it, so its next file goes straight on.
- Check: every row is read and checked into `ImportRow`s with the mapping
  applied; nothing is written to learners. Large files are checked by a
  Celery task (also after the mapping step).
- Enrol: one transaction for the whole batch (all valid rows or none), through
  `learners_enrol`, which is idempotent on the partner's learner id. The new
  accounts' welcomes are held for staff to release (`services.welcomes`) and
  the partner's webhooks get the file as paged `import.committed` events. The batch
  moves validated -> committing by a conditional UPDATE, so a double click, a
  second tab or a retried task enrols once; a failure rolls everything back
  and leaves the batch ready to try again.

Progress of a running step is kept in the cache (the step's own transaction
is not visible until it commits).
"""

import datetime
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from courses.models import CoursePage
from lms.bulk_sql import bulk_insert
from lms.models import User
from partners import importing
from partners.importing.identifiers import national_number_header
from partners.importing.mapping import REFUSE, Remembered, value_overrides
from partners.models import (
    Cohort,
    ImportBatch,
    ImportMapping,
    ImportRow,
    Organisation,
)
from partners.selectors import emails_taken_for_new_learners, learner_ids_known
from partners.services.learners import LearnerInput, learners_enrol
from partners.services.webhooks import webhook_import_committed
from partners.services.welcomes import import_welcomes_hold
from partners.spreadsheets import (
    LIMIT_PROBLEMS,
    TOO_LARGE,
    UnreadableFile,
    read_table,
    sniff_format,
)

logger = logging.getLogger(__name__)

CHUNK = 2000
EXTENSIONS = {"csv": ("csv", "txt"), "xlsx": ("xlsx",)}


class ImportRefused(Exception):
    """An upload we do not take; `message` says why, in the user's language,
    and `status` is the HTTP status to answer (413 too big, 400 otherwise)."""

    def __init__(self, message: str, *, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


def _unreadable(refused: UnreadableFile) -> ImportRefused:
    code = refused.code
    text = LIMIT_PROBLEMS.get(code) or importing.FILE_PROBLEMS[code]
    return ImportRefused(
        str(text) % refused.params if refused.params else str(text),
        status=413 if code in TOO_LARGE else 400,
    )


def progress_key(batch_id: int) -> str:
    return f"partners:import:{batch_id}:progress"


def _progress(batch_id: int, done: int) -> None:
    cache.set(progress_key(batch_id), done, timeout=3600)


def _count_rows(data: bytes, file_format: str) -> int:
    """The file's data rows (lines of a CSV), after reading every cell once
    through the reader's limits (zip sizes, cell length, width, time), so that
    a file refused for them is refused before anything is stored; raises
    UnreadableFile."""
    read = sum(1 for _ in read_table(data).rows)
    if file_format == "csv":
        return max(0, data.count(b"\n") - 1 + (0 if data.endswith(b"\n") else 1))
    return read


@transaction.atomic
def import_batch_create(
    *, organisation: Organisation, cohort: Cohort, upload, uploaded_by: User
) -> ImportBatch:
    """Store an uploaded learner file for `cohort` and start checking it: at
    once for a small file, in Celery for a large one."""
    if cohort.project.organisation_id != organisation.pk:
        raise ValueError("the cohort belongs to another organisation")
    limit = settings.PARTNER_IMPORT_MAX_BYTES
    name = (getattr(upload, "name", "") or "learners").rsplit("/", 1)[-1][:200]
    if upload.size is not None and upload.size > limit:
        raise ImportRefused(
            _("The file is too big (%(size)s MB; at most %(max)s MB).")
            % {"size": round(upload.size / 1048576, 1), "max": limit // 1048576},
            status=413,
        )
    # The view's upload handler already stopped a larger body; this bounds a
    # file given otherwise (tests, a shell) to the same limit.
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ImportRefused(
            _("The file is too big (at most %(max)s MB).") % {"max": limit // 1048576},
            status=413,
        )
    if not data.strip():
        raise ImportRefused(str(importing.FILE_PROBLEMS["empty"]))
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    try:
        file_format = sniff_format(data[:8192], name)
    except UnreadableFile as refused:
        raise _unreadable(refused) from refused
    if extension not in EXTENSIONS[file_format]:
        raise ImportRefused(
            _("Only CSV and XLSX files are accepted; this file is neither (%(name)s).")
            % {"name": name}
        )
    try:
        rows = _count_rows(data, file_format)
    except UnreadableFile as refused:
        raise _unreadable(refused) from refused
    if file_format == "xlsx" and rows == 0:
        raise ImportRefused(str(importing.FILE_PROBLEMS["bad_xlsx"]))
    if rows > settings.PARTNER_IMPORT_MAX_ROWS:
        raise ImportRefused(
            str(importing.FILE_PROBLEMS["too_many_rows"])
            % {"max": settings.PARTNER_IMPORT_MAX_ROWS},
            status=413,
        )
    batch = ImportBatch(
        public_id=uuid.uuid4(),
        organisation=organisation,
        cohort=cohort,
        uploaded_by=uploaded_by,
        original_name=name,
        file_format=file_format,
        rows_total=rows,
    )
    batch.file.save(f"upload.{file_format}", ContentFile(data), save=False)
    batch.save()
    if rows > settings.PARTNER_IMPORT_BACKGROUND_ROWS:
        from partners.tasks import import_validate

        import_validate.delay_on_commit(batch.pk)
    else:
        import_batch_validate(batch_id=batch.pk)
        batch.refresh_from_db()
    return batch


def _courses() -> dict[str, str]:
    found: dict[str, str] = {}
    for key, slug, title in CoursePage.objects.live().values_list(
        "translation_key", "slug", "title"
    ):
        for alias in (str(key), slug.lower(), importing.normalise(title)):
            found.setdefault(alias, str(key))
    return found


def course_choices() -> list[tuple[str, str]]:
    """(translation key, title) of the live courses, for the mapping step."""
    seen: dict[str, str] = {}
    for key, title in (
        CoursePage.objects.live().order_by("title").values_list("translation_key", "title")
    ):
        seen.setdefault(str(key), title)
    return list(seen.items())


def _remembered(organisation: Organisation) -> Remembered:
    saved = ImportMapping.objects.filter(organisation=organisation).first()
    return Remembered(columns=saved.columns, values=saved.values) if saved else Remembered()


def _fail(batch: ImportBatch, problem: str) -> ImportBatch:
    batch.status = ImportBatch.Status.FAILED
    batch.problem = problem
    batch.save(update_fields=["status", "problem"])
    return batch


def _database_checks(batch: ImportBatch, rows: list[importing.CheckedRow]) -> set[str]:
    """Learner ids the organisation already knows, and e-mails of accounts
    that are not the same learner's (the rule the API follows too)."""
    known = learner_ids_known(
        organisation=batch.organisation,
        external_ids=(row.external_id for row in rows if row.external_id),
    )
    taken = emails_taken_for_new_learners(
        organisation=batch.organisation,
        pairs=[(row.external_id, row.values.get("email", "")) for row in rows],
        known=known,
    )
    for row in rows:
        email = row.values.get("email")
        # A new learner's account is created with this e-mail; an existing
        # learner keeps their own account (the import does not change it).
        if email and email in taken and row.external_id not in known:
            row.problem("email", "email_taken", value=email)
    return known


@transaction.atomic
def import_batch_validate(*, batch_id: int) -> ImportBatch | None:
    """Check every row of an uploaded batch (safe to run again: a retried
    task starts over). Writes only the batch and its rows."""
    batch = (
        ImportBatch.objects.select_for_update()
        .select_related("organisation", "cohort")
        .filter(pk=batch_id)
        .first()
    )
    if batch is None or batch.status not in {
        ImportBatch.Status.UPLOADED,
        ImportBatch.Status.VALIDATING,
    }:
        return batch
    batch.status = ImportBatch.Status.VALIDATING
    _progress(batch.pk, 0)
    with batch.file.open("rb") as handle:
        data = handle.read()
    try:
        table = read_table(data, name=batch.original_name)
    except UnreadableFile as problem:
        return _fail(batch, problem.code)
    batch.headers = table.headers
    batch.encoding, batch.delimiter = table.encoding, table.delimiter
    lines = []
    try:
        for line, cells in table.rows:
            # Lines starting with # are the template's notes (accepted words).
            if cells and cells[0].startswith("#"):
                continue
            lines.append((line, cells))
            if len(lines) > settings.PARTNER_IMPORT_MAX_ROWS:
                return _fail(batch, "too_many_rows")
    except UnreadableFile as problem:
        return _fail(batch, problem.code)
    courses = _courses()
    remembered = _remembered(batch.organisation)
    ctx = importing.Context(
        default_language=batch.organisation.language,
        today=timezone.localdate(),
        courses=courses,
    )
    if batch.mapping.get("confirmed"):
        mapping = {int(index): name for index, name in batch.mapping["fields"].items()}
        ctx.words = value_overrides(remembered, batch.mapping.get("words", {}))
    else:
        found = importing.survey(table.headers, lines, remembered, ctx.course_key, courses)
        if found.needs_mapping:
            batch.status = ImportBatch.Status.MAPPING
            batch.rows_total = len(lines)
            batch.mapping = {
                "columns": found.columns,
                "words": found.words,
                "missing": found.missing,
            }
            batch.save()
            return batch
        mapping = found.fields()
        ctx.words = remembered.values
    missing = [c.field for c in importing.COLUMNS if c.required and c.field not in mapping.values()]
    if missing:
        batch.save(update_fields=["headers", "encoding", "delimiter"])
        return _fail(batch, "missing_columns:" + ",".join(missing))
    checked = []
    for number, (line, cells) in enumerate(lines, start=1):
        checked.append(importing.check_row(line, cells, mapping, ctx))
        if number % 5000 == 0:
            _progress(batch.pk, number // 2)
    importing.check_duplicates(checked)
    known = _database_checks(batch, checked)
    batch.rows.all().delete()
    objects = [
        ImportRow(
            batch=batch,
            line=row.line,
            external_id=row.external_id,
            cells=row.cells,
            values=row.values,
            errors=row.problems,
            is_valid=not row.problems,
            is_new=row.external_id not in known,
        )
        for row in checked
    ]
    for start in range(0, len(objects), CHUNK * 5):
        bulk_insert(ImportRow, objects[start : start + CHUNK * 5])
        _progress(batch.pk, (len(objects) + start + CHUNK * 5) // 2)
    valid = [row for row in objects if row.is_valid]
    batch.rows_total = len(objects)
    batch.rows_valid = len(valid)
    batch.rows_invalid = len(objects) - len(valid)
    batch.rows_new = sum(1 for row in valid if row.is_new)
    batch.rows_updated = len(valid) - batch.rows_new
    batch.status = ImportBatch.Status.VALIDATED
    batch.validated_at = timezone.now()
    batch.problem = ""
    batch.save()
    return batch


def _word_codes(field: str) -> set[str]:
    from partners.importing.values import choices

    codes = {code for code, _label in choices(field, course_choices())}
    return codes | {"", REFUSE}


@transaction.atomic
def import_batch_map(
    *,
    batch: ImportBatch,
    columns: dict[int, str],
    words: dict[str, dict[str, str]],
    mapped_by: User,
) -> ImportBatch:
    """Confirm a waiting batch's mapping: `columns` (column index -> field or
    "" to ignore) and `words` (field -> normalised word -> code, "" or
    REFUSE). The organisation remembers both for its next files; then the
    rows are checked (in Celery for a large file). Raises ImportRefused when
    the mapping cannot be used; does nothing for a batch not waiting."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportBatch.Status.MAPPING:
        return batch
    headers = batch.headers
    chosen: dict[int, str] = {}
    for index, name in columns.items():
        if not name or not 0 <= index < len(headers):
            continue
        if name not in importing.FIELDS:
            raise ImportRefused(_("Choose a field from the list for every column."))
        if name == "external_id" and national_number_header(headers[index]):
            raise ImportRefused(str(importing.REGISTER_COLUMN))
        if name in chosen.values():
            label = next(str(c.label) for c in importing.COLUMNS if c.field == name)
            raise ImportRefused(
                _("“%(field)s” is chosen for two columns; choose it for one.") % {"field": label}
            )
        chosen[index] = name
    missing = [c for c in importing.COLUMNS if c.required and c.field not in chosen.values()]
    if missing:
        raise ImportRefused(
            str(importing.FILE_PROBLEMS["missing_columns"])
            % {"columns": ", ".join(str(c.label) for c in missing)}
        )
    for field, mapped in words.items():
        allowed = _word_codes(field)
        if any(code not in allowed for code in mapped.values()):
            raise ImportRefused(_("Choose a value from the list for every word."))
    saved, _created = ImportMapping.objects.select_for_update().get_or_create(
        organisation_id=batch.organisation_id
    )
    for index, header in enumerate(headers):
        key = importing.normalise(header)
        if key:
            saved.columns[key] = chosen.get(index, "")
    for field, mapped in words.items():
        saved.values.setdefault(field, {}).update(mapped)
    saved.updated_by = mapped_by
    saved.save()
    batch.mapping = {
        **batch.mapping,
        "confirmed": True,
        "fields": {str(index): name for index, name in chosen.items()},
        "words": words,
    }
    batch.status = ImportBatch.Status.UPLOADED
    batch.save(update_fields=["mapping", "status"])
    if batch.rows_total > settings.PARTNER_IMPORT_BACKGROUND_ROWS:
        from partners.tasks import import_validate

        import_validate.delay_on_commit(batch.pk)
        return batch
    return import_batch_validate(batch_id=batch.pk)


def import_batch_commit_request(*, batch: ImportBatch, committed_by: User) -> bool:
    """Ask to enrol a checked batch. Only the first request counts (a double
    click or a second tab does nothing); returns whether this one did."""
    with transaction.atomic():
        claimed = ImportBatch.objects.filter(
            pk=batch.pk, status=ImportBatch.Status.VALIDATED, rows_valid__gt=0
        ).update(status=ImportBatch.Status.COMMITTING, committed_by=committed_by, problem="")
        if not claimed:
            return False
        _progress(batch.pk, 0)
        if batch.rows_valid > settings.PARTNER_IMPORT_BACKGROUND_ROWS:
            from partners.tasks import import_commit

            import_commit.delay_on_commit(batch.pk)
            return True
    import_batch_commit(batch_id=batch.pk)
    return True


def _learner_input(values: dict) -> LearnerInput:
    birth = values.get("birth_date")
    return LearnerInput(
        external_id=values["external_id"],
        first_name=values["first_name"],
        last_name=values.get("last_name", ""),
        email=values.get("email", ""),
        language=values.get("language", "nl"),
        birth_date=datetime.date.fromisoformat(birth) if birth else None,
        gender=values.get("gender", "u"),
        postcode=values.get("postcode", ""),
        situation=values.get("situation", "unknown"),
        target_groups=tuple(values.get("target_groups", ())),
        course_keys=tuple(uuid.UUID(k) for k in values.get("course_keys", ())),
    )


def import_batch_commit(*, batch_id: int) -> ImportBatch | None:
    """Enrol every valid row of a batch in one transaction (all or nothing).
    Runs only for a batch in `committing`; a second run does nothing."""
    try:
        return _commit(batch_id)
    except Exception:
        logger.exception("import batch %s could not be enrolled", batch_id)
        ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.COMMITTING).update(
            status=ImportBatch.Status.VALIDATED, problem="commit_failed"
        )
        return ImportBatch.objects.filter(pk=batch_id).first()


@transaction.atomic
def _commit(batch_id: int) -> ImportBatch | None:
    batch = (
        ImportBatch.objects.select_for_update()
        .select_related("organisation", "cohort__project")
        .filter(pk=batch_id)
        .first()
    )
    if batch is None or batch.status != ImportBatch.Status.COMMITTING:
        return batch
    valid = ImportRow.objects.filter(batch=batch, is_valid=True).order_by("line")
    created = updated = done = 0
    last_id = 0
    announced: dict[str, dict] = {}
    while True:
        # Keyset pages: memory stays flat however large the batch.
        page = list(valid.filter(Q(pk__gt=last_id)).order_by("pk").values("pk", "values")[:CHUNK])
        if not page:
            break
        last_id = page[-1]["pk"]
        results = learners_enrol(
            organisation=batch.organisation,
            learners=[_learner_input(row["values"]) for row in page],
            cohort=batch.cohort,
            enrolled_by=batch.committed_by,
            announce=False,
        )
        created += sum(1 for r in results if r.created)
        updated += sum(1 for r in results if not r.created)
        done += len(page)
        # Welcomes wait for staff to release them; the partner hears of the
        # whole file in pages, not once per enrolment.
        import_welcomes_hold(batch=batch, learner_ids=[r.learner_id for r in results if r.created])
        for r in results:
            if r.external_id not in announced:
                announced[r.external_id] = {
                    "external_id": r.external_id,
                    "created": r.created,
                    "course_keys": [str(key) for key in r.new_course_keys],
                }
        _progress(batch.pk, done)
    batch.status = ImportBatch.Status.COMMITTED
    batch.committed_at = timezone.now()
    batch.rows_new, batch.rows_updated = created, updated
    batch.save(update_fields=["status", "committed_at", "rows_new", "rows_updated"])
    webhook_import_committed(batch=batch, learners=list(announced.values()))
    audit_record(
        actor=batch.committed_by,
        action="partners.import_commit",
        target=batch,
        data={
            "cohort": batch.cohort_id,
            "file": batch.original_name,
            "rows": batch.rows_total,
            "enrolled": done,
            "new": created,
            "updated": updated,
            "invalid": batch.rows_invalid,
        },
    )
    return batch


def import_batches_stalled(*, limit: int = 100) -> list[tuple[int, str]]:
    """(batch, status) of background steps that nobody runs: a lost message or a
    dead worker. A running step holds the batch's row lock for as long as it
    runs (its transaction), so a batch in `committing` (or long `uploaded`) that
    no transaction holds waits for nobody. A duplicate is harmless: the step
    runs once, the other finds the status moved on."""
    stale = timezone.now() - datetime.timedelta(seconds=settings.JOBS_STALE_SECONDS)
    with transaction.atomic():
        return list(
            ImportBatch.objects.select_for_update(skip_locked=True)
            .filter(
                Q(status=ImportBatch.Status.UPLOADED, created_at__lt=stale)
                | Q(status=ImportBatch.Status.COMMITTING)
            )
            .order_by("pk")
            .values_list("pk", "status")[:limit]
        )


def import_batch_progress(*, batch: ImportBatch) -> int:
    """Percent done of the running step (100 once nothing runs)."""
    if not batch.is_running:
        return 100
    total = batch.rows_valid if batch.status == ImportBatch.Status.COMMITTING else batch.rows_total
    done = cache.get(progress_key(batch.pk)) or 0
    return min(99, 100 * done // total) if total else 0
