"""The tables of a report, built once from its figures and used by the report
page, the CSV, XLSX and PDF exports, and the rows of the fund dashboard.
Suppression is decided in `analytics.suppression` (`protect_figures`,
`protect_dashboard`) and applied here to every table of a report and to the
dashboard, for every output at once (the fee waivers of a fund view are
suppressed in `analytics.selectors.project_waived`)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from analytics.suppression import protect_dashboard, protect_figures, shown_rate
from partners.models import Gender, Region, Situation, TargetGroup

AGE_BAND_LABELS = {
    "under_18": gettext_lazy("Under 18"),
    "18_24": gettext_lazy("18 to 24"),
    "25_34": gettext_lazy("25 to 34"),
    "35_44": gettext_lazy("35 to 44"),
    "45_54": gettext_lazy("45 to 54"),
    "55_64": gettext_lazy("55 to 64"),
    "65_plus": gettext_lazy("65 and over"),
    "unknown": gettext_lazy("Age not given"),
}
# The report statuses and the workflow's messages as people read them. They
# are written in partners/, which has no message catalogue on main yet; the same
# msgids are translated in analytics' catalogue (gettext merges catalogues).
STATUS_LABELS = {
    "draft": gettext_lazy("Draft"),
    "submitted": gettext_lazy("Submitted"),
    "returned": gettext_lazy("Returned for corrections"),
    "approved": gettext_lazy("Approved"),
}
WORKFLOW_MESSAGES = [
    gettext_lazy("The period must lie within the project period (%(start)s to %(end)s)."),
    gettext_lazy("Say what the partner has to correct."),
    gettext_lazy("The period ends before it starts."),
]
POINT_LABELS = {"3m": gettext_lazy("After 3 months"), "6m": gettext_lazy("After 6 months")}

# Column kinds: how each output formats a cell.
TEXT, COUNT, RATE, MONEY = "text", "count", "rate", "money"


@dataclass
class Table:
    key: str
    title: str
    columns: list[tuple[str, str]]  # (heading, kind)
    rows: list[list] = field(default_factory=list)


def _label(choices, key: str) -> str:
    if not key:
        return str(_("Not given"))
    try:
        return str(choices(key).label)
    except ValueError:
        return key


def _breakdown(key, title, heading, records, labeller) -> Table:
    table = Table(
        key,
        title,
        [
            (heading, TEXT),
            (_("Learners reached"), COUNT),
            (_("Completed"), COUNT),
            (_("Certified"), COUNT),
            (_("Completion rate"), RATE),
            (_("Certification rate"), RATE),
        ],
    )
    for record in records:
        table.rows.append(
            [
                labeller(record["key"]),
                record["reached"],
                record["completed"],
                record["certified"],
                shown_rate(record["completed"], record["reached"]),
                shown_rate(record["certified"], record["reached"]),
            ]
        )
    return table


def report_tables(
    figures: dict, *, suppress: bool, course_titles: dict | None = None
) -> list[Table]:
    """Every table of a report, in order. `suppress` for anything that leaves
    the organisation."""
    course_titles = course_titles or {}
    if suppress:
        figures = protect_figures(figures)
    totals = figures["totals"]
    summary = Table("summary", _("Summary"), [(_("Figure"), TEXT), (_("Value"), TEXT)])
    summary.rows = [
        [_("Learners reached"), totals["reached"]],
        [_("Completed a course"), totals["completed"]],
        [_("Certified"), totals["certified"]],
        [_("Completion rate"), shown_rate(totals["completed"], totals["reached"])],
        [_("Certification rate"), shown_rate(totals["certified"], totals["reached"])],
    ]
    summary.kinds = [COUNT, COUNT, COUNT, RATE, RATE]
    breakdowns = figures["breakdowns"]
    tables = [
        summary,
        _breakdown(
            "target_group",
            _("By target group"),
            _("Target group"),
            breakdowns["target_group"],
            lambda k: _label(TargetGroup, k),
        ),
        _breakdown(
            "region",
            _("By region"),
            _("Region"),
            breakdowns["region"],
            lambda k: _label(Region, k),
        ),
        _breakdown(
            "gender",
            _("By gender"),
            _("Gender"),
            breakdowns["gender"],
            lambda k: _label(Gender, k),
        ),
        _breakdown(
            "age_band",
            _("By age at the end of the period"),
            _("Age"),
            breakdowns["age_band"],
            lambda k: str(AGE_BAND_LABELS.get(k, k)),
        ),
    ]
    outcomes = Table(
        "outcomes",
        _("Outcomes"),
        [
            (_("Follow-up"), TEXT),
            (_("Situation"), TEXT),
            (_("Learners"), COUNT),
            (_("Share of learners reached"), RATE),
        ],
    )
    for row in figures["outcomes"]:
        outcomes.rows.append(
            [
                str(POINT_LABELS.get(row["point"], row["point"])),
                _label(Situation, row["situation"]),
                row["count"],
                shown_rate(row["count"], totals["reached"]),
            ]
        )
    tables.append(outcomes)
    budget = figures["budget"]
    money = Table("budget", _("Budget"), [(_("Figure"), TEXT), (_("Value"), TEXT)])
    money.rows = [
        [_("Budget (EUR)"), budget["budget_eur"]],
        [_("Learners to reach"), budget["planned_learners"]],
        [_("Planned cost per learner (EUR)"), budget["planned_cost_per_learner"]],
        [_("Budget per learner reached (EUR)"), budget["cost_per_learner_reached"]],
        [_("Share of the project period elapsed"), budget["elapsed_share"]],
    ]
    money.kinds = [MONEY, COUNT, MONEY, MONEY, RATE]
    tables.append(money)
    targets = Table(
        "targets",
        _("Progress against targets"),
        [
            (_("Target group"), TEXT),
            (_("Course"), TEXT),
            (_("Learners to reach"), COUNT),
            (_("Learners reached"), COUNT),
            (_("Progress"), RATE),
            (_("Learners to certify"), COUNT),
            (_("Certified"), COUNT),
            (_("Certification progress"), RATE),
        ],
    )
    for row in figures["targets"]:
        targets.rows.append(
            [
                _label(TargetGroup, row["target_group"]) if row["target_group"] else _("All"),
                course_titles.get(row["course_key"], row["course_key"]) or _("All courses"),
                row["learners_target"],
                row["learners"],
                _target_rate(row["learners"], row["learners_target"]),
                row["certified_target"],
                row["certified"],
                _target_rate(row["certified"], row["certified_target"]),
            ]
        )
    tables.append(targets)
    return tables


def _target_rate(count, target):
    # A target is not a count of people: only the achieved count is checked.
    if not target:
        return None
    return count if isinstance(count, str) else count / target


def row_kinds(table: Table) -> list[list[str]]:
    """The kind of each cell (label/value tables carry one kind per row)."""
    per_row = getattr(table, "kinds", None)
    out = []
    for n, row in enumerate(table.rows):
        if per_row is not None:
            out.append([TEXT, per_row[n]])
        else:
            out.append([kind for _heading, kind in table.columns][: len(row)])
    return out


def display_tables(tables: list[Table]) -> list[dict]:
    """Tables with each cell paired with its kind, for templates."""
    return [
        {
            "table": table,
            "rows": [
                list(zip(row, kinds, strict=True))
                for row, kinds in zip(table.rows, row_kinds(table), strict=True)
            ],
        }
        for table in tables
    ]


def dashboard_rows(rows: list[dict], *, target_group: str = "") -> dict:
    """The dashboard's project rows as an officer may see them (each figure as
    on the project's own page, from `protect_figures`), the chart's data and
    the total of the projects shown (`protect_dashboard`)."""
    chart = {"labels": [], "reached": [], "elapsed": []}
    for row in rows:
        headline = row["progress"]
        shown = protect_figures(row["figures"])
        cell = shown["totals"]["reached"]
        if target_group:
            cell = next(
                (
                    t["learners"]
                    for t in shown["targets"]
                    if t["target_group"] == target_group and not t["course_key"]
                ),
                cell,
            )
        if not isinstance(cell, str):
            cell = headline["reached"]
        row["reached_cell"] = cell
        hidden = isinstance(cell, str)
        row["share_cell"] = cell if hidden else headline["share"]
        chart["labels"].append(row["figures"]["project"]["reference"])
        chart["reached"].append(
            None if hidden or headline["share"] is None else round(headline["share"] * 100, 1)
        )
        chart["elapsed"].append(round(headline["elapsed"] * 100, 1))
    reached = [r["progress"]["reached"] for r in rows]
    target_total = sum(r["progress"]["target"] or 0 for r in rows)
    total = protect_dashboard(reached, [r["reached_cell"] for r in rows])
    totals = {
        "reached": total,
        "target": target_total,
        "share": shown_rate(total, target_total) if target_total else None,
    }
    return {"chart": chart, "totals": totals}
