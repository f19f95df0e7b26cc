"""Report figures against a small project counted by hand (analytics/tests/data.py)."""

import datetime

import pytest

from analytics.reports import Period, programme_figures, progress, project_figures
from analytics.tests.data import JUNE, MARCH, _learner
from analytics.tests.factories import certificate_for, enrol
from partners.models import CohortCourse, LearnerTargetGroup, ProjectTarget
from partners.tests.factories import CohortFactory

pytestmark = pytest.mark.django_db

YEAR = Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


def _by_key(rows):
    return {row["key"]: row for row in rows}


def test_totals_count_reached_completed_and_certified_learners_once(small):
    figures = project_figures(project=small.project, period=YEAR)

    assert figures["totals"] == {"reached": 12, "completed": 5, "certified": 3}


def test_gender_breakdown(small):
    figures = project_figures(project=small.project, period=YEAR)

    gender = _by_key(figures["breakdowns"]["gender"])
    assert {k: v["reached"] for k, v in gender.items()} == {"f": 6, "m": 4, "x": 2}
    assert gender["f"]["completed"] == 4 and gender["f"]["certified"] == 3


def test_age_band_is_taken_on_the_last_day_of_the_period(small):
    figures = project_figures(project=small.project, period=YEAR)

    ages = {k: v["reached"] for k, v in _by_key(figures["breakdowns"]["age_band"]).items()}
    assert ages == {"under_18": 5, "18_24": 1, "35_44": 6}


def test_age_band_moves_with_the_period_end(small):
    figures = project_figures(
        project=small.project, period=Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 30))
    )

    ages = {k: v["reached"] for k, v in _by_key(figures["breakdowns"]["age_band"]).items()}
    assert ages == {"under_18": 6, "35_44": 6}


def test_target_groups_leave_out_learners_without_a_group(small):
    figures = project_figures(project=small.project, period=YEAR)

    assert figures["breakdowns"]["target_group"] == [
        {"key": "jobseekers", "reached": 6, "completed": 4, "certified": 3}
    ]


def test_enrolments_outside_the_period_are_not_counted(small):
    figures = project_figures(
        project=small.project, period=Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    )

    assert figures["totals"] == {"reached": 1, "completed": 0, "certified": 0}


def test_completion_and_certification_after_the_period_end_do_not_count(small):
    figures = project_figures(
        project=small.project, period=Period(datetime.date(2026, 1, 1), datetime.date(2026, 4, 30))
    )

    assert figures["totals"] == {"reached": 12, "completed": 0, "certified": 0}


def test_outcomes_at_three_months(small):
    figures = project_figures(project=small.project, period=YEAR)

    assert figures["outcomes"] == [{"point": "3m", "situation": "job_found", "count": 2}]


def test_budget_figures(small):
    figures = project_figures(project=small.project, period=YEAR)

    assert figures["budget"] == {
        "budget_eur": 100000.0,
        "planned_learners": 40,
        "planned_cost_per_learner": 2500.0,
        "cost_per_learner_reached": 8333.33,
        "elapsed_share": 1.0,
    }


def test_progress_against_each_target(small):
    figures = project_figures(project=small.project, period=YEAR)

    assert figures["targets"] == [
        {
            "target_group": "",
            "course_key": "",
            "learners_target": 40,
            "learners": 12,
            "certified_target": 20,
            "certified": 3,
        },
        {
            "target_group": "jobseekers",
            "course_key": "",
            "learners_target": 10,
            "learners": 6,
            "certified_target": 5,
            "certified": 3,
        },
    ]


def test_a_course_target_counts_only_that_course(small):
    ProjectTarget.objects.create(
        project=small.project, course_key=small.course.translation_key, learners=12, certified=6
    )

    figures = project_figures(project=small.project, period=YEAR)

    row = next(t for t in figures["targets"] if t["course_key"])
    assert (row["learners"], row["certified"]) == (12, 3)


