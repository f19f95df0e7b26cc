"""Scheduled work of analytics (thin: the snapshot module does the work)."""

from celery import shared_task

from analytics.snapshots import snapshots_refresh


@shared_task(keep_when_refused=False)
def project_snapshots_refresh() -> int:
    """Every few minutes: every project's figures to date, for the dashboard."""
    return len(snapshots_refresh())
