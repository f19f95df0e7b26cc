"""Report figures for funded projects, computed from SQL aggregates.

PostgreSQL does the heavy part in ONE query: it joins enrolments to the
projects' cohorts and courses, certificates, target groups and outcomes,
reduces them to one row per project and learner (reached, completed, certified,
outcomes, target groups) and counts those rows into a small "cube" by project,
region, gender, age band, target groups, completion, certification and
outcomes (about 13,000 cells for a call of 200 projects and 500,000 learners).
pandas then rolls the cube up into every table of the report; no learner row
ever reaches Python. Counting once into the cube and rolling up in pandas is
cheaper than having PostgreSQL group the learner rows seven ways (GROUPING
SETS): `benchmarks/fund_report.py` measures both.

Definitions (also in the README):
- reached: a learner of the project's cohorts with an enrolment in one of the
  cohort's courses started in the period (a learner counts once per project);
- completed: such an enrolment completed by the end of the period;
- certified: a certificate (not revoked) for such a course issued by the end;
- age band: age on the last day of the period;
- outcomes: the situation recorded at 3 and 6 months for the reached learners.
"""

import datetime
import uuid
from dataclasses import dataclass

import pandas as pd
from django.db import connection, connections
from django.utils import timezone

from config.db_router import reading_from_replica, replica_alias
from partners.models import Project, ProjectTarget

AGE_BANDS = ["under_18", "18_24", "25_34", "35_44", "45_54", "55_64", "65_plus", "unknown"]
# Lower age limits of AGE_BANDS (without "unknown"), oldest first for the CASE.
_AGE_LIMITS = [(65, "65_plus"), (55, "55_64"), (45, "45_54"), (35, "35_44"), (25, "25_34")]
_AGE_LIMITS += [(18, "18_24")]
NO_GROUP = ""
BEHIND_MARGIN = 0.10

CUBE_COLUMNS = [
    "project_id",
    "region",
    "gender",
    "age_band",
    "groups",
    "completed",
    "certified",
    "outcome_3m",
    "outcome_6m",
    "learners",
]


@dataclass(frozen=True)
class Period:
    """A report period; `start` None means "since the beginning"."""

    start: datetime.date | None
    end: datetime.date


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _age_case(end: datetime.date) -> tuple[str, list]:
    """A CASE that turns birth_date into an age band on `end`, by comparing it
    with birth-date limits computed here (portable and index-friendly)."""
    parts, params = ["CASE WHEN pl.birth_date IS NULL THEN 'unknown'"], []
    for years, band in _AGE_LIMITS:
        parts.append(f"WHEN pl.birth_date <= %s THEN '{band}'")
        params.append(_years_before(end, years))
    parts.append("ELSE 'under_18' END")
    return " ".join(parts), params


def _bounds(period: Period):
    tz = timezone.get_current_timezone()
    end = datetime.datetime.combine(period.end + datetime.timedelta(days=1), datetime.time(), tz)
    start = (
        datetime.datetime.combine(period.start, datetime.time(), tz)
        if period.start is not None
        else None
    )
    return start, end


