"""Small-cell suppression, written once for everything that leaves the
organisation (the three exports and every fund view of an organisation's
figures). Nothing else decides what is hidden: `presenters.report_tables` and
`presenters.dashboard_table` only show what `protect_figures` and
`protect_dashboard` return.

Two rules, as statistical offices apply them (Statbel, Eurostat):

1. Primary suppression. A count of fewer than 5 people (0 included) is shown
   as "<5".
2. Complementary (secondary) suppression. A hidden count must not be
   computable from what is shown. Where a table has a total, a reader knows
   that the rows add up to it, so one hidden row would be the total minus the
   rows shown (1,335 - 1,332 = 3). In every such line we hide further rows, the
   smallest first, until no hidden cell is pinned to a single value, counting
   what the reader knows: a "<5" lies between 0 and 4 (a listed row has at
   least one learner reached), an "x" is at least 5, a row's completed and
   certified learners are no more than its learners reached, and the rows add
   up to the total. Cells hidden by this rule are shown as "x" ("hidden so that
   a small count cannot be worked out"), not as "<5": that would be false. A
   line always ends with none or at least two hidden cells.

Which figures add up to which (the lines):
- region, gender and age band: every learner reached is in exactly one row
  (unknowns included: "Not given", "Age not given"), so each column (reached,
  completed, certified) adds up to the summary's total. Exact lines.
- target groups and outcomes: a learner in two groups counts twice, learners
  without a group or without an outcome are in no row, so the rows do not add
  up to a published figure. We still never leave a single hidden cell in such a
  line (a reader who knows that the partner puts everyone in one group would
  otherwise have an exact line).
- the fund dashboard: the projects shown add up to the "All projects shown"
  total, for any filter the officer picks. Complementary cells chosen per
  filter would differ from one filter to the next (project B hidden with one
  filter, shown with another: then B's figure gives the hidden one away). So a
  project's figure is hidden on the dashboard only by rule 1, the same under
  every filter and the same as on its own page, and the total's complement is
  the total itself: it is hidden ("x") as soon as one project shown is hidden.
- the same figure in two tables (the summary's totals and the "all groups, all
  courses" target row; a target group's row and its target row; the reached
  total and the dashboard's figure for the project) is one cell, hidden or
  shown in every place alike. The summary totals are never chosen as
  complements, so the dashboard and the project's page agree.
- rates, shares and costs derived from a hidden count (or denominator) are
  hidden with it, with the same mark.
- completed and certified are not complements of each other: their difference
  (completed without a certificate) is not published anywhere, so no hidden
  cell equals it.

Not covered (see the README): differences between reports of overlapping
periods (a report for a period and the figures "to date") can isolate the
learners of a sub-period; they are figures of different periods, not hidden
cells of one table."""

from dataclasses import dataclass

SMALL_CELL = 5
SUPPRESSED = "<5"
# A count of 5 or more hidden so that a small count cannot be worked out.
COMPLEMENT = "x"
MARKS = (SUPPRESSED, COMPLEMENT)
COUNTS = ("reached", "completed", "certified")
# Breakdowns whose rows add up to the totals (every learner in exactly one row).
EXACT_BREAKDOWNS = ("region", "gender", "age_band")
_UNBOUNDED = 10**12


def is_small(count: int | None) -> bool:
    return count is not None and count < SMALL_CELL


def count_cell(count: int | None, *, suppress: bool) -> int | str | None:
    """A count as it may be shown: the number, or "<5" when suppressing."""
    if suppress and is_small(count):
        return SUPPRESSED
    return count


def shown_rate(part, whole):
    """A rate from two shown cells: hidden with the mark of the count it comes
    from when either is hidden ("<5" before "x"), None without a denominator."""
    marks = [c for c in (part, whole) if isinstance(c, str)]
    if marks:
        return SUPPRESSED if SUPPRESSED in marks else COMPLEMENT
    if not whole or part is None:
        return None
    return part / whole


@dataclass
class Cell:
    """One published count while suppression is decided. `floor` and `ceiling`
    are what a reader knows without the number (from its row)."""

    value: int
    mark: str | None = None
    floor: int = 0
    ceiling: int = _UNBOUNDED

    @classmethod
    def of(cls, value: int | None, *, floor: int = 0) -> "Cell":
        """A count with rule 1 applied."""
        value = int(value or 0)
        shown = count_cell(value, suppress=True)
        return cls(value, shown if isinstance(shown, str) else None, floor)

    @property
    def hidden(self) -> bool:
        return self.mark is not None

    def bounds(self, residual: int) -> tuple[int, int]:
        """What a reader can tell of a hidden cell: its mark's range within its
        row's bounds."""
        if self.mark == SUPPRESSED:
            return self.floor, min(SMALL_CELL - 1, self.ceiling)
        return max(SMALL_CELL, self.floor), min(residual, self.ceiling)

    @property
    def shown(self) -> int | str:
        return self.mark or self.value


def pinned(cells: list[Cell], total: int) -> bool:
    """True when the line (cells adding up to `total`) lets a reader compute a
    hidden cell: the shown cells leave a residual that the hidden ones share,
    and one of them has a single possible value."""
    residual = total - sum(c.value for c in cells if not c.hidden)
    bounds = [c.bounds(residual) for c in cells if c.hidden]
    if len(bounds) == 1:
        return True
    low_sum = sum(lo for lo, _hi in bounds)
    high_sum = sum(hi for _lo, hi in bounds)
    for lo, hi in bounds:
        least = max(lo, residual - (high_sum - hi))
        most = min(hi, residual - (low_sum - lo))
        if least >= most:
            return True
    return False


