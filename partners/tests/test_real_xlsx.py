"""Real XLSX files from other writers (see real_xlsx/README.md) go through
the upload checks and the reader: read, or refused with a reason (an
`UnreadableFile` code the page translates), never a crash."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partners.importing import FILE_PROBLEMS
from partners.models import ImportBatch
from partners.spreadsheets import LIMIT_PROBLEMS, UnreadableFile, read_table

FILES = sorted((Path(__file__).parent / "real_xlsx").glob("*.xlsx"))
# What each file gives: read (with its header width) or refused (the code).
EXPECTED = {
    "hyperlinks.xlsx": ("read", 2),
    "inlineStr_with_value.xlsx": ("read", 8),
    "issue_174.xlsx": ("read", 11),
    "issue_530.xlsx": ("refused", "bad_xlsx"),
    "merged_range.xlsx": ("read", 8),
    "non_monotonic_si.xlsx": ("read", 3),
    "pass_protected.xlsx": ("refused", "not_text"),
    "pivots.xlsx": ("read", 2),
    "richtext-namespaced.xlsx": ("read", 8),
    "strict_iso_paths.xlsx": ("refused", "empty"),
}


def test_every_file_is_expected():
    assert [f.name for f in FILES] == sorted(EXPECTED)


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_real_file_is_read_or_refused_with_a_reason(path):
    outcome, detail = EXPECTED[path.name]
    try:
        table = read_table(path.read_bytes(), name=path.name)
        rows = list(table.rows)
    except UnreadableFile as refused:
        assert (outcome, detail) == ("refused", refused.code)
        assert refused.code in FILE_PROBLEMS or refused.code in LIMIT_PROBLEMS
    else:
        assert (outcome, detail) == ("read", len(table.headers))
        assert all(isinstance(cell, str) for _line, cells in rows for cell in cells)


@pytest.mark.django_db
@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_real_file_uploaded_is_taken_or_refused_with_400(client, cohort, manager, path):
    """A file read goes on (its columns are none of ours: the mapping step);
    a refused one gets the form again with 400, a reason, and nothing stored."""
    client.force_login(manager)
    url = reverse("partners:import_upload", args=[cohort.project.organisation.slug, cohort.pk])
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    response = client.post(url, {"file": upload})
    # A sheet with headers and no row is refused at upload, as an empty file.
    taken = EXPECTED[path.name][0] == "read" and path.name != "richtext-namespaced.xlsx"
    assert response.status_code == (302 if taken else 400)
    assert ImportBatch.objects.filter(cohort=cohort).count() == (1 if taken else 0)
    if not taken:
        assert (
            'class="error' in response.content.decode() or "errorlist" in response.content.decode()
        )
