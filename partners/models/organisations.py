"""Organisations and the people who work for them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from partners.models.vocabulary import Region


class Organisation(models.Model):
    """A DBSF project holder, an employment agency, a school, a library... Its
    staff see only its own learners."""

    class Kind(models.TextChoices):
        DBSF_PROJECT = "dbsf_project", _("DBSF project holder")
        EMPLOYMENT_AGENCY = "employment_agency", _("Public employment agency")
        SCHOOL = "school", _("School")
        LIBRARY = "library", _("Library or public computer room")
        SOCIAL_SERVICE = "social_service", _("Social service")
        CONNECTOO = "connectoo", _("Connectoo desk")
        EMPLOYER = "employer", _("Employer")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    region = models.CharField(_("region"), max_length=16, choices=Region.choices, blank=True)
    language = models.CharField(
        _("working language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    # Digital helpers of this organisation are activated only once they hold
    # the certificate of this course (a course translation_key), when set.
    helper_training_course_key = models.UUIDField(
        _("course helpers must complete"), null=True, blank=True
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """One role of one person in one organisation. A person may hold several."""

    class Role(models.TextChoices):
        MANAGER = "manager", _("Manager")
        TRAINER = "trainer", _("Trainer")
        REPORTER = "reporter", _("Reporter")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user", "role"], name="partners_membership_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.role}"
