"""Certificates, the keys that sign them, the status lists that revoke them, the
receipts of their checks and the bulk issuing jobs.

Written only by `certificates.services`; read by `certificates.selectors`.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates import codes

# W3C Bitstring Status List: at least 131,072 entries (16 KiB) per list, so that
# one revoked certificate hides among many.
STATUS_LIST_SIZE = 131_072


class SigningKey(models.Model):
    """A key pair of the issuer, for one purpose. The private half is encrypted
    (AES-GCM, key derived from CERTIFICATES_KEY_SECRET); public halves are
    published forever, even retired."""

    class Purpose(models.TextChoices):
        # RS256: the Open Badges credential as a VC-JWT, and the status lists.
        CREDENTIAL = "credential", _("credential (VC-JWT)")
        # Ed25519: the same credential with a Data Integrity proof (eddsa-rdfc-2022).
        DATA_INTEGRITY = "data_integrity", _("credential (Data Integrity)")
        # RSA with an X.509 certificate: the PAdES seal of the PDFs.
        DOCUMENT = "document", _("PDF seal")

    kid = models.CharField(max_length=64, unique=True)
    purpose = models.CharField(max_length=16, choices=Purpose.choices, default=Purpose.CREDENTIAL)
    public_jwk = models.JSONField()
    private_jwk_encrypted = models.TextField()
    # The X.509 certificate of a document (PAdES) key, PEM; empty for the others.
    certificate_pem = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    active = models.BooleanField(default=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")
        constraints = [
            # At most one key of each purpose signs at any time.
            models.UniqueConstraint(
                fields=["purpose"],
                condition=models.Q(active=True),
                name="certificates_one_active_key_per_purpose",
            )
        ]

    def __str__(self) -> str:
        return f"{self.purpose} {self.kid}"


class StatusList(models.Model):
    """One W3C Bitstring Status List (purpose: revocation) of STATUS_LIST_SIZE entries."""

    created_at = models.DateTimeField(auto_now_add=True)
    size = models.PositiveIntegerField(default=STATUS_LIST_SIZE)

    class Meta:
        verbose_name = _("status list")
        verbose_name_plural = _("status lists")

    def __str__(self) -> str:
        return f"status list {self.pk}"


# The revocation reason of an erased holder's certificates (GDPR). Unlike
# other reasons it is public: the verification page and API say it, so that an
# employer does not read the revocation as fraud.
ERASED_REASON = "erased at the holder's request"


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
    issued_at = models.DateTimeField()
    expires_at = models.DateTimeField(null=True, blank=True)
    signing_key = models.ForeignKey(SigningKey, on_delete=models.PROTECT, related_name="+")
    credential_jwt = models.TextField()
    # The holder's pairwise urn:uuid, the credential's subject (empty on
    # certificates issued before subjects had an id).
    # A database default too: bulk SQL inserts (benchmarks) need not name it.
    subject_id = models.CharField(max_length=64, blank=True, default="", db_default="")
    # The same credential with a Data Integrity proof (eddsa-rdfc-2022), frozen
    # when signed: at issue, or on first request for older certificates.
    credential_di = models.JSONField(null=True, blank=True, editable=False)
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
    # A name correction issued this certificate again under a new code: this one
    # is then revoked in the status list (reason "replaced") and its public page
    # points to the newer one.
    replaced_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaces",
    )

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        permissions = [
            ("revoke_certificate", _("Can revoke certificates")),
            ("bulk_issue_certificate", _("Can issue certificates in bulk")),
        ]
        constraints = [
            # One current certificate per learner and course version; the ones
            # a correction replaced stay, for their verification pages.
            models.UniqueConstraint(
                fields=["holder", "course_key", "content_version"],
                condition=models.Q(replaced_by__isnull=True),
                name="certificates_one_per_learner_course_version",
            ),
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="certificates_unique_status_entry"
            ),
        ]

    def __str__(self) -> str:
        return codes.display(self.code)

    @property
    def holder_name(self) -> str:
        """The holder's legal name frozen at issue; empty once their data was
        erased, and then shown nowhere (no page image, no name in a credential).
        Children never hold a certificate (`certificate_issue` refuses them)."""
        return self.content.get("holder_name", "")

    @property
    def display_code(self) -> str:
        return codes.display(self.code)

    def text(self, field: str, language: str) -> str:
        """A frozen text in a language (falls back to English)."""
        values = self.content.get(field) or {}
        return values.get(language) or values.get("en", "")


class IssuedFile(models.Model):
    """A PDF the platform handed out (each language, each re-render), known by
    the SHA-256 of its bytes: a dropped file with this hash is one we issued;
    any other file never passes as "valid"."""

    sha256 = models.CharField(max_length=64, unique=True)
    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("issued file")
        verbose_name_plural = _("issued files")

    def __str__(self) -> str:
        return f"{self.certificate} {self.language} {self.sha256[:12]}"


class VerificationReceipt(models.Model):
    """Someone checked the certificate: when, how, and who when they said so."""

    class Channel(models.TextChoices):
        CODE = "code", _("code or QR code")
        PDF = "pdf", _("PDF file")
        API = "api", _("API")

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="receipts")
    # When the check happened, not when the buffer was drained (certificates.receipts).
    checked_at = models.DateTimeField(default=timezone.now)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    organisation = models.CharField(max_length=200, blank=True)
    # The buffered check's own id: a drain that runs twice stores it once.
    token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-checked_at", "-id"]
        verbose_name = _("verification receipt")
        verbose_name_plural = _("verification receipts")
        indexes = [models.Index(fields=["certificate", "-checked_at"], name="cert_receipt_idx")]

    def __str__(self) -> str:
        return f"{self.checked_at:%Y-%m-%d %H:%M} {self.channel} {self.organisation}".strip()


class BulkIssueJob(models.Model):
    """Staff issue one course's certificate to many learners; short chunk tasks
    do the work, one after the other, and record their progress here (for the
    progress bar, and so that a chunk lost with its worker is resumed)."""

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
    # The chunk working on the job ("" between chunks) and when it last saved
    # progress: a claim whose heartbeat is older than JOBS_STALE_SECONDS is
    # taken over (its worker died), by a redelivered chunk or bulk_jobs_resume.
    claimed_by = models.CharField(max_length=32, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("bulk issuing job")
        verbose_name_plural = _("bulk issuing jobs")

    def __str__(self) -> str:
        return f"bulk issue {self.pk}: {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)


class NameCorrection(models.Model):
    """A holder asks that their certificates carry a corrected legal name.
    Staff with `certificates.review_name_correction` approve (the account's
    legal name changes and each certificate is issued again under a new code)
    or reject (nothing changes)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="name_corrections"
    )
    certificates = models.ManyToManyField(Certificate, related_name="name_corrections")
    given_name = models.CharField(_("given name(s)"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    # The name the certificates carried when the request was made.
    previous_name = models.CharField(max_length=250)
    reason = models.TextField(_("reason"), max_length=1000)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("note to the holder"), max_length=1000, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("name correction")
        verbose_name_plural = _("name corrections")
        permissions = [
            ("review_name_correction", _("Can approve or reject name corrections")),
        ]
        constraints = [
            # One open request per holder: a second one waits for the decision.
            models.UniqueConstraint(
                fields=["holder"],
                condition=models.Q(status="pending"),
                name="certificates_one_pending_name_correction",
            ),
            models.CheckConstraint(
                condition=models.Q(decided_at__isnull=True) | ~models.Q(status="pending"),
                name="certificates_name_correction_decided",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.previous_name} → {self.given_name} {self.family_name} ({self.status})"

    @property
    def requested_name(self) -> str:
        return f"{self.given_name} {self.family_name}"
