"""Accounts and the append-only audit journal."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
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
    # When itsme or CSAM/FAS last confirmed the legal name (legal_name_source
    # then says which); cleared as soon as the name changes any other way.
    legal_name_verified_at = models.DateTimeField(
        _("legal name verified on"), null=True, blank=True, editable=False
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
    def identity_verified(self) -> bool:
        """The legal name is the one an identity service (itsme, CSAM) confirmed."""
        return self.legal_name_verified_at is not None and self.legal_name_source in (
            self.LegalNameSource.ITSME,
            self.LegalNameSource.CSAM,
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