def protect_line(cells: list[Cell], total: Cell | None) -> bool:
    """Complementary suppression in one line: hide the smallest shown cells
    until no hidden cell can be computed. `total` None: the line's rows do not
    add up to a published figure; only a lone hidden cell is then completed.
    When every cell is hidden and one is still pinned (1 + "x" = 6), the total
    itself is hidden ("x"); a line whose total is hidden that way keeps at
    least two hidden cells, or the shown ones would add up to it.
    Returns whether a cell was hidden."""
    changed = False
    while True:
        hidden = sum(1 for c in cells if c.hidden)
        shown = [c for c in cells if not c.hidden]
        if total is None:
            done = hidden != 1
        elif total.mark == SUPPRESSED:
            done = True  # a small total: every cell in it is small and hidden
        elif total.mark == COMPLEMENT:
            done = hidden >= min(2, len(cells))
        else:
            done = hidden == 0 or not pinned(cells, total.value)
        if done:
            return changed
        if not shown:
            if total is not None and not total.hidden:
                total.mark = COMPLEMENT
                return True
            return changed
        min(shown, key=lambda c: c.value).mark = COMPLEMENT
        changed = True


def _row_bounds(row: dict[str, Cell]) -> None:
    # completed and certified are learners reached: no more than the row's
    # reached, and the row is listed because someone was reached.
    reached = row["reached"]
    known_parts = [
        c.value if not c.hidden else SMALL_CELL
        for c in (row["completed"], row["certified"])
        if not c.hidden or c.mark == COMPLEMENT
    ]
    reached.floor = max([1, *known_parts])
    ceiling = reached.value if not reached.hidden else _UNBOUNDED
    if reached.mark == SUPPRESSED:
        ceiling = SMALL_CELL - 1
    for key in ("completed", "certified"):
        row[key].ceiling = ceiling


def protect_figures(figures: dict) -> dict:
    """The report's figures as they may leave the organisation: every count
    an int or a mark, rates and costs derived from hidden counts hidden. Same
    shape as `reports._figures` (counts only; see the module docstring)."""
    raw_totals = figures.get("totals") or {}
    totals = {k: Cell.of(raw_totals.get(k)) for k in COUNTS}
    raw_breakdowns = {k: list(v) for k, v in (figures.get("breakdowns") or {}).items()}
    # A target group with a target but nobody reached gets its row of zeros:
    # without it, the missing row would tell that its target row's "<5" is 0.
    if "target_group" in raw_breakdowns:
        listed = {r["key"] for r in raw_breakdowns["target_group"]}
        for row in figures.get("targets") or []:
            group = row["target_group"]
            if group and not row["course_key"] and group not in listed:
                listed.add(group)
                raw_breakdowns["target_group"].append(
                    {"key": group, "reached": 0, "completed": 0, "certified": 0}
                )
    breakdowns = {
        name: [
            {
                "key": r["key"],
                **{
                    k: Cell.of(r[k], floor=int(k == "reached" and name != "target_group"))
                    for k in COUNTS
                },
            }
            for r in rows
        ]
        for name, rows in raw_breakdowns.items()
    }
    outcomes = [
        {**row, "count": Cell.of(row["count"], floor=1)} for row in figures.get("outcomes") or []
    ]
    lines: list[tuple[list[Cell], Cell | None]] = []
    for name, rows in breakdowns.items():
        for k in COUNTS:
            lines.append(([r[k] for r in rows], totals[k] if name in EXACT_BREAKDOWNS else None))
    for point in sorted({row["point"] for row in outcomes}):
        lines.append(([row["count"] for row in outcomes if row["point"] == point], None))
    changed = True
    while changed:
        for rows in breakdowns.values():
            for row in rows:
                _row_bounds(row)
        changed = False
        for cells, total in lines:
            changed |= protect_line(cells, total)

    groups = {r["key"]: r for r in breakdowns.get("target_group", [])}
    targets = []
    for row in figures.get("targets") or []:
        if row["course_key"]:
            learners, certified = Cell.of(row["learners"]), Cell.of(row["certified"])
        elif not row["target_group"]:
            learners, certified = totals["reached"], totals["certified"]
        elif row["target_group"] in groups:
            learners = groups[row["target_group"]]["reached"]
            certified = groups[row["target_group"]]["certified"]
        else:
            learners, certified = Cell.of(row["learners"]), Cell.of(row["certified"])
        targets.append({**row, "learners": learners.shown, "certified": certified.shown})

    budget = dict(figures.get("budget") or {})
    if totals["reached"].hidden and budget.get("cost_per_learner_reached") is not None:
        budget["cost_per_learner_reached"] = totals["reached"].mark
    return {
        **figures,
        "totals": {k: c.shown for k, c in totals.items()},
        "breakdowns": {
            name: [{"key": r["key"], **{k: r[k].shown for k in COUNTS}} for r in rows]
            for name, rows in breakdowns.items()
        },
        "outcomes": [{**row, "count": row["count"].shown} for row in outcomes],
        "targets": targets,
        "budget": budget,
    }


def protect_dashboard(counts: list[int], shown: list[int | str]) -> int | str:
    """The total of the dashboard's projects (`counts`, shown as `shown`, each
    from its project's own `protect_figures`, so the same under every filter):
    hidden as soon as one project shown is hidden."""
    total = sum(counts)
    if is_small(total):
        return SUPPRESSED
    if any(isinstance(c, str) for c in shown):
        return COMPLEMENT
    return total
