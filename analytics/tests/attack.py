"""The difference attack, as a reader of the fund's pages and exports would run
it: every figure shown, every relation between figures that the README
documents, and a small integer solver that says which hidden cells those
relations pin to a single value.

Written apart from `analytics.suppression` on purpose: it knows nothing of how
cells were chosen, only what is published and what a reader knows:
- "<5" is 0..4, "x" is 5 or more, a listed row has at least one learner
  (a missing row: nobody), except target groups, listed when they have a target;
- a row's completed and certified learners are no more than its reached;
- region, gender and age rows add up to the summary's totals (unknowns are
  rows too); target groups and outcomes do not add up to anything published;
- the "all groups, all courses" target row is the summary, a group's target row
  is that group's row; the dashboard's rows add up to its footer, and a
  project's dashboard figure is its reached total (or, filtered by a target
  group, that group's reached);
- a rate shown with one of its two counts hidden gives the count away (checked
  apart: `shown_rates_hide_their_counts`).
Cells are named, so the same figure on two pages is one unknown: hidden on one
page and shown on another, it is known."""

import csv
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

SMALL, COMPLEMENT = "<5", "x"
TITLES = {
    "Summary": "summary",
    "By target group": "target_group",
    "By region": "region",
    "By gender": "gender",
    "By age at the end of the period": "age_band",
    "Outcomes": "outcomes",
    "Budget": "budget",
    "Progress against targets": "targets",
}
EXACT = ("region", "gender", "age_band")
COUNTS = ("reached", "completed", "certified")


# --- the solver -----------------------------------------------------------------


@dataclass
class Attack:
    """Unknowns (hidden cells) with integer bounds and linear constraints
    sum(coef * x) + const (== or <=) 0, coefficients +-1."""

    domains: dict = field(default_factory=dict)
    known: dict = field(default_factory=dict)
    constraints: list = field(default_factory=list)
    ceiling: int = 10**6

    def cell(self, name, shown, *, floor: int = 0):
        """A published count as an expression ({var: coef}, const)."""
        if isinstance(shown, int):
            self.known[name] = shown
            self.domains.pop(name, None)
            return {}, shown
        if name in self.known:
            return {}, self.known[name]
        assert shown in (SMALL, COMPLEMENT), (name, shown)
        lo, hi = (floor, 4) if shown == SMALL else (max(5, floor), self.ceiling)
        old = self.domains.get(name, (lo, hi))
        self.domains[name] = (max(lo, old[0]), min(hi, old[1]))
        return {name: 1}, 0

    def relate(self, left, right, op="=="):
        """left op right, each a list of expressions (summed)."""
        terms, const = {}, 0
        for sign, side in ((1, left), (-1, right)):
            for expr_terms, expr_const in side:
                const += sign * expr_const
                for var, coef in expr_terms.items():
                    terms[var] = terms.get(var, 0) + sign * coef
        terms = {v: c for v, c in terms.items() if c}
        self.constraints.append((terms, const, op))

    def _live(self):
        # Names shown somewhere after being hidden elsewhere become constants.
        out = []
        for terms, const, op in self.constraints:
            live = {}
            for var, coef in terms.items():
                if var in self.known:
                    const += coef * self.known[var]
                else:
                    live[var] = coef
            out.append((live, const, op))
        return out

    def disclosed(self) -> dict:
        """{name: value} of every hidden cell the constraints pin to one value.
        Each group of unknowns linked by constraints is solved on its own."""
        out = {}
        for domains, constraints in _components(dict(self.domains), self._live()):
            solution = _solve(domains, constraints)
            assert solution is not None, "the published figures contradict the model"
            for var in domains:
                value = solution[var][0]
                lo, hi = domains[var]
                below = lo <= value - 1 and _solve({**domains, var: (lo, value - 1)}, constraints)
                above = value + 1 <= hi and _solve({**domains, var: (value + 1, hi)}, constraints)
                if not below and not above:
                    out[var] = value
        return out


def _components(domains, constraints):
    """Unknowns split into groups that share no constraint."""
    parent = {v: v for v in domains}

    def root(v):
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for terms, _const, _op in constraints:
        names = list(terms)
        for other in names[1:]:
            parent[root(other)] = root(names[0])
    groups = {}
    for v in domains:
        groups.setdefault(root(v), {})[v] = domains[v]
    for group in groups.values():
        linked = [c for c in constraints if c[0] and next(iter(c[0])) in group]
        yield group, linked
    for terms, const, op in constraints:  # constant constraints: checked once
        if not terms:
            assert (const == 0) if op == "==" else (const <= 0), "contradiction"


