"""The learners a partner enrols, the cohorts they follow, and their outcomes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from partners.models.funding import Project
from partners.models.organisations import Organisation
from partners.models.vocabulary import Gender, Region, Situation, TargetGroup


class PartnerLearner(models.Model):
    """A person as one organisation knows them, keyed by the organisation's own
    learner id, so that imports and API calls are idempotent. Linked to the
    person's platform account, which may be shared with other organisations."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="learners"
    )
    external_id = models.CharField(_("partner's learner id"), max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="partner_records"
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    gender = models.CharField(
        _("gender"), max_length=1, choices=Gender.choices, default=Gender.UNKNOWN
    )
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    region = models.CharField(_("region"), max_length=16, choices=Region.choices, blank=True)
    situation = models.CharField(
        _("situation at enrolment"),
        max_length=24,
        choices=Situation.choices,
        default=Situation.UNKNOWN,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("partner learner")
        verbose_name_plural = _("partner learners")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "external_id"], name="partners_learner_external_id"
            ),
            models.UniqueConstraint(fields=["organisation", "user"], name="partners_learner_user"),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class LearnerTargetGroup(models.Model):
    """A target group a learner belongs to; one person can be in several."""

    learner = models.ForeignKey(
        PartnerLearner, on_delete=models.CASCADE, related_name="target_groups"
    )
    target_group = models.CharField(_("target group"), max_length=24, choices=TargetGroup.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "target_group"], name="partners_learner_group_unique"
            )
        ]

    def __str__(self) -> str:
        return self.target_group


class Cohort(models.Model):
    """A group of learners in one project following one or more courses."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="cohorts")
    name = models.CharField(_("name"), max_length=200)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("trainer"),
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "name"]

    def __str__(self) -> str:
        return self.name


class CohortCourse(models.Model):
    """A course a cohort follows, named by its translation_key (any language)."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="courses")
    course_key = models.UUIDField(_("course"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "course_key"], name="partners_cohort_course_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.course_key)


class CohortMember(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="members")
    learner = models.ForeignKey(PartnerLearner, on_delete=models.CASCADE, related_name="cohorts")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "learner"], name="partners_cohort_member_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cohort_id} · {self.learner_id}"


class Outcome(models.Model):
    """A learner's situation at a follow-up point, recorded by staff or by API.
    One per learner and point; a correction replaces it (and is audited)."""

    class Point(models.TextChoices):
        MONTHS_3 = "3m", _("3 months after the course")
        MONTHS_6 = "6m", _("6 months after the course")

    class Source(models.TextChoices):
        STAFF = "staff", _("Recorded by staff")
        API = "api", _("Received by API")
        IMPORT = "import", _("Imported")

    learner = models.ForeignKey(PartnerLearner, on_delete=models.CASCADE, related_name="outcomes")
    point = models.CharField(_("follow-up"), max_length=4, choices=Point.choices)
    situation = models.CharField(_("situation"), max_length=24, choices=Situation.choices)
    recorded_at = models.DateTimeField(auto_now=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.STAFF)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        constraints = [
            models.UniqueConstraint(fields=["learner", "point"], name="partners_outcome_unique")
        ]

    def __str__(self) -> str:
        return f"{self.learner_id} · {self.point} · {self.situation}"
