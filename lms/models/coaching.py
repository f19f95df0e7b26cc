"""Digital helpers: their profile in an organisation, the consents people give
them, coaching sessions (logged and live), login cards and the append-only
helper journal.

Written only by `lms.services.coaching` and `lms.services.cards`; read through
`lms.selectors.coaching`. The organisation lives in partners/ and is named by a
lazy foreign key: lms never imports partners, and never reads an organisation
through the key (what it needs comes from partners through
`lms.hooks.coaching`).
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

# A live session marks learning "assisted" at most this long, even if the
# helper forgets to end it.
LIVE_SESSION_MAX = timedelta(hours=3)


class NamesOrganisation:
    """For a row naming an organisation (`organisation_id`): its name as
    partners tells it (`lms.hooks.coaching`), "" when it names none. Asked once
    per object; a list asks once for all its rows
    (`lms.selectors.coaching.organisation_names_fill`). lms never reads the
    organisation through the foreign key."""

    @cached_property
    def organisation_name(self) -> str:
        from lms.hooks.coaching import organisation_facts

        facts = organisation_facts(self.organisation_id)
        return facts.name if facts else ""


class HelperProfile(NamesOrganisation, models.Model):
    """A digital helper working for one organisation. A helper acts only while
    the profile is active."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for activation")
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="helper_profile"
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        on_delete=models.PROTECT,
        related_name="helper_profiles",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    activated_at = models.DateTimeField(_("activated"), null=True, blank=True)
    activated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("digital helper")
        verbose_name_plural = _("digital helpers")
        ordering = ["organisation_id", "user_id"]
        permissions = [("manage_helpers", _("Can activate and suspend any digital helper"))]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation_id} · {self.status}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


def _scan_upload_to(consent: "HelperConsent", filename: str) -> str:
    # Never the uploaded file's name: an unguessable one, with the checked type.
    suffix = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    return f"lms/consent-scans/{uuid.uuid4().hex}.{suffix}"


class HelperConsent(NamesOrganisation, models.Model):
    """A person lets a helper (or every helper of an organisation) see their
    progress, enrol them, or act for them during a session, for a while.

    Only the person gives it: accepting a request on their own screen, typing
    their own password on the helper's screen, or signing the paper form the
    platform prints. A paper consent stays PENDING (no access at all) until the
    person confirms it after signing in, or until a second member of the
    helper's organisation checks the uploaded scan. Access is always decided
    against `now()`: expired or withdrawn means no access."""

    class Duration(models.TextChoices):
        DAY = "1d", _("one day")
        MONTH = "1m", _("one month")
        SIX_MONTHS = "6m", _("six months")
        YEAR = "1y", _("one year")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for the person's answer")
        PENDING = "pending", _("Signed on paper, waiting for confirmation")
        GIVEN = "given", _("Given")
        REFUSED = "refused", _("Refused")

    class GivenHow(models.TextChoices):
        SCREEN = "screen", _("On screen, by the person")
        PAPER = "paper", _("On a paper form recorded by the helper")
        HELPER_SCREEN = "helper_screen", _("By the person, signed in on the helper's screen")

    class ConfirmedBy(models.TextChoices):
        PERSON = "person", _("Confirmed by the person after signing in")
        CHECKER = "checker", _("Scan checked by a second member of the organisation")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="helper_consents"
    )
    # Exactly one of the two: one helper, or every active helper of an organisation.
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="consents_received",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="helper_consents",
    )
    see_progress = models.BooleanField(_("see my progress"), default=False)
    enrol = models.BooleanField(_("enrol me in courses"), default=False)
    act_in_session = models.BooleanField(_("act for me during a session"), default=False)
    duration = models.CharField(_("duration"), max_length=4, choices=Duration.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REQUESTED)
    given_how = models.CharField(max_length=16, choices=GivenHow.choices, blank=True)
    paper_reference = models.CharField(_("form reference"), max_length=64, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # A paper consent: how it left PENDING, and the scan of the signed form.
    confirmed_by = models.CharField(max_length=8, choices=ConfirmedBy.choices, blank=True)
    scan = models.FileField(upload_to=_scan_upload_to, max_length=200, blank=True)
    scan_uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    scan_uploaded_at = models.DateTimeField(null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checked_at = models.DateTimeField(null=True, blank=True)
    # Set when the person was told at sign-in about a consent given without them
    # on screen (a checked paper form).
    person_told_at = models.DateTimeField(null=True, blank=True)
    # Set once when the reminder e-mail is sent (the idempotency marker).
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("helper consent")
        verbose_name_plural = _("helper consents")
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(helper__isnull=False) & Q(organisation__isnull=True))
                | (Q(helper__isnull=True) & Q(organisation__isnull=False)),
                name="lms_consent_helper_xor_organisation",
            ),
            models.CheckConstraint(
                condition=~Q(status="given") | Q(expires_at__isnull=False),
                name="lms_consent_given_expires",
            ),
        ]
        indexes = [
            models.Index(fields=["learner", "status"], name="lms_consent_learner_idx"),
            models.Index(fields=["helper", "status"], name="lms_consent_helper_idx"),
            models.Index(fields=["status", "expires_at"], name="lms_consent_expiry_idx"),
        ]

    def __str__(self) -> str:
        return f"consent #{self.pk} {self.learner_id} -> {self.helper_id or self.organisation_id}"

    @property
    def in_force(self) -> bool:
        """For display; access checks query the database with now()."""
        return (
            self.status == self.Status.GIVEN
            and self.withdrawn_at is None
            and self.expires_at is not None
            and self.expires_at > timezone.now()
        )

    @property
    def scopes(self) -> list[str]:
        return [s for s in ("see_progress", "enrol", "act_in_session") if getattr(self, s)]


