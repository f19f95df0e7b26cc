"""An enrolled file for the tests of held welcomes and paged webhooks."""

from django.test import override_settings

from partners.services import import_batch_commit_request, import_batch_create
from partners.tests.files import csv_bytes, good_row, upload


def committed_import(cohort, manager, *, emails: int, cards: int = 0, start: int = 1):
    """Upload and enrol a file of `emails` learners with an e-mail address and
    `cards` without, in process; returns the batch."""
    rows = [good_row(n) for n in range(start, start + emails)]
    rows += [good_row(n, email="") for n in range(start + emails, start + emails + cards)]
    with override_settings(PARTNER_IMPORT_BACKGROUND_ROWS=100_000):
        batch = import_batch_create(
            organisation=cohort.project.organisation,
            cohort=cohort,
            upload=upload(csv_bytes(rows)),
            uploaded_by=manager,
        )
        assert batch.rows_valid == emails + cards, batch.problem
        assert import_batch_commit_request(batch=batch, committed_by=manager)
    batch.refresh_from_db()
    return batch


class BrokenBackend:
    """An e-mail backend whose server is away."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server away")
