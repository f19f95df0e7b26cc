"""DBSF funding: a call per year, the projects it pays and their targets."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partners.models.organisations import Organisation
from partners.models.vocabulary import Region, TargetGroup


class Programme(models.Model):
    """A funding call, e.g. "DBSF call 2026"."""

    name = models.CharField(_("name"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    code = models.SlugField(_("code"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return self.name


class Project(models.Model):
    """A funded project run by one organisation, with a budget and a period."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="projects")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="projects"
    )
    name = models.CharField(_("name"), max_length=200)
    reference = models.CharField(_("fund reference"), max_length=40, unique=True)
    budget_eur = models.DecimalField(
        _("budget (EUR)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    region = models.CharField(_("region"), max_length=16, choices=Region.choices)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="partners_project_period"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ProjectTarget(models.Model):
    """How many learners a project promised to reach, and to certify, for one
    target group and/or one course (blank means all)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="targets")
    target_group = models.CharField(
        _("target group"), max_length=24, choices=TargetGroup.choices, blank=True
    )
    course_key = models.UUIDField(_("course"), null=True, blank=True)
    learners = models.PositiveIntegerField(_("learners to reach"))
    certified = models.PositiveIntegerField(_("learners to certify"), default=0)

    class Meta:
        verbose_name = _("project target")
        verbose_name_plural = _("project targets")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "target_group", "course_key"],
                condition=Q(course_key__isnull=False),
                name="partners_target_course_unique",
            ),
            models.UniqueConstraint(
                fields=["project", "target_group"],
                condition=Q(course_key__isnull=True),
                name="partners_target_all_courses_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.target_group or '*'} · {self.learners}"