DURATIONS = {
    HelperConsent.Duration.DAY: timedelta(days=1),
    HelperConsent.Duration.MONTH: timedelta(days=30),
    HelperConsent.Duration.SIX_MONTHS: timedelta(days=182),
    HelperConsent.Duration.YEAR: timedelta(days=365),
}


class CoachingSession(models.Model):
    """A coaching session logged by the helper; the notes are visible to the person."""

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("By phone")

    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="coaching_given"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coaching_received"
    )
    consent = models.ForeignKey(
        HelperConsent, null=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    held_on = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"))
    place = models.CharField(_("place"), max_length=120)
    mode = models.CharField(_("how"), max_length=16, choices=Mode.choices)
    topics = models.ManyToManyField(
        "courses.DigCompCompetence", blank=True, related_name="+", verbose_name=_("topics")
    )
    notes = models.TextField(_("notes for the person"), blank=True, max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["learner", "-held_on"], name="lms_coaching_learner_idx")]

    def __str__(self) -> str:
        return f"{self.held_on} {self.helper_id} -> {self.learner_id}"


class LiveSession(models.Model):
    """A helper sits with the person: learning recorded until it ends (or after
    three hours) is marked assisted, and exams cannot be started."""

    helper = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="live_sessions"
    )
    consent = models.ForeignKey(HelperConsent, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["learner"],
                condition=Q(ended_at__isnull=True),
                name="lms_live_session_one_open",
            )
        ]
        indexes = [models.Index(fields=["learner", "ends_at"], name="lms_live_session_idx")]

    def __str__(self) -> str:
        return f"live {self.helper_id} -> {self.learner_id} {self.started_at:%Y-%m-%d %H:%M}"


class LoginCard(models.Model):
    """A printed login card: a one-time sign-in code, stored hashed. Printing a
    new card replaces the previous one."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="login_cards"
    )
    code_hash = models.CharField(max_length=128)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    replaced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("login card")
        verbose_name_plural = _("login cards")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(used_at__isnull=True, replaced_at__isnull=True),
                name="lms_login_card_one_valid",
            )
        ]

    def __str__(self) -> str:
        return f"card {self.user_id} {self.issued_at:%Y-%m-%d}"


class JournalQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied("The helper journal is append-only.")

    def delete(self):
        raise PermissionDenied("The helper journal is append-only.")


class HelperJournalEntry(models.Model):
    """One action of a helper for a person (who, for whom, when, what, under
    which consent). Append-only: added by the coaching services, never changed
    or deleted; the person reads their own part on "My helpers"."""

    class Action(models.TextChoices):
        ACCOUNT_CREATED = "account_created", _("Created your account")
        CONSENT_RECORDED = "consent_recorded", _("Recorded your consent given on paper")
        CONSENT_REQUESTED = "consent_requested", _("Asked for your consent")
        CARD_PRINTED = "card_printed", _("Printed a login card for you")
        SESSION_LOGGED = "session_logged", _("Logged a coaching session")
        LIVE_STARTED = "live_started", _("Started a session to help you")
        LIVE_ENDED = "live_ended", _("Ended the session")
        PROGRESS_VIEWED = "progress_viewed", _("Looked at your progress")
        ENROLLED = "enrolled", _("Enrolled you in a course")
        CONSENT_GIVEN_HERE = (
            "consent_given_here",
            _("Recorded the consent you gave on their screen with your password"),
        )
        SCAN_UPLOADED = "scan_uploaded", _("Uploaded the scan of your signed consent form")
        CONSENT_CHECKED = "consent_checked", _("Checked the scan of your signed consent form")

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=32, choices=Action.choices)
    # The consent's id, kept as a number so the row outlives the consent.
    consent_id = models.BigIntegerField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)

    objects = JournalQuerySet.as_manager()

    class Meta:
        verbose_name = _("helper journal entry")
        verbose_name_plural = _("helper journal")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["learner", "-created_at"], name="lms_journal_learner_idx")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied("The helper journal is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("The helper journal is append-only.")
