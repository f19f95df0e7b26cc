"""The tables of a report with suppression (shared by pages and exports)."""

import datetime

import pytest

from analytics.presenters import report_tables
from analytics.reports import Period, project_figures

pytestmark = pytest.mark.django_db

YEAR = Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


def _table(tables, key):
    return next(t for t in tables if t.key == key)


def test_suppressed_gender_table_hides_four_but_shows_five_and_more(small):
    tables = report_tables(project_figures(project=small.project, period=YEAR), suppress=True)

    rows = {row[0]: row[1:] for row in _table(tables, "gender").rows}
    # Women: 6 reached, 4 completed (<5, rate hidden), 3 certified (<5, rate hidden).
    assert rows["Woman"] == [6, "<5", "<5", "<5", "<5"]
    assert rows["Man"] == ["<5", "<5", "<5", "<5", "<5"]


def test_exactly_five_learners_are_shown(small):
    tables = report_tables(project_figures(project=small.project, period=YEAR), suppress=True)

    summary = dict(_table(tables, "summary").rows)
    assert summary["Completed a course"] == 5


def test_a_lone_small_cell_is_completed_until_it_cannot_be_worked_out(small):
    tables = report_tables(project_figures(project=small.project, period=YEAR), suppress=True)

    # Ages: under 18 5, 18-24 1, 35-44 6; 12 reached. Hiding the 1 alone gives
    # 12 - 11 = 1; hiding the 5 with it gives 12 - 6 = 6 = 1 + "x" (at least
    # 5): still 1. The 6 has to go too.
    rows = {row[0]: row[1] for row in _table(tables, "age_band").rows}
    assert rows == {"Under 18": "x", "18 to 24": "<5", "35 to 44": "x"}
    assert dict(_table(tables, "summary").rows)["Learners reached"] == 12


def test_unsuppressed_tables_show_every_count_and_rate(small):
    tables = report_tables(project_figures(project=small.project, period=YEAR), suppress=False)

    rows = {row[0]: row[1:] for row in _table(tables, "gender").rows}
    assert rows["Woman"] == [6, 4, 3, 4 / 6, 3 / 6]


def test_summary_rates_when_counts_are_large_enough(small):
    tables = report_tables(project_figures(project=small.project, period=YEAR), suppress=True)

    summary = dict(_table(tables, "summary").rows)
    assert summary["Learners reached"] == 12
    assert summary["Completion rate"] == 5 / 12
    assert summary["Certification rate"] == "<5"


def test_target_progress_is_suppressed_with_its_count(small):
    tables = report_tables(project_figures(project=small.project, period=YEAR), suppress=True)

    overall = _table(tables, "targets").rows[0]
    assert overall[2:] == [40, 12, 12 / 40, 20, "<5", "<5"]
