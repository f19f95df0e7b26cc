"""The fourteen real h5p.org exports of courses/tests/h5p_exports/ as activities
in the store: the one way every test of real content types gets them, so that
the path they take can be swapped in one place."""

import io
import zipfile
from pathlib import Path

from courses.h5p.library_store import library_approve
from courses.h5p.selectors import h5p_content_waiting_for
from courses.h5p.services import h5p_content_create
from courses.models import H5PContent

EXPORTS = Path(__file__).resolve().parent / "h5p_exports"
# The content types the folder holds, by main library.
NAMES = (
    "H5P.Accordion",
    "H5P.Blanks",
    "H5P.CoursePresentation",
    "H5P.Dialogcards",
    "H5P.DragQuestion",
    "H5P.DragText",
    "H5P.Essay",
    "H5P.InteractiveVideo",
    "H5P.MarkTheWords",
    "H5P.MultiChoice",
    "H5P.QuestionSet",
    "H5P.SingleChoiceSet",
    "H5P.Summary",
    "H5P.TrueFalse",
)


def h5p_export_bytes(name: str, *, variant_files: dict | None = None) -> bytes:
    """The export `name` (e.g. "H5P.Accordion") as a zip, with `variant_files`
    ({path: bytes, or None to leave the entry out}) put in place of its own:
    a variant is always built from the original, never edited by hand."""
    variant_files = dict(variant_files or {})
    out = io.BytesIO()
    with (
        zipfile.ZipFile(EXPORTS / f"{name}.h5p") as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename in variant_files:
                data = variant_files.pop(info.filename)
                if data is not None:
                    target.writestr(info.filename, data)
            else:
                target.writestr(info, source.read(info))
        for path, data in variant_files.items():
            if data is not None:
                target.writestr(path, data)
    return out.getvalue()


def h5p_export_activity(name: str, *, variant_files: dict | None = None) -> H5PContent:
    """The export `name` (see NAMES) as an activity, the way an editor and an
    administrator make it: uploaded as exported (libraries inside), then each
    library the upload proposed approved."""
    data = h5p_export_bytes(name, variant_files=variant_files)
    content = h5p_content_create(upload=io.BytesIO(data), language="en", uploaded_by=None)
    for library in h5p_content_waiting_for(content=content):
        library_approve(library=library, approved_by=None)
    return H5PContent.objects.get(pk=content.pk)
