"""Bulk enrolment from a file: the uploaded batch and its rows.

A batch moves one way through its states (uploaded -> validating -> validated
-> committing -> committed, or failed); each step is taken by a conditional
UPDATE, so a double click or a retried task acts once. Rows keep what the
file said (for the error file) and what it means (for the commit).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partners.models.learners import Cohort
from partners.models.organisations import Organisation


def _upload_to(batch: "ImportBatch", filename: str) -> str:
    # Never the partner's file name in the path: it is shown, not trusted.
    suffix = "xlsx" if batch.file_format == ImportBatch.Format.XLSX else "csv"
    return f"partners/imports/{batch.organisation_id}/{batch.public_id}.{suffix}"


class ImportBatch(models.Model):
    """One uploaded file of learners for one cohort."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        # Columns or words the organisation has not matched yet: waits for
        # the partner (the mapping step), then goes back to uploaded.
        MAPPING = "mapping", _("Matching columns and words")
        VALIDATING = "validating", _("Checking")
        VALIDATED = "validated", _("Ready to enrol")
        COMMITTING = "committing", _("Enrolling")
        COMMITTED = "committed", _("Enrolled")
        FAILED = "failed", _("Failed")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    public_id = models.UUIDField(unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="import_batches"
    )
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="import_batches")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(upload_to=_upload_to, max_length=200)
    original_name = models.CharField(max_length=200)
    file_format = models.CharField(max_length=4, choices=Format.choices)
    # How a CSV was written, so that its error file is written the same way.
    encoding = models.CharField(max_length=16, blank=True)
    delimiter = models.CharField(max_length=1, blank=True)
    headers = models.JSONField(default=list)
    # The mapping step: what was found unknown (columns, words with counts
    # and proposals) and, once confirmed, the columns and words applied.
    mapping = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UPLOADED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_valid = models.PositiveIntegerField(default=0)
    rows_invalid = models.PositiveIntegerField(default=0)
    rows_new = models.PositiveIntegerField(default=0)
    rows_updated = models.PositiveIntegerField(default=0)
    # Rows handled so far by the running step, for the progress bar.
    progress = models.PositiveIntegerField(default=0)
    # A file-level problem (unreadable, no id column...), as a message code.
    problem = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    validated_at = models.DateTimeField(null=True, blank=True)
    committed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_running(self) -> bool:
        return self.status in {self.Status.UPLOADED, self.Status.VALIDATING, self.Status.COMMITTING}

    @property
    def percent(self) -> int:
        if not self.rows_total:
            return 0
        return min(100, 100 * self.progress // self.rows_total)


class ImportRow(models.Model):
    """One data line of a batch: the cells as read, the values as understood,
    and the problems found (as codes, shown in the reader's language)."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField()
    external_id = models.CharField(max_length=64, blank=True)
    cells = models.JSONField(default=list)
    values = models.JSONField(default=dict)
    errors = models.JSONField(default=list)
    is_valid = models.BooleanField(default=False)
    # Whether the learner is new to the organisation (known at validation).
    is_new = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["batch", "line"], name="partners_import_row_line")
        ]
        indexes = [
            models.Index(
                fields=["batch", "line"], condition=Q(is_valid=False), name="partners_row_bad_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.batch_id} · {self.line}"


class ImportMapping(models.Model):
    """What an organisation confirmed in the mapping step, applied to its next
    files: header (normalised) -> field or "" (ignored), and per field its
    own words -> our code, "" (leave empty) or "!refuse"."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="import_mapping"
    )
    columns = models.JSONField(default=dict, blank=True)
    values = models.JSONField(default=dict, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("import mapping")
        verbose_name_plural = _("import mappings")

    def __str__(self) -> str:
        return str(self.organisation)
