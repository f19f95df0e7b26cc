"""Reads for H5P: the store's libraries and the activities, for admin lists."""

import difflib
from dataclasses import dataclass, field

from django.core.files.storage import default_storage
from django.db.models import QuerySet

from courses.models import H5PContent, H5PLibrary


def h5p_library_list() -> QuerySet[H5PLibrary]:
    """Every installed library version, newest version first per name."""
    return H5PLibrary.objects.select_related("installed_by").order_by(
        "machine_name", "-major_version", "-minor_version", "-patch_version"
    )


def h5p_content_list() -> QuerySet[H5PContent]:
    """Every H5P activity, newest first, with its main library."""
    return (
        H5PContent.objects.select_related("main_library", "uploaded_by")
        .prefetch_related("libraries")
        .order_by("-created_at", "-pk")
    )


def h5p_content_waiting_for(*, content: H5PContent) -> list[H5PLibrary]:
    """The libraries of `content` an administrator has not approved yet (none:
    the activity plays)."""
    rows = {row.pk: row for row in content.libraries.all()}
    rows.setdefault(content.main_library_id, content.main_library)
    return sorted(
        (row for row in rows.values() if row.approved_at is None), key=lambda row: str(row)
    )


def h5p_library_proposals() -> QuerySet[H5PLibrary]:
    """Libraries that came inside editors' uploads and wait for approval."""
    return H5PLibrary.objects.filter(approved_at__isnull=True).select_related("installed_by")


def h5p_lessons_playing(*, content: H5PContent) -> list:
    """The published lessons that play `content`: an H5P block chooses it or
    another language version of it, and the lesson's language makes it the one
    played (the choice `h5p_content_in_language` makes when a lesson shows)."""
    from courses.h5p.player import h5p_content_in_language
    from courses.models import LessonPage

    group = {content.pk}
    if content.translation_key is not None:
        group |= set(
            H5PContent.objects.filter(translation_key=content.translation_key).values_list(
                "pk", flat=True
            )
        )
    playing = []
    lessons = (
        LessonPage.objects.live().select_related("locale").only("pk", "title", "locale", "body")
    )
    for lesson in lessons:
        for block in lesson.body.raw_data:
            chosen = (
                (block.get("value") or {}).get("content") if block.get("type") == "h5p" else None
            )
            if chosen in group:
                played = h5p_content_in_language(
                    content_id=chosen, language=lesson.locale.language_code
                )
                if played is not None and played.pk == content.pk:
                    playing.append(lesson)
                    break
    return playing


@dataclass
class FileChange:
    name: str
    diff: list[str]  # unified diff lines (text files), cut at DIFF_MAX_LINES
    cut: bool = False


@dataclass
class LibraryReview:
    """What an administrator reads before approving a library: its files, and
    against the installed version it would follow, what changed."""

    library: H5PLibrary
    files: list[tuple[str, int]]
    previous: H5PLibrary | None
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[FileChange] = field(default_factory=list)
    users: list[H5PContent] = field(default_factory=list)


DIFF_MAX_LINES = 400
_TEXT = {"js", "css", "json", "txt", "md", "html", "svg", "map"}


def _read(library: H5PLibrary, name: str) -> bytes:
    try:
        with default_storage.open(f"{library.storage_prefix}/{name}", "rb") as stream:
            return stream.read()
    except FileNotFoundError:
        return b""


def _size(library: H5PLibrary, name: str) -> int:
    try:
        return default_storage.size(f"{library.storage_prefix}/{name}")
    except (FileNotFoundError, OSError):
        return 0


def h5p_library_review(*, library: H5PLibrary) -> LibraryReview:
    """The files of `library` with their sizes and, when an older version of the
    same library is installed (an upgrade), the files added, removed and
    changed, with a unified diff of each changed text file."""
    files = [(name, _size(library, name)) for name in library.files]
    previous = (
        H5PLibrary.objects.filter(machine_name=library.machine_name, approved_at__isnull=False)
        .exclude(pk=library.pk)
        .order_by("-major_version", "-minor_version", "-patch_version")
    )
    previous = next(
        (
            row
            for row in previous
            if (row.major_version, row.minor_version, row.patch_version)
            < (library.major_version, library.minor_version, library.patch_version)
        ),
        None,
    )
    review = LibraryReview(library, files, previous)
    review.users = list(
        H5PContent.objects.filter(libraries=library).order_by("title").distinct()[:50]
    )
    if previous is None:
        return review
    old, new = set(previous.files), set(library.files)
    review.added = sorted(new - old)
    review.removed = sorted(old - new)
    for name in sorted(old & new):
        before, after = _read(previous, name), _read(library, name)
        if before == after:
            continue
        change = FileChange(name, [])
        if name.rsplit(".", 1)[-1].lower() in _TEXT:
            lines = list(
                difflib.unified_diff(
                    before.decode("utf-8", "replace").splitlines(),
                    after.decode("utf-8", "replace").splitlines(),
                    f"{previous.version}/{name}",
                    f"{library.version}/{name}",
                    lineterm="",
                )
            )
            change.diff, change.cut = lines[:DIFF_MAX_LINES], len(lines) > DIFF_MAX_LINES
        review.changed.append(change)
    return review
