"""Learning state: enrolments, progress events, activity attempts, focus loss.

Written only by `lms.services.learning`; read through `lms.selectors.learning`.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.models.accounts import SigninMethod


class Enrolment(models.Model):
    """A learner following one course. One per learner and course, whatever the
    language: the course is named by its `translation_key`."""

    class Source(models.TextChoices):
        SELF = "self", _("Self-enrolment")
        PARTNER = "partner", _("Enrolled by a partner")
        VOUCHER = "voucher", _("Voucher")
        TEACHER = "teacher", _("Enrolled by a teacher")
        HELPER = "helper", _("Enrolled by a digital helper")

    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Left the course")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    # The page the learner enrolled through; the dashboard shows the version of
    # the learner's current language when there is one.
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="+", verbose_name=_("course")
    )
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # "Continue where you left off": the last lesson opened.
    last_lesson_key = models.UUIDField(null=True, blank=True)
    last_activity_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course_key"], name="lms_enrolment_unique"),
            # completed_at is set once and only with the completed status.
            models.CheckConstraint(
                condition=Q(completed_at__isnull=True) | ~Q(status="active"),
                name="lms_enrolment_completed_not_active",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner} · {self.course_key}"


class ProgressEvent(models.Model):
    """One lesson event. The idempotency key is unique per enrolment, so a
    replayed request (double click, retry after a lost connection) counts once."""

    class Kind(models.TextChoices):
        VIEWED = "viewed", _("Viewed")
        COMPLETED = "completed", _("Completed")

    # No index of its own: the unique key and the lesson index below both start
    # with the enrolment, and each index is one more write per event.
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="events", db_index=False
    )
    lesson_key = models.UUIDField()
    kind = models.CharField(max_length=16, choices=Kind.choices)
    idempotency_key = models.CharField(max_length=80)
    assisted = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("progress event")
        verbose_name_plural = _("progress events")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "idempotency_key"], name="lms_progress_idempotent"
            ),
        ]
        indexes = [
            models.Index(fields=["enrolment", "kind", "lesson_key"], name="lms_progress_lesson_idx")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.lesson_key}"


class Attempt(models.Model):
    """One try at an activity. For quizzes the server draws the questions, keeps
    the answers and grades them; H5P and puzzles record a result the same way."""

    class Source(models.TextChoices):
        QUIZ = "quiz", _("Quiz")
        H5P = "h5p", _("Interactive exercise")
        PUZZLE = "puzzle", _("Coding puzzle")

    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        EXPIRED = "expired", _("Closed at the deadline")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    lesson_key = models.UUIDField()
    activity_key = models.CharField(max_length=64)
    source = models.CharField(max_length=16, choices=Source.choices, default=Source.QUIZ)
    exam = models.BooleanField(default=False)
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    # Drawn by the server: [{"question": translation_key, "choices": [choice ids]}].
    questions = models.JSONField(default=list)
    # {question translation_key: [choice ids]}, saved as the learner goes.
    answers = models.JSONField(default=dict)
    score = models.PositiveIntegerField(null=True, blank=True)
    max_score = models.PositiveIntegerField(null=True, blank=True)
    pass_mark_percent = models.PositiveSmallIntegerField(default=0)
    passed = models.BooleanField(null=True, blank=True)
    assisted = models.BooleanField(default=False)
    # How the person had signed in when the attempt started (SigninMethod).
    signin_method = models.CharField(
        max_length=16, choices=SigninMethod.choices, default=SigninMethod.OTHER
    )
    idempotency_key = models.CharField(max_length=80, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["enrolment_id", "activity_key", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "activity_key", "number"], name="lms_attempt_number_unique"
            ),
            # A second browser tab resumes the open attempt instead of starting one.
            models.UniqueConstraint(
                fields=["enrolment", "activity_key"],
                condition=Q(status="open"),
                name="lms_attempt_one_open",
            ),
            models.UniqueConstraint(
                fields=["enrolment", "activity_key", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="lms_attempt_idempotent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity_key} #{self.number} ({self.status})"

    @property
    def percent(self) -> int | None:
        if self.score is None or not self.max_score:
            return None
        return round(100 * self.score / self.max_score)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class FocusEvent(models.Model):
    """The exam window lost focus (another tab, another app): kept for review."""

    class Kind(models.TextChoices):
        HIDDEN = "hidden", _("Page hidden")
        BLUR = "blur", _("Window lost focus")

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="focus_events")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    occurred_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("focus-loss event")
        verbose_name_plural = _("focus-loss events")

    def __str__(self) -> str:
        return f"{self.kind} {self.occurred_at:%H:%M:%S}"


class ActivityState(models.Model):
    """Where a learner stands inside an H5P activity (H5P's "contentUserData"
    state, a JSON text the content type wrote), to resume it later. One per
    enrolment and activity; it belongs to one version of the content."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="activity_states"
    )
    activity_key = models.CharField(max_length=64)
    content_uuid = models.UUIDField()
    state = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("activity state")
        verbose_name_plural = _("activity states")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "activity_key"], name="lms_activity_state_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity_key} ({len(self.state)} characters)"
