"""Problems found in a learner file, as codes with parameters, put into words
only when shown so that they speak the reader's language."""

from django.utils.translation import gettext_lazy as _

from partners.importing.columns import COLUMNS

MESSAGES = {
    "required": _("%(column)s is required."),
    "too_long": _("%(column)s is longer than %(max)s characters."),
    "bad_email": _("“%(value)s” is not a valid e-mail address."),
    "email_taken": _("The e-mail address “%(value)s” already belongs to another account."),
    "duplicate_email": _("The e-mail address “%(value)s” is also on line %(line)s."),
    "duplicate_id": _("The learner id “%(value)s” is also on line %(line)s."),
    "bad_date": _("“%(value)s” is not a date (use dd/mm/yyyy)."),
    "impossible_date": _("%(value)s is not a possible date of birth."),
    "bad_language": _("Unknown language “%(value)s” (use nl, fr, de or en)."),
    "bad_gender": _("Unknown gender “%(value)s” (use f, m, x or leave empty)."),
    "bad_postcode": _("“%(value)s” is not a Belgian postcode."),
    "bad_situation": _("Unknown situation “%(value)s”."),
    "bad_target_group": _("Unknown target group “%(value)s”."),
    "unknown_course": _("Unknown course “%(value)s”."),
    "national_number": _(
        "This learner id is a national register (or BIS) number. The law restricts its use, "
        "and a learner id is shown on pages, in exports and in the API: use your own "
        "learner number instead."
    ),
}

# Why a column is not used, shown on the mapping page.
REGISTER_COLUMN = _(
    "This column holds national register numbers: it is never used as the learner id, since "
    "the law restricts the use of that number and a learner id is shown on pages, in exports "
    "and in the API. Use a column with your own learner numbers."
)

FILE_PROBLEMS = {
    "empty": _("The file is empty."),
    "not_text": _("This is not a CSV or XLSX file."),
    "bad_encoding": _("The file's characters cannot be read; save it as CSV UTF-8 or XLSX."),
    "bad_csv": _("The CSV file is damaged (check the quotes)."),
    "bad_xlsx": _("The XLSX file cannot be opened; save it again from Excel."),
    "missing_columns": _("The file misses required columns: %(columns)s."),
    "too_many_rows": _("The file has more than %(max)s rows; split it in several files."),
    "commit_failed": _("Enrolling failed; nothing was saved. Try again."),
    "validate_failed": _("The file could not be checked. Upload it again."),
    "no_mapping": _("The file was not checked: its columns and words must be matched first."),
    "expired": _(
        "This import was never completed; its file and lines were deleted after %(days)s days. "
        "Upload the file again."
    ),
}


def problem_text(problem: dict) -> str:
    """One problem in the current language."""
    params = dict(problem)
    column = next((c for c in COLUMNS if c.field == problem.get("field")), None)
    params["column"] = str(column.label) if column else problem.get("field", "")
    return str(MESSAGES.get(problem["code"], problem["code"])) % params


def problems_text(problems: list[dict]) -> str:
    return " ".join(problem_text(p) for p in problems)
