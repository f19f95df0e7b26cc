"""Writes for H5P content: an activity is created only from a validated package."""

import uuid
import zipfile
from typing import IO

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import transaction

from courses.h5p.archive import Limits
from courses.h5p.validation import validate_package
from courses.models import H5PContent
from lms.models import User
from lms.services import audit_record

CONTENT_PREFIX = "h5p/content"


def h5p_content_create(
    *,
    upload: IO[bytes],
    language: str,
    uploaded_by: User | None,
    title: str = "",
    limits: Limits | None = None,
    translation_of: H5PContent | None = None,
    strip_libraries: bool = False,
) -> H5PContent:
    """Validate `upload` fully, then store its parameters and extract its media
    under a folder of its own. A refused package raises `PackageRefused` before
    anything is written. `translation_of`: the same activity in another language;
    `strip_libraries`: ignore library folders installed at their exact version."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"unknown language {language!r}")
    package = validate_package(upload, limits=limits, strip_libraries=strip_libraries)
    key = uuid.uuid4()
    translation_key = None
    if translation_of is not None:
        translation_key = translation_of.translation_key or translation_of.uuid
    prefix = f"{CONTENT_PREFIX}/{key}"
    written: list[str] = []
    try:
        with transaction.atomic():
            content = H5PContent.objects.create(
                uuid=key,
                title=(title or package.title or package.main_library.title)[:255],
                language=language,
                main_library=package.main_library,
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
            content.libraries.set(package.libraries)
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
                data={"library": str(package.main_library), "files": len(package.media)},
            )
    except BaseException:
        for path in written:
            default_storage.delete(path)
        raise
    return content