def _propagate(domains, constraints):
    domains = dict(domains)
    changed = True
    while changed:
        changed = False
        for terms, const, op in constraints:
            lows = {v: (domains[v][0] if c > 0 else -domains[v][1]) for v, c in terms.items()}
            highs = {v: (domains[v][1] if c > 0 else -domains[v][0]) for v, c in terms.items()}
            low, high = const + sum(lows.values()), const + sum(highs.values())
            if low > 0 or (op == "==" and high < 0):
                return None
            for var, coef in terms.items():
                rest_low, rest_high = low - lows[var], high - highs[var]
                term_hi = -rest_low
                term_lo = -rest_high if op == "==" else lows[var]
                lo, hi = domains[var]
                new = (
                    (max(lo, term_lo), min(hi, term_hi))
                    if coef > 0
                    else (
                        max(lo, -term_hi),
                        min(hi, -term_lo),
                    )
                )
                if new[0] > new[1]:
                    return None
                if new != (lo, hi):
                    domains[var] = new
                    changed = True
    return domains


class Undecided(Exception):
    """The search ran past its budget: the attack can neither show nor rule
    out a disclosure (tests treat this as a failure)."""


def _solve(domains, constraints, budget=None):
    budget = budget if budget is not None else [2_000]
    budget[0] -= 1
    if budget[0] < 0:
        raise Undecided
    domains = _propagate(domains, constraints)
    if domains is None:
        return None
    free = [v for v, (lo, hi) in domains.items() if lo < hi]
    if not free:
        return domains
    var = min(free, key=lambda v: domains[v][1] - domains[v][0])
    lo, hi = domains[var]
    middle = (lo + hi) // 2
    for part in ((lo, middle), (middle + 1, hi)):
        found = _solve({**domains, var: part}, constraints, budget)
        if found is not None:
            return found
    return None


# --- reading what is published ------------------------------------------------------


def number(text):
    """A published cell: int, float (rate or money), a mark, or None."""
    if isinstance(text, int | float) or text is None:
        return text
    text = text.replace("\u202f", "").replace("\xa0", "").strip()
    if text in (SMALL, COMPLEMENT, "'<5"):
        return SMALL if "<" in text else COMPLEMENT
    if text in ("", "–"):
        return None
    if text.endswith("%"):
        return float(text[:-1].replace(",", "").strip() or 0) / 100
    if re.fullmatch(r"-?[\d,]+", text):
        return int(text.replace(",", ""))
    if re.fullmatch(r"-?[\d,]*\.\d+", text):
        return float(text.replace(",", ""))
    return text


class _Tables(HTMLParser):
    """Every <table> of a page: {key: [[cell text, ...], ...]}, keyed by the
    heading that labels it (report tables) or its id."""

    def __init__(self):
        super().__init__()
        self.tables, self.key, self.row, self.text, self.in_cell = {}, None, None, "", False
        self.heading = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h2" and (attrs.get("id") or "").startswith("table-"):
            self.heading = attrs["id"][len("table-") :]
        elif tag == "table":
            self.key = attrs.get("id") or self.heading
            self.tables[self.key] = []
        elif tag == "tr" and self.key:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.in_cell, self.text = True, ""
        elif tag == "br" and self.in_cell:
            self.text += "\n"

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.in_cell:
            self.row.append(self.text.strip())
            self.in_cell = False
        elif tag == "tr" and self.row is not None:
            self.tables[self.key].append(self.row)
            self.row = None
        elif tag == "table":
            self.key = None

    def handle_data(self, data):
        if self.in_cell:
            self.text += data


def html_tables(body: str) -> dict:
    parser = _Tables()
    parser.feed(body)
    return parser.tables


def report_from_html(body: str) -> dict:
    """{table key: [row, ...]} with the heading row left out, cells parsed."""
    tables = html_tables(body)
    return {key: [[number(c) for c in row] for row in rows[1:]] for key, rows in tables.items()}


def report_from_csv(data: bytes) -> dict:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    out, key, skip = {}, None, False
    for row in rows:
        if len(row) == 1 and row[0] in TITLES:
            key, skip = TITLES[row[0]], True
            out[key] = []
        elif key and row and skip:
            skip = False  # the heading row
        elif key and row:
            kinds = [_csv_number(c) for c in row]
            out[key].append(kinds)
    return out


def _csv_number(text):
    if text in (SMALL, COMPLEMENT, "'<5"):
        return number(text)
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+,\d+", text):
        return float(text.replace(",", "."))  # a percentage or money: not a count
    return text or None


def report_from_xlsx(data: bytes) -> dict:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    out = {}
    for sheet in book.worksheets:
        if sheet.title in TITLES:
            rows = list(sheet.iter_rows(min_row=2, values_only=True))
            out[TITLES[sheet.title]] = [[number(c) for c in row] for row in rows]
    return out


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


# --- what a reader knows of a report ----------------------------------------------


