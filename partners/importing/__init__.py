"""What a partner's learner file means: its columns (headers accepted in nl,
fr, de and en), and each row checked into a `LearnerInput` or a list of
problems. Pure functions: the services add the checks that need the database.

Problems are codes with a few parameters, turned into words only when shown,
so the preview and the error file speak the reader's language.
"""

from partners.importing.columns import (
    COLUMNS,
    FIELDS,
    TEMPLATE_EXAMPLES,
    Column,
    normalise,
    template_headers,
)
from partners.importing.mapping import REFUSE, Remembered, Survey, survey
from partners.importing.problems import (
    FILE_PROBLEMS,
    MESSAGES,
    REGISTER_COLUMN,
    problem_text,
    problems_text,
)
from partners.importing.rows import (
    MAX_LENGTHS,
    CheckedRow,
    Context,
    check_duplicates,
    check_row,
    parse_date,
)
from partners.importing.values import template_notes, vocabularies

__all__ = [
    "COLUMNS",
    "FIELDS",
    "FILE_PROBLEMS",
    "MAX_LENGTHS",
    "MESSAGES",
    "REFUSE",
    "REGISTER_COLUMN",
    "Remembered",
    "Survey",
    "TEMPLATE_EXAMPLES",
    "CheckedRow",
    "Column",
    "Context",
    "check_duplicates",
    "check_row",
    "normalise",
    "parse_date",
    "problem_text",
    "problems_text",
    "survey",
    "template_headers",
    "template_notes",
    "vocabularies",
]
