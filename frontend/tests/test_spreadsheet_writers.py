"""Every spreadsheet the platform writes is written where `cell_text` guards
it: `frontend.spreadsheets` (every cell) and the fund report's exports in
`analytics.exports` (every text cell). A CSV or XLSX writer anywhere else
fails here, so the README's claim stays true."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WRITERS = {"frontend/spreadsheets.py", "analytics/exports.py"}
NEEDLES = (
    r"csv\.(writer|DictWriter)\(",
    r"(?<!\w)Workbook\(",
    r"xlsxwriter",
    r"\.to_(csv|excel)\(",
)


def test_spreadsheets_are_written_only_by_the_guarded_writers():
    offenders = []
    for path in ROOT.glob("*/**/*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if (
            relative.startswith((".venv/", "node_modules/", "benchmarks/"))
            or "/tests/" in relative
            or relative in WRITERS
        ):
            continue
        text = path.read_text(encoding="utf-8")
        offenders += [f"{relative}: {n}" for n in NEEDLES if re.search(n, text)]
    assert offenders == []


def test_the_guarded_writers_neutralise_with_cell_text():
    for relative in WRITERS:
        text = (ROOT / relative).read_text(encoding="utf-8")
        assert re.search(r"(?<!\w)cell_text\(", text), relative