def add_report(attack: Attack, report: dict, scope: str) -> None:
    """The report's figures and relations, named `scope:table:row:column`."""

    def name(*parts):
        return ":".join([scope, *map(str, parts)])

    summary = {row[0]: row[1] for row in report.get("summary", [])}
    totals = {
        "reached": attack.cell(name("total", "reached"), summary["Learners reached"]),
        "completed": attack.cell(name("total", "completed"), summary["Completed a course"]),
        "certified": attack.cell(name("total", "certified"), summary["Certified"]),
    }
    attack.relate([totals["completed"]], [totals["reached"]], "<=")
    attack.relate([totals["certified"]], [totals["reached"]], "<=")
    for key in ("target_group", "region", "gender", "age_band"):
        columns = {k: [] for k in COUNTS}
        for row in report.get(key, []):
            cells = {
                # A target group with a target is listed even with nobody in it.
                k: attack.cell(
                    name(key, row[0], k),
                    row[1 + n],
                    floor=int(k == "reached" and key != "target_group"),
                )
                for n, k in enumerate(COUNTS)
            }
            attack.relate([cells["completed"]], [cells["reached"]], "<=")
            attack.relate([cells["certified"]], [cells["reached"]], "<=")
            for k in COUNTS:
                columns[k].append(cells[k])
                attack.relate([cells[k]], [totals[k]], "<=")
        for k in COUNTS:
            if key in EXACT and columns[k]:
                attack.relate(columns[k], [totals[k]])
    for point in {row[0] for row in report.get("outcomes", [])}:
        cells = [
            attack.cell(name("outcomes", point, row[1]), row[2], floor=1)
            for row in report["outcomes"]
            if row[0] == point
        ]
        attack.relate(cells, [totals["reached"]], "<=")
    for row in report.get("targets", []):
        group, course = row[0], row[1]
        if course != "All courses":
            attack.cell(name("targets", group, course, "reached"), row[3])
            attack.cell(name("targets", group, course, "certified"), row[6])
            continue
        if group == "All":
            reached, certified = totals["reached"], totals["certified"]
        else:
            reached = _group_cell(attack, name, report, group, "reached")
            certified = _group_cell(attack, name, report, group, "certified")
        attack.relate([attack.cell(name("targets", group, "reached"), row[3])], [reached])
        attack.relate([attack.cell(name("targets", group, "certified"), row[6])], [certified])


def _group_cell(attack, name, report, group, column):
    index = 1 + COUNTS.index(column)
    for row in report.get("target_group", []):
        if row[0] == group:
            return attack.cell(name("target_group", group, column), row[index])
    return {}, 0  # no row: nobody of that group


def shown_rates_hide_their_counts(report: dict) -> list[str]:
    """Rates (and the cost per learner reached) shown although a count they are
    computed from is hidden: each would give that count away."""
    marks = (SMALL, COMPLEMENT)
    wrong = []
    summary = {row[0]: row[1] for row in report.get("summary", [])}
    rates = (("Completion rate", "Completed a course"), ("Certification rate", "Certified"))
    for label, part in rates:
        if summary[label] not in marks and (
            summary[part] in marks or summary["Learners reached"] in marks
        ):
            wrong.append(f"summary {label}")
    for key in ("target_group", "region", "gender", "age_band"):
        for row in report.get(key, []):
            for rate, part in ((4, 2), (5, 3)):
                if row[rate] not in marks and (row[part] in marks or row[1] in marks):
                    wrong.append(f"{key} {row[0]} column {rate}")
    for row in report.get("outcomes", []):
        if row[3] not in marks and (row[2] in marks or summary["Learners reached"] in marks):
            wrong.append(f"outcomes {row[0]} {row[1]}")
    for row in report.get("targets", []):
        for rate, part in ((4, 3), (7, 6)):
            if row[rate] not in marks and row[rate] is not None and row[part] in marks:
                wrong.append(f"targets {row[0]} {row[1]}")
    budget = {row[0]: row[1] for row in report.get("budget", [])}
    per_learner = budget.get("Budget per learner reached (EUR)")
    shown = per_learner not in marks and per_learner is not None
    if shown and summary["Learners reached"] in marks:
        wrong.append("budget per learner reached")
    return wrong


def add_dashboard(attack: Attack, body: str, *, view: str = "total:reached") -> None:
    """One dashboard page: each project's figure (its reached total, or the
    `view` figure when filtered by a target group) and the footer they add up
    to. Named like the project page's cells (`add_report` with the scope
    "project <reference>"), so both pages make one system."""
    rows = html_tables(body)["projects-table"]
    cells = []
    for row in rows[1:-1]:
        reference = row[0].split("\n")[0].strip()
        cells.append(attack.cell(f"project {reference}:{view}", number(row[2]), floor=0))
    footer = number(rows[-1][1])
    total = attack.cell(f"dashboard footer {len(attack.constraints)}", footer)
    attack.relate(cells, [total])