def test_a_learner_in_two_cohorts_of_the_project_counts_once(small):
    second = CohortFactory(project=small.project)
    CohortCourse.objects.create(cohort=second, course_key=small.course.translation_key)
    learner = small.cohort.members.first().learner
    second.members.create(learner=learner)

    figures = project_figures(project=small.project, period=YEAR)

    assert figures["totals"]["reached"] == 12


def test_a_revoked_certificate_does_not_count(small):
    learner = _learner(
        small.project.organisation, small.cohort, gender="f", birth_date=datetime.date(1990, 1, 1)
    )
    enrol(learner.user, small.course, at=MARCH, completed_at=JUNE)
    certificate_for(learner.user, small.course, at=JUNE, revoked_at=JUNE)

    figures = project_figures(project=small.project, period=YEAR)

    assert figures["totals"] == {"reached": 13, "completed": 6, "certified": 3}


def test_a_project_is_behind_when_reached_share_is_10_points_under_elapsed_share(small):
    figures = project_figures(project=small.project, period=Period(None, datetime.date(2026, 7, 2)))

    headline = progress(figures)
    # 13 / 40 = 32.5 % reached since the start (one learner in 2025); 183 / 365 elapsed.
    assert headline["share"] == 0.325
    assert headline["elapsed"] == pytest.approx(183 / 365, abs=1e-4)
    assert headline["behind"] is True


def test_a_project_within_10_points_is_not_behind(small):
    figures = project_figures(project=small.project, period=Period(None, datetime.date(2026, 5, 8)))

    # 128 of 365 days = 35.1 % elapsed: 32.5 % reached is within 10 points.
    assert progress(figures)["behind"] is False


def test_a_second_certificate_of_the_same_course_counts_the_learner_once(small):
    certified = (
        small.cohort.members.filter(learner__user__certificates__isnull=False).first().learner
    )
    certificate_for(certified.user, small.course, at=JUNE, content_version=2)

    figures = project_figures(project=small.project, period=YEAR)

    assert figures["totals"] == {"reached": 12, "completed": 5, "certified": 3}
    assert figures["breakdowns"]["target_group"] == [
        {"key": "jobseekers", "reached": 6, "completed": 4, "certified": 3}
    ]
    assert {(o["point"], o["situation"]): o["count"] for o in figures["outcomes"]} == {
        ("3m", "job_found"): 2
    }


def test_a_learner_in_two_groups_and_two_courses_counts_once_per_table(small):
    second_key = "00000000-0000-0000-0000-000000000002"
    CohortCourse.objects.create(cohort=small.cohort, course_key=second_key)
    learner = _learner(
        small.project.organisation,
        small.cohort,
        gender="f",
        birth_date=datetime.date(1990, 1, 1),
        groups=["jobseekers", "seniors"],
    )
    enrol(learner.user, small.course, at=MARCH, completed_at=JUNE)
    enrol(learner.user, small.course, at=MARCH, course_key=second_key)

    figures = project_figures(project=small.project, period=YEAR)

    assert figures["totals"] == {"reached": 13, "completed": 6, "certified": 3}
    groups = _by_key(figures["breakdowns"]["target_group"])
    assert (groups["jobseekers"]["reached"], groups["seniors"]["reached"]) == (7, 1)
    assert groups["seniors"]["completed"] == 1


def test_a_call_computed_at_once_matches_each_project_computed_alone(small):
    stranger = small.other_project.cohorts.first().members.first().learner
    LearnerTargetGroup.objects.create(learner=stranger, target_group="seniors")

    together = programme_figures(
        project_ids=[small.project.pk, small.other_project.pk], period=YEAR
    )

    for project in (small.project, small.other_project):
        alone = project_figures(project=project, period=YEAR)
        del together[project.pk]["computed_at"], alone["computed_at"]
        assert together[project.pk] == alone
    assert together[small.other_project.pk]["breakdowns"]["target_group"] == [
        {"key": "seniors", "reached": 1, "completed": 0, "certified": 0}
    ]
