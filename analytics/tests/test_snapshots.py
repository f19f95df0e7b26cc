"""Snapshots of project figures: the dashboard reads them, computes a missing
or stale one, and the beat task refreshes them all."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from analytics.models import ProjectSnapshot
from analytics.snapshots import MAX_AGE, snapshot_figures
from analytics.tasks import project_snapshots_refresh
from analytics.tests.people import fund_officer
from partners.models import ProjectTarget
from partners.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def _project():
    project = ProjectFactory()
    ProjectTarget.objects.create(project=project, target_group="", learners=100)
    return project


def test_the_task_snapshots_every_project():
    projects = [_project(), _project()]
    assert project_snapshots_refresh() == 2
    assert set(ProjectSnapshot.objects.values_list("project_id", flat=True)) == {
        p.pk for p in projects
    }


def test_a_fresh_snapshot_is_read_not_recomputed():
    project = _project()
    project_snapshots_refresh()
    ProjectSnapshot.objects.filter(pk=project.pk).update(figures={"marker": True})
    figures, as_of = snapshot_figures(project_ids=[project.pk])
    assert figures == {project.pk: {"marker": True}}
    assert as_of is not None


def test_a_stale_snapshot_is_recomputed_and_stored():
    project = _project()
    project_snapshots_refresh()
    old = timezone.now() - MAX_AGE - datetime.timedelta(minutes=1)
    ProjectSnapshot.objects.filter(pk=project.pk).update(figures={"marker": True}, computed_at=old)
    figures, _as_of = snapshot_figures(project_ids=[project.pk])
    assert "marker" not in figures[project.pk]
    assert ProjectSnapshot.objects.get(pk=project.pk).computed_at > old


def test_the_dashboard_says_when_its_figures_were_computed(client):
    _project()
    client.force_login(fund_officer())
    page = client.get(reverse("analytics:dashboard")).content.decode()
    assert "Figures as of" in page
    assert ProjectSnapshot.objects.count() == 1
