"""Writes for H5P content: an activity is created only from a validated package."""

import uuid
import zipfile
from typing import IO

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser as User
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from audit.services import audit_record
from courses.h5p.archive import Limits
from courses.h5p.errors import PackageRefused
from courses.h5p.library_store import (
    library_files_of_upload,
    library_plan,
    library_proposals_write,
)
from courses.h5p.validation import validate_package
from courses.models import H5PContent, H5PLibrary

CONTENT_PREFIX = "h5p/content"


def h5p_content_create(**kwargs) -> H5PContent:
    """Add an activity from an uploaded package (see `_content_create`)."""
    try:
        return _content_create(**kwargs)
    except IntegrityError:
        # Another upload proposed one of the same library versions a moment
        # ago: planned again, that version is now reused.
        return _content_create(**kwargs)


def _content_create(
    *,
    upload: IO[bytes],
    language: str,
    uploaded_by: User | None,
    title: str = "",
    limits: Limits | None = None,
    translation_of: H5PContent | None = None,
) -> H5PContent:
    """Take an .h5p as exported (h5p.org, Lumi): validate it fully, then store
    its parameters and extract its media under a folder of its own. Libraries
    inside it that the store lacks are proposed to an administrator; the
    activity plays once all of its libraries are approved. A refused package
    raises `PackageRefused` before anything is written. `translation_of`: the
    same activity in another language."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"unknown language {language!r}")
    limits = limits or Limits()
    files, metadata = library_files_of_upload(upload, limits)
    plan = library_plan(files=files, metadata=metadata)
    package = validate_package(upload, limits=limits, proposed=plan.unsaved_rows())
    key = uuid.uuid4()
    translation_key = None
    if translation_of is not None:
        translation_key = translation_of.translation_key or translation_of.uuid
    prefix = f"{CONTENT_PREFIX}/{key}"
    written: list[str] = []
    try:
        with transaction.atomic():
            proposals = {
                (row.machine_name, row.version): row
                for row in library_proposals_write(plan=plan, proposed_by=uploaded_by)
            }
            written.extend(
                f"{row.storage_prefix}/{name}" for row in proposals.values() for name in row.files
            )

            def saved(row: H5PLibrary) -> H5PLibrary:
                return row if row.pk else proposals[(row.machine_name, row.version)]

            content = H5PContent.objects.create(
                uuid=key,
                title=(title or package.title or package.main_library.title)[:255],
                language=language,
                main_library=saved(package.main_library),
                parameters=package.parameters,
                translation_key=translation_key,
                metadata=package.metadata,
                media=[
                    {"path": item.path, "size": item.size, "content_type": item.content_type}
                    for item in package.media
                ],
                storage_prefix=prefix,
                uploaded_by=uploaded_by,
            )
            content.libraries.set([saved(row) for row in package.libraries])
            if translation_of is not None and translation_of.translation_key is None:
                H5PContent.objects.filter(pk=translation_of.pk).update(
                    translation_key=translation_key
                )
            upload.seek(0)
            with zipfile.ZipFile(upload) as archive:
                for item in package.media:
                    with archive.open(item.entry) as stream:
                        media_file = File(stream, item.path)
                        media_file.size = item.size
                        target = f"{prefix}/{item.path}"
                        saved = default_storage.save(target, media_file)
                        written.append(saved)
                        if saved != target:
                            # Parameters name the file by this exact path.
                            raise RuntimeError(f"storage renamed {target!r} to {saved!r}")
            audit_record(
                actor=uploaded_by,
                action="h5p.content_create",
                target=content,
                data={
                    "library": str(package.main_library),
                    "files": len(package.media),
                    "proposed": sorted(str(row) for row in proposals.values()),
                },
            )
    except BaseException:
        for path in written:
            default_storage.delete(path)
        raise
    return content


@transaction.atomic
def h5p_content_delete(*, content: H5PContent, deleted_by: User | None) -> None:
    """Delete an activity and its media (audited). Refused, naming the lessons,
    while a published lesson plays it; learners' results stay where they are
    (attempts and statements are kept by the learning records)."""
    from courses.h5p.selectors import h5p_lessons_playing

    content = H5PContent.objects.select_for_update().get(pk=content.pk)
    lessons = h5p_lessons_playing(content=content)
    if lessons:
        raise PackageRefused(
            "activity_in_use",
            title=content.title,
            lessons=", ".join(f"“{lesson.title}”" for lesson in lessons[:5]),
        )
    paths = [f"{content.storage_prefix}/{item['path']}" for item in content.media]
    audit_record(
        actor=deleted_by,
        action="h5p.content_delete",
        target=content,
        data={"title": content.title, "uuid": str(content.uuid), "language": content.language},
    )
    content.delete()
    transaction.on_commit(lambda: [default_storage.delete(path) for path in paths])
