"""Project figures to date, kept as snapshots.

Computing every project of a call live is one aggregate over all their
enrolments (about 18 s for 1,000,000 enrolments, see the README), too slow for
a page. A beat task refreshes every project's snapshot every few minutes; the
dashboard reads them in one query and computes only the projects whose
snapshot is missing or older than `MAX_AGE` (or from another day: "to date"
changes at midnight)."""

import datetime

from django.utils import timezone

from analytics.models import ProjectSnapshot
from analytics.reports import Period, programme_figures
from partners.models import Project

MAX_AGE = datetime.timedelta(minutes=15)


def snapshots_refresh(*, project_ids: list[int] | None = None) -> dict[int, dict]:
    """Compute the figures to date of these projects (all when None) in one
    aggregate and store them; returns them by project id."""
    if project_ids is None:
        project_ids = list(Project.objects.values_list("pk", flat=True))
    if not project_ids:
        return {}
    now = timezone.now()
    figures = programme_figures(
        project_ids=project_ids, period=Period(None, timezone.localdate(now))
    )
    ProjectSnapshot.objects.bulk_create(
        [ProjectSnapshot(project_id=pk, figures=f, computed_at=now) for pk, f in figures.items()],
        update_conflicts=True,
        unique_fields=["project"],
        update_fields=["figures", "computed_at"],
    )
    return figures


def snapshot_figures(*, project_ids: list[int]) -> tuple[dict[int, dict], datetime.datetime | None]:
    """The figures to date of these projects, from fresh snapshots where there
    are, computed (and stored) for the others; and the oldest computation time."""
    now = timezone.now()
    fresh = {
        row.project_id: row
        for row in ProjectSnapshot.objects.filter(
            project_id__in=project_ids, computed_at__gte=now - MAX_AGE
        )
        if timezone.localdate(row.computed_at) == timezone.localdate(now)
    }
    figures = {pk: row.figures for pk, row in fresh.items()}
    stale = [pk for pk in project_ids if pk not in fresh]
    if stale:
        figures.update(snapshots_refresh(project_ids=stale))
    times = [row.computed_at for row in fresh.values()] + ([now] if stale else [])
    return figures, min(times) if times else None
