"""Reports a funded project sends to the fund: one row per project, period and
version. A report moves draft -> submitted -> approved, or submitted ->
returned -> submitted again; an approved report is frozen and a correction is a
new version, the old one staying readable."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partners.models.funding import Project


class ReportSubmission(models.Model):
    """One version of a project's report for a period. `figures` holds the
    figures as submitted (computed by analytics), frozen once approved."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for corrections")
        APPROVED = "approved", _("Approved")

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="reports")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    figures = models.JSONField(_("figures"), null=True, blank=True)
    partner_note = models.TextField(_("note to the fund"), blank=True)
    review_comment = models.TextField(_("fund officer's comments"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-period_end", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "period_start", "period_end", "version"],
                name="partners_report_version_unique",
            ),
            # At most one version of a period is open (not approved) at a time.
            models.UniqueConstraint(
                fields=["project", "period_start", "period_end"],
                condition=~Q(status="approved"),
                name="partners_report_one_open",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="partners_report_period",
            ),
            models.CheckConstraint(
                condition=Q(figures__isnull=False) | Q(status__in=["draft", "returned"]),
                name="partners_report_figures_when_sent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project.reference} {self.period_start}–{self.period_end} v{self.version}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)
