"""Analytics' own tables: snapshots of figures filled by scheduled tasks, so
that dashboards read rows instead of recomputing every project."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectSnapshot(models.Model):
    """A project's figures to date (from its start to the day of `computed_at`),
    for the fund officer's dashboard. Refreshed by `analytics.tasks.snapshots_refresh`
    and, for a project without a fresh one, on first view."""

    project = models.OneToOneField(
        "partners.Project", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    figures = models.JSONField()
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("project snapshot")
        verbose_name_plural = _("project snapshots")

    def __str__(self) -> str:
        return f"{self.project_id} @ {self.computed_at:%Y-%m-%d %H:%M}"
