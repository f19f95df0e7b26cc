"""The tables of a report, built once from its figures and used by the report
page, the CSV, XLSX and PDF exports. Suppression is applied here, for every
output at once."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from analytics.suppression import amount_cell, count_cell, rate_cell
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


def _breakdown(key, title, heading, records, labeller, suppress) -> Table:
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
                count_cell(record["reached"], suppress=suppress),
                count_cell(record["completed"], suppress=suppress),
                count_cell(record["certified"], suppress=suppress),
                rate_cell(record["completed"], record["reached"], suppress=suppress),
                rate_cell(record["certified"], record["reached"], suppress=suppress),
            ]
        )
    return table


def report_tables(
    figures: dict, *, suppress: bool, course_titles: dict | None = None
) -> list[Table]:
    """Every table of a report, in order. `suppress` for anything that leaves
    the organisation."""
    course_titles = course_titles or {}
    totals = figures["totals"]
    summary = Table("summary", _("Summary"), [(_("Figure"), TEXT), (_("Value"), TEXT)])
    summary.rows = [
        [_("Learners reached"), count_cell(totals["reached"], suppress=suppress)],
        [_("Completed a course"), count_cell(totals["completed"], suppress=suppress)],
        [_("Certified"), count_cell(totals["certified"], suppress=suppress)],
        [
            _("Completion rate"),
            rate_cell(totals["completed"], totals["reached"], suppress=suppress),
        ],
        [
            _("Certification rate"),
            rate_cell(totals["certified"], totals["reached"], suppress=suppress),
        ],
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
            suppress,
        ),
        _breakdown(
            "region",
            _("By region"),
            _("Region"),
            breakdowns["region"],
            lambda k: _label(Region, k),
            suppress,
        ),
        _breakdown(
            "gender",
            _("By gender"),
            _("Gender"),
            breakdowns["gender"],
            lambda k: _label(Gender, k),
            suppress,
        ),
        _breakdown(
            "age_band",
            _("By age at the end of the period"),
            _("Age"),
            breakdowns["age_band"],
            lambda k: str(AGE_BAND_LABELS.get(k, k)),
            suppress,
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
                count_cell(row["count"], suppress=suppress),
                rate_cell(row["count"], totals["reached"], suppress=suppress),
            ]
        )
    tables.append(outcomes)
    budget = figures["budget"]
    money = Table("budget", _("Budget"), [(_("Figure"), TEXT), (_("Value"), TEXT)])
    money.rows = [
        [_("Budget (EUR)"), budget["budget_eur"]],
        [_("Learners to reach"), budget["planned_learners"]],
        [_("Planned cost per learner (EUR)"), budget["planned_cost_per_learner"]],
        [
            _("Budget per learner reached (EUR)"),
            amount_cell(budget["cost_per_learner_reached"], totals["reached"], suppress=suppress),
        ],
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
                count_cell(row["learners"], suppress=suppress),
                _target_rate(row["learners"], row["learners_target"], suppress),
                row["certified_target"],
                count_cell(row["certified"], suppress=suppress),
                _target_rate(row["certified"], row["certified_target"], suppress),
            ]
        )
    tables.append(targets)
    return tables


def _target_rate(count, target, suppress):
    # A target is not a count of people: only the achieved count is checked.
    if not target:
        return None
    cell = count_cell(count, suppress=suppress)
    return cell if isinstance(cell, str) else count / target


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
