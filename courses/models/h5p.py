"""H5P: vetted content-type libraries and the content items that use them.

Libraries are installed by an administrator only (courses.h5p.library_store);
content items are created only by courses.h5p.services after a package passed
validation. Neither is ever written from the other's upload.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class H5PLibrary(models.Model):
    """One installed version of an H5P library, pinned by machine name and
    major.minor.patch. Its files live in default storage under `storage_prefix`;
    an installed version is never overwritten, only joined by newer ones."""

    machine_name = models.CharField(_("machine name"), max_length=127)
    major_version = models.PositiveIntegerField(_("major version"))
    minor_version = models.PositiveIntegerField(_("minor version"))
    patch_version = models.PositiveIntegerField(_("patch version"))
    title = models.CharField(_("title"), max_length=255)
    runnable = models.BooleanField(_("runnable"), default=False)
    # library.json and semantics.json as installed: validation and playback
    # read them from here, never from the files of an upload.
    metadata = models.JSONField(_("library.json"))
    semantics = models.JSONField(_("semantics.json"), default=list, blank=True)
    files = models.JSONField(_("files"), default=list)
    checksum = models.CharField(_("SHA-256 of the files"), max_length=64)
    storage_prefix = models.CharField(_("storage folder"), max_length=255, unique=True)
    installed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("installed by"),
    )
    installed_at = models.DateTimeField(_("installed at"), auto_now_add=True)
    # A library that came inside an editor's upload is only proposed: its code
    # is served to no one until an administrator has approved it, once for
    # everyone. Libraries an administrator installs are approved at once.
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved by"),
    )

    class Meta:
        verbose_name = _("H5P library")
        verbose_name_plural = _("H5P libraries")
        ordering = ["machine_name", "-major_version", "-minor_version", "-patch_version"]
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major_version", "minor_version", "patch_version"],
                name="h5plibrary_unique_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.machine_name} {self.version}"

    @property
    def approved(self) -> bool:
        return self.approved_at is not None

    @property
    def version(self) -> str:
        return f"{self.major_version}.{self.minor_version}.{self.patch_version}"

    @property
    def directory_name(self) -> str:
        """The folder name H5P players expect (`Machine.Name-1.2`)."""
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"


class H5PContent(models.Model):
    """One H5P activity: its main library, its parameters, and its media,
    extracted into default storage under a folder of its own."""

    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=255)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    main_library = models.ForeignKey(
        H5PLibrary,
        on_delete=models.PROTECT,
        related_name="contents",
        verbose_name=_("main library"),
    )
    # The whole dependency closure, pinned at upload, so that a newer patch of
    # a library installed later never changes an activity behind its editor.
    libraries = models.ManyToManyField(
        H5PLibrary, related_name="used_by", verbose_name=_("libraries")
    )
    parameters = models.JSONField(_("parameters"))
    # The same activity in other languages shares this key: a lesson block
    # plays the version in the page's language (empty: no other versions).
    translation_key = models.UUIDField(_("same activity as"), null=True, blank=True, db_index=True)
    metadata = models.JSONField(_("h5p.json"), default=dict)
    media = models.JSONField(_("media files"), default=list)
    storage_prefix = models.CharField(_("storage folder"), max_length=255, unique=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("H5P activity")
        verbose_name_plural = _("H5P activities")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"