def _group_concat(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"string_agg({column}, ',' ORDER BY {column})"
    return f"group_concat({column}, ',')"


def _learner_enrolments(project_ids: list[int], period: Period, *, outcomes: bool):
    """FROM … WHERE shared by both cubes: every enrolment of the projects'
    cohort members in their cohorts' courses started in the period, each with
    its learner, its certificate (if any, issued by the end), the learner's
    target groups and, with `outcomes`, the 3- and 6-month outcomes.

    Everything is joined at the enrolment level, so PostgreSQL does the joins
    in its parallel workers and the per-learner reduction that follows needs
    no second round of joins. The one-row-per-learner joins (target groups,
    outcomes: unique per learner and point) multiply nothing, and a learner
    with two certificates of a course only repeats a row that MAX() reduces."""
    start, end = _bounds(period)
    in_projects = ", ".join(["%s"] * len(project_ids)) or "NULL"
    start_clause = "AND e.enrolled_at >= %s" if start is not None else ""
    outcome_joins = (
        """
        LEFT JOIN partners_outcome o3 ON o3.learner_id = pl.id AND o3.point = '3m'
        LEFT JOIN partners_outcome o6 ON o6.learner_id = pl.id AND o6.point = '6m'"""
        if outcomes
        else ""
    )
    sql = f"""
        FROM partners_cohort c
        JOIN partners_cohortcourse cc ON cc.cohort_id = c.id
        JOIN partners_cohortmember cm ON cm.cohort_id = c.id
        JOIN partners_partnerlearner pl ON pl.id = cm.learner_id
        JOIN lms_enrolment e ON e.learner_id = pl.user_id AND e.course_key = cc.course_key
        LEFT JOIN certificates_certificate cert
          ON cert.holder_id = e.learner_id AND cert.course_key = e.course_key
         AND cert.revoked_at IS NULL AND cert.issued_at < %s
        LEFT JOIN (
            SELECT g.learner_id, {_group_concat("g.target_group")} AS groups
            FROM partners_learnertargetgroup g
            WHERE g.learner_id IN (
                SELECT m.learner_id FROM partners_cohortmember m
                JOIN partners_cohort mc ON mc.id = m.cohort_id
                WHERE mc.project_id IN ({in_projects}))
            GROUP BY g.learner_id
        ) groups ON groups.learner_id = pl.id{outcome_joins}
        WHERE c.project_id IN ({in_projects}) AND e.enrolled_at < %s {start_clause}
    """  # noqa: S608 (only placeholders and fixed SQL fragments are interpolated)
    params = [end, *project_ids, *project_ids, end]
    if start is not None:
        params.append(start)
    return sql, params


def cube_sql(project_ids: list[int], period: Period) -> tuple[str, list]:
    """The one aggregate query of the pipeline (also used by the benchmark):
    enrolments reduced to one row per project and learner, then counted per
    cell of the cube."""
    _start, end = _bounds(period)
    age_case, age_params = _age_case(period.end)
    enrolments, enrolment_params = _learner_enrolments(project_ids, period, outcomes=True)
    sql = f"""
        SELECT r.project_id, r.region, r.gender, r.age_band, r.groups, r.completed,
               r.certified, r.outcome_3m, r.outcome_6m, COUNT(*) AS learners
        FROM (
            SELECT c.project_id, pl.region, pl.gender, {age_case} AS age_band,
                   COALESCE(MAX(groups.groups), '') AS groups,
                   MAX(CASE WHEN e.status = 'completed' AND e.completed_at < %s
                            THEN 1 ELSE 0 END) AS completed,
                   MAX(CASE WHEN cert.id IS NOT NULL THEN 1 ELSE 0 END) AS certified,
                   COALESCE(MAX(o3.situation), '') AS outcome_3m,
                   COALESCE(MAX(o6.situation), '') AS outcome_6m
            {enrolments}
            GROUP BY c.project_id, pl.id
        ) r
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    """  # noqa: S608 (only placeholders and fixed SQL fragments are interpolated)
    # region, gender and birth date depend on pl.id, the primary key grouped by.
    return sql, [*age_params, end, *enrolment_params]


def cube(project_ids: list[int], period: Period) -> pd.DataFrame:
    """The aggregated cube for these projects and period (a few hundred rows)."""
    if not project_ids:
        return pd.DataFrame(columns=CUBE_COLUMNS)
    sql, params = cube_sql(project_ids, period)
    with connections[replica_alias()].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    frame = pd.DataFrame(rows, columns=CUBE_COLUMNS)
    for column in ("completed", "certified", "learners"):
        frame[column] = frame[column].astype("int64")
    return frame


def course_cube(project_ids: list[int], period: Period) -> pd.DataFrame:
    """Reached and certified learners per project, course and target groups:
    only needed for targets set on one course."""
    enrolments, params = _learner_enrolments(project_ids, period, outcomes=False)
    sql = f"""
        SELECT r.project_id, r.course_key, r.groups, r.certified, COUNT(*) AS learners
        FROM (
            SELECT c.project_id, cc.course_key, COALESCE(MAX(groups.groups), '') AS groups,
                   MAX(CASE WHEN cert.id IS NOT NULL THEN 1 ELSE 0 END) AS certified
            {enrolments}
            GROUP BY c.project_id, pl.id, cc.course_key
        ) r
        GROUP BY 1, 2, 3, 4
    """  # noqa: S608 (only placeholders and fixed SQL fragments are interpolated)
    with connections[replica_alias()].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    frame = pd.DataFrame(
        rows, columns=["project_id", "course_key", "groups", "certified", "learners"]
    )
    # PostgreSQL returns UUIDs, SQLite 32 hex digits: one spelling for both.
    frame["course_key"] = frame["course_key"].map(lambda key: str(uuid.UUID(str(key))))
    return frame


# --- roll-ups (pandas) --------------------------------------------------------
# Each table is ONE groupby over the cube of every project at once; the results
# are then split per project. The work does not grow with the number of projects
# beyond the size of the cube.

COUNTS = ["reached", "completed", "certified"]
GENDER_ORDER = ["f", "m", "x", "u"]


def _weighted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(
        reached=frame["learners"],
        completed=frame["completed"] * frame["learners"],
        certified=frame["certified"] * frame["learners"],
    )


def _explode_groups(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per target group of each cube row (a learner in two groups counts
    in both; learners without a group are left out of this table)."""
    groups = frame.assign(target_group=frame["groups"].str.split(","))
    groups = groups.explode("target_group")
    return groups[groups["target_group"].fillna("") != ""]


def _per_project(frame: pd.DataFrame, key: str, order: list[str] | None = None) -> dict:
    """{project_id: [{"key", "reached", "completed", "certified"}, ...]}"""
    summed = frame.groupby(["project_id", key], sort=True)[COUNTS].sum().reset_index()
    out: dict[int, list] = {}
    for pk, value, reached, completed, certified in summed[["project_id", key, *COUNTS]].itertuples(
        index=False
    ):
        out.setdefault(int(pk), []).append(
            {
                "key": str(value),
                "reached": int(reached),
                "completed": int(completed),
                "certified": int(certified),
            }
        )
    if order is not None:
        rank = {value: n for n, value in enumerate(order)}
        for records in out.values():
            records.sort(key=lambda r: (rank.get(r["key"], len(order)), r["key"]))
    return out


def _rollups(frame: pd.DataFrame) -> dict:
    weighted = _weighted(frame)
    totals = {
        int(pk): {k: int(v) for k, v in row.items()}
        for pk, row in weighted.groupby("project_id")[COUNTS].sum().iterrows()
    }
    outcomes: dict[int, list] = {}
    for point, column in (("3m", "outcome_3m"), ("6m", "outcome_6m")):
        recorded = weighted[weighted[column] != ""]
        summed = recorded.groupby(["project_id", column], sort=True)["learners"].sum()
        for (pk, situation), count in summed.items():
            outcomes.setdefault(int(pk), []).append(
                {"point": point, "situation": situation, "count": int(count)}
            )
    return {
        "totals": totals,
        "target_group": _per_project(_explode_groups(weighted), "target_group"),
        "region": _per_project(weighted, "region"),
        "gender": _per_project(weighted, "gender", GENDER_ORDER),
        "age_band": _per_project(weighted, "age_band", AGE_BANDS),
        "outcomes": outcomes,
    }


def elapsed_share(project: Project, day: datetime.date) -> float:
    """Share of the project period elapsed on `day` (0..1)."""
    total = (project.ends_on - project.starts_on).days + 1
    done = min(max(day, project.starts_on - datetime.timedelta(days=1)), project.ends_on)
    return max(0.0, min(1.0, ((done - project.starts_on).days + 1) / total))


def _targets(targets, totals: dict, groups: list[dict], courses) -> list[dict]:
    by_group = {row["key"]: row for row in groups}
    rows = []
    for target in targets:
        if target.course_key is None:
            counts = by_group.get(target.target_group, {}) if target.target_group else totals
            reached, certified = counts.get("reached", 0), counts.get("certified", 0)
        else:
            part = courses[courses["course_key"] == str(target.course_key)]
            if target.target_group:
                member = (
                    part["groups"].str.split(",").apply(lambda g, t=target: t.target_group in g)
                )
                part = part[member]
            reached = int(part["learners"].sum())
            certified = int((part["learners"] * part["certified"]).sum())
        rows.append(
            {
                "target_group": target.target_group,
                "course_key": str(target.course_key) if target.course_key else "",
                "learners_target": target.learners,
                "learners": reached,
                "certified_target": target.certified,
                "certified": certified,
            }
        )
    rows.sort(key=lambda r: (r["course_key"], r["target_group"]))
    return rows


def overall_target(project: Project, targets) -> int | None:
    """The project's headline target: the one for all groups and courses."""
    for target in targets:
        if not target.target_group and target.course_key is None:
            return target.learners
    return None


def _figures(project, targets, rolled: dict, courses, period: Period) -> dict:
    pk = project.pk
    totals = rolled["totals"].get(pk, {"reached": 0, "completed": 0, "certified": 0})
    reached = totals["reached"]
    planned = overall_target(project, targets)
    budget = float(project.budget_eur)
    groups = rolled["target_group"].get(pk, [])
    return {
        "project": {
            "id": pk,
            "reference": project.reference,
            "name": project.name,
            "organisation": project.organisation.name,
            "programme": project.programme.name,
            "region": project.region,
            "starts_on": project.starts_on.isoformat(),
            "ends_on": project.ends_on.isoformat(),
        },
        "period": {
            "start": period.start.isoformat() if period.start else project.starts_on.isoformat(),
            "end": period.end.isoformat(),
        },
        "totals": dict(totals),
        "breakdowns": {
            "target_group": groups,
            "region": rolled["region"].get(pk, []),
            "gender": rolled["gender"].get(pk, []),
            "age_band": rolled["age_band"].get(pk, []),
        },
        "outcomes": rolled["outcomes"].get(pk, []),
        "budget": {
            "budget_eur": round(budget, 2),
            "planned_learners": planned,
            "planned_cost_per_learner": round(budget / planned, 2) if planned else None,
            "cost_per_learner_reached": round(budget / reached, 2) if reached else None,
            "elapsed_share": round(elapsed_share(project, period.end), 4),
        },
        "targets": _targets(targets, totals, groups, courses),
        "computed_at": timezone.now().isoformat(timespec="seconds"),
    }


def _load_projects(project_ids: list[int]) -> dict[int, Project]:
    return {
        p.pk: p
        for p in Project.objects.select_related("organisation", "programme").filter(
            pk__in=project_ids
        )
    }


def project_figures(*, project: Project, period: Period) -> dict:
    """The figures of one project's report for `period` (JSON-serialisable)."""
    return programme_figures(project_ids=[project.pk], period=period)[project.pk]


def programme_figures(*, project_ids: list[int], period: Period) -> dict[int, dict]:
    """The figures of many projects (a call, a region...) from one cube query,
    read from the replica when there is one (a report may be seconds behind;
    inside a transaction, as when a report is submitted, from default)."""
    with reading_from_replica():
        projects = _load_projects(project_ids)
        ids = sorted(projects)
        targets: dict[int, list] = {pk: [] for pk in ids}
        for target in ProjectTarget.objects.filter(project_id__in=ids).order_by("pk"):
            targets[target.project_id].append(target)
        rolled = _rollups(cube(ids, period))
        with_course = [pk for pk in ids if any(t.course_key for t in targets[pk])]
        courses = course_cube(with_course, period) if with_course else None
    out = {}
    for pk in ids:
        course_part = courses[courses["project_id"] == pk] if pk in with_course else None
        out[pk] = _figures(projects[pk], targets[pk], rolled, course_part, period)
    return out


def progress(figures: dict) -> dict:
    """Headline progress of a project: reached share of its overall target
    against the elapsed share of its period. "Behind" means the reached share is
    more than 10 points below the elapsed share."""
    planned = figures["budget"]["planned_learners"]
    reached = figures["totals"]["reached"]
    elapsed = figures["budget"]["elapsed_share"]
    share = reached / planned if planned else None
    behind = share is not None and share < elapsed - BEHIND_MARGIN
    return {
        "reached": reached,
        "target": planned,
        "share": share,
        "elapsed": elapsed,
        "behind": behind,
    }
