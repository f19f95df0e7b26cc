"""Accounts and the append-only audit journal."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person on the platform. E-mail is optional: children and assisted
    learners exist without one and sign in through their class or helper."""

    class AccountType(models.TextChoices):
        STANDARD = "standard", _("Standard account")
        YOUNG = "young", _("Young learner in a class section")
        ASSISTED = "assisted", _("Assisted account, created by a digital helper")

    class LegalNameSource(models.TextChoices):
        """Where the legal name (first_name, last_name) comes from."""

        NONE = "", _("No legal name given")
        SELF = "self", _("Given by the person")
        STAFF = "staff", _("Corrected by staff on request")
        PARTNER = "partner", _("Imported by a partner organisation")
        HELPER = "helper", _("Written by a digital helper")
        ITSME = "itsme", _("Verified with itsme")
        CSAM = "csam", _("Verified with the federal eID login (CSAM)")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("e-mail address"), blank=True)
    display_name = models.CharField(
        _("display name"),
        max_length=150,
        blank=True,
        help_text=_(
            "How the platform greets you. Certificates carry your name as on your identity card."
        ),
    )
    preferred_language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    account_type = models.CharField(
        _("account type"),
        max_length=16,
        choices=AccountType.choices,
        default=AccountType.STANDARD,
    )
    welcomed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # first_name and last_name hold the legal given name(s) and family name, as
    # on the identity card (lms.identity); this says who gave them.
    legal_name_source = models.CharField(
        _("source of the legal name"),
        max_length=16,
        choices=LegalNameSource.choices,
        default=LegalNameSource.NONE,
        blank=True,
    )
    # When the person last chose their own password (sign-up, password change,
    # set or reset, taking over an assisted account). A password made by a
    # helper or by staff, and a login card, never set it. Once set, no login
    # card is printed for the account and a card no longer signs in.
    password_chosen_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When the retention schedule warned that the account, unused for long,
    # will be erased (lms.services.retention); signing in again starts over.
    inactivity_warned_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # One account per e-mail address, case-insensitively; many without one.
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="lms_user_email_unique_ci",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    @property
    def has_legal_name(self) -> bool:
        """Given and family name are both known. Children never have one."""
        return (
            self.account_type != self.AccountType.YOUNG
            and bool(self.first_name.strip())
            and bool(self.last_name.strip())
        )

    @property
    def legal_name(self) -> str:
        """Given name(s) and family name, as printed on certificates ("" if none)."""
        if not self.has_legal_name:
            return ""
        return f"{self.first_name.strip()} {self.last_name.strip()}"


class SigninMethod(models.TextChoices):
    """How a session was opened; kept in the session and on each exam attempt."""

    PASSWORD = "password", _("Own password")
    CARD = "card", _("Login card")
    CLASS = "class", _("Class code and pictures")
    CODE = "code", _("Login code sent by e-mail")
    OTHER = "other", _("Other")


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied("The audit journal is append-only.")

    def delete(self):
        raise PermissionDenied("The audit journal is append-only.")


class AuditEntry(models.Model):
    """One sensitive action: who did what to which object, when. Append-only:
    rows are added by `lms.services.audit_record` and never changed or deleted."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_actions",
    )
    action = models.CharField(max_length=64)
    # The object acted on, named by its model label and primary key so that the
    # journal can point into any app without that app depending on lms.
    target_type = models.CharField(max_length=64)
    target_id = models.CharField(max_length=64)
    # The person the action concerns, when there is one (for "my journal").
    subject_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_about",
    )
    data = models.JSONField(default=dict, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit journal")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="lms_audit_target_idx"),
            models.Index(fields=["subject_user", "-created_at"], name="lms_audit_subject_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_type}#{self.target_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied("The audit journal is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("The audit journal is append-only.")
