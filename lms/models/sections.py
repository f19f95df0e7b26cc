"""Class sections for coding for kids: a teacher's section, its children and
their picture passwords, picture-login attempts (for the lock), the parental
consent ledger, and each player's puzzle progress.

Written only by `lms.services.sections`; read through `lms.selectors.sections`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ClassSection(models.Model):
    """A teacher's class. Children sign in with its short code while it is
    open; closing it disables their logins."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="class_sections"
    )
    name = models.CharField(_("name of the class"), max_length=80)
    language = models.CharField(
        _("language of the class"), max_length=8, choices=settings.LANGUAGES
    )
    school_year = models.CharField(_("school year"), max_length=9)
    under_13 = models.BooleanField(
        _("children under 13"),
        default=True,
        help_text=_("Children under 13 need the recorded consent of a parent."),
    )
    code = models.CharField(_("class code"), max_length=8, db_index=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("class section")
        verbose_name_plural = _("class sections")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=Q(status="open"), name="lms_section_open_code_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class SectionChild(models.Model):
    """A child in a section: a YOUNG account with a first name only and a
    picture password (three pictures in order), kept as a keyed hash."""

    section = models.ForeignKey(ClassSection, on_delete=models.CASCADE, related_name="children")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="section_child"
    )
    first_name = models.CharField(_("first name"), max_length=40)
    picture_salt = models.CharField(max_length=32)
    picture_hash = models.CharField(max_length=128, blank=True)
    # When the picture password was last set: failed tries before it no longer
    # count towards the lock (a teacher's reset unlocks). Null: no card yet.
    picture_set_at = models.DateTimeField(null=True, blank=True)
    # When the teacher last lifted a guessing pause: failed tries before it no
    # longer count towards the lock either.
    pause_lifted_at = models.DateTimeField(null=True, blank=True)
    # The family's language, for the consent letter.
    family_language = models.CharField(
        _("language of the family"), max_length=8, choices=settings.LANGUAGES
    )
    # Set and cleared only with a row of the consent ledger (ConsentRecord).
    consent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("child in a section")
        verbose_name_plural = _("children in sections")
        ordering = ["first_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "first_name"], name="lms_section_child_name_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.first_name


class PictureLoginAttempt(models.Model):
    """One try at a picture password, kept to slow and lock guessing per child
    with counters in the database, shared by every server."""

    section = models.ForeignKey(ClassSection, on_delete=models.CASCADE, related_name="+")
    child = models.ForeignKey(SectionChild, on_delete=models.CASCADE, related_name="+")
    succeeded = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["child", "created_at"], name="lms_picture_child_idx"),
            models.Index(fields=["section", "created_at"], name="lms_picture_section_idx"),
        ]

    def __str__(self) -> str:
        return f"{'ok' if self.succeeded else 'wrong'} {self.created_at:%H:%M:%S}"


class ConsentRecord(models.Model):
    """The consent ledger: one row each time a parent's consent is received or
    withdrawn, with who recorded it, when and how. Rows are never changed."""

    class Kind(models.TextChoices):
        GIVEN = "given", _("Consent received")
        WITHDRAWN = "withdrawn", _("Consent withdrawn")

    class Method(models.TextChoices):
        PAPER = "paper", _("Signed reply slip")
        EMAIL = "email", _("E-mail from the parent")
        IN_PERSON = "in_person", _("In person")

    child = models.ForeignKey(SectionChild, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    method = models.CharField(_("how"), max_length=16, choices=Method.choices)
    guardian_name = models.CharField(_("name of the parent or guardian"), max_length=120)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("parental consent")
        verbose_name_plural = _("parental consent ledger")
        ordering = ["child_id", "-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.recorded_at:%Y-%m-%d}"


class PuzzleProgress(models.Model):
    """A player's progress on one puzzle level (by number, the same in every
    language): solved or not, best stars, and how many distinct programs were
    tried (to see who is stuck). Decided by the server's replay only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="puzzle_progress"
    )
    level_number = models.PositiveSmallIntegerField()
    attempts = models.PositiveIntegerField(default=0)
    solved = models.BooleanField(default=False)
    best_stars = models.PositiveSmallIntegerField(default=0)
    best_block_count = models.PositiveIntegerField(null=True, blank=True)
    solved_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("puzzle progress")
        verbose_name_plural = _("puzzle progress")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "level_number"], name="lms_puzzle_progress_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.level_number}: {self.best_stars}"


class PuzzleSubmission(models.Model):
    """One distinct program checked for a player: the client's idempotency key
    and the program's digest are both unique per player and level, so a retry
    or a second click on the same program counts once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    level_number = models.PositiveSmallIntegerField()
    idempotency_key = models.CharField(max_length=80)
    program_digest = models.CharField(max_length=64)
    solved = models.BooleanField()
    stars = models.PositiveSmallIntegerField()
    block_count = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "level_number", "idempotency_key"],
                name="lms_puzzle_submission_key_unique",
            ),
            models.UniqueConstraint(
                fields=["user", "level_number", "program_digest"],
                name="lms_puzzle_submission_program_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.level_number}: {self.stars}"
