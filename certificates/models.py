"""Certificates, the keys that sign them, the status lists that revoke them, the
receipts of their checks and the bulk issuing jobs.

Written only by `certificates.services`; read by `certificates.selectors`.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from certificates import codes

# W3C Bitstring Status List: at least 131,072 entries (16 KiB) per list, so that
# one revoked certificate hides among many.
STATUS_LIST_SIZE = 131_072


class SigningKey(models.Model):
    """An RS256 key pair. The private half is encrypted (AES-GCM, key derived from
    CERTIFICATES_KEY_SECRET); public halves are published forever, even retired."""

    kid = models.CharField(max_length=64, unique=True)
    public_jwk = models.JSONField()
    private_jwk_encrypted = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    active = models.BooleanField(default=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")
        constraints = [
            # At most one key signs new credentials at any time.
            models.UniqueConstraint(
                fields=["active"],
                condition=models.Q(active=True),
                name="certificates_one_active_signing_key",
            )
        ]

    def __str__(self) -> str:
        return self.kid


class StatusList(models.Model):
    """One W3C Bitstring Status List (purpose: revocation) of STATUS_LIST_SIZE entries."""

    created_at = models.DateTimeField(auto_now_add=True)
    size = models.PositiveIntegerField(default=STATUS_LIST_SIZE)

    class Meta:
        verbose_name = _("status list")
        verbose_name_plural = _("status lists")

    def __str__(self) -> str:
        return f"status list {self.pk}"


class Certificate(models.Model):
    """A certificate for one learner, course (all its languages) and course version.
    `content` freezes every word shown at issue, in nl, fr, de and en."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(max_length=codes.CODE_LENGTH, unique=True, editable=False)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates"
    )
    course_key = models.UUIDField(help_text="translation_key of the course pages")
    content_version = models.PositiveIntegerField()
    course_page = models.ForeignKey(
        "courses.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    enrolment_id = models.BigIntegerField(null=True, blank=True)
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    # Holder name, course, track, competences, level, issuer: frozen in 4 languages.
    content = models.JSONField()
    # Children never get a public name (DESIGN.md: no public profile).
    show_holder_name = models.BooleanField(default=True)
    issued_at = models.DateTimeField()
    expires_at = models.DateTimeField(null=True, blank=True)
    signing_key = models.ForeignKey(SigningKey, on_delete=models.PROTECT, related_name="+")
    credential_jwt = models.TextField()
    status_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, related_name="+")
    status_index = models.PositiveIntegerField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revocation_reason = models.CharField(max_length=300, blank=True)
    # The holder stopped sharing it: the public page says so, without details.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # language -> name of the stored PDF in default storage.
    pdf_files = models.JSONField(default=dict, blank=True)
    # When the holder was e-mailed the link and PDF: the marker that makes the
    # e-mail go out once, however often its task runs.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        permissions = [
            ("revoke_certificate", _("Can revoke certificates")),
            ("bulk_issue_certificate", _("Can issue certificates in bulk")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["holder", "course_key", "content_version"],
                name="certificates_one_per_learner_course_version",
            ),
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="certificates_unique_status_entry"
            ),
        ]

    def __str__(self) -> str:
        return codes.display(self.code)

    @property
    def display_code(self) -> str:
        return codes.display(self.code)

    def text(self, field: str, language: str) -> str:
        """A frozen text in a language (falls back to English)."""
        values = self.content.get(field) or {}
        return values.get(language) or values.get("en", "")


class VerificationReceipt(models.Model):
    """Someone checked the certificate: when, how, and who when they said so."""

    class Channel(models.TextChoices):
        CODE = "code", _("code or QR code")
        PDF = "pdf", _("PDF file")
        API = "api", _("API")

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="receipts")
    checked_at = models.DateTimeField(auto_now_add=True)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    organisation = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-checked_at", "-id"]
        verbose_name = _("verification receipt")
        verbose_name_plural = _("verification receipts")
        indexes = [models.Index(fields=["certificate", "-checked_at"], name="cert_receipt_idx")]

    def __str__(self) -> str:
        return f"{self.checked_at:%Y-%m-%d %H:%M} {self.channel} {self.organisation}".strip()


class BulkIssueJob(models.Model):
    """Staff issue one course's certificate to many learners; a task does the
    work and records its progress here for the progress bar."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")

    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    course_page = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="+"
    )
    usernames = models.JSONField(default=list)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    issued = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.PENDING)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("bulk issuing job")
        verbose_name_plural = _("bulk issuing jobs")

    def __str__(self) -> str:
        return f"bulk issue {self.pk}: {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)
