"""What the content loader last wrote to a page (courses/content/courses/):
the digest of the files' data in that page's language and the revision it
published. A later revision made by a person means an editor changed the
page: the loader then leaves it alone unless told to overwrite it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LoadedContent(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="loaded_content"
    )
    source = models.CharField(_("source folder"), max_length=300)
    digest = models.CharField(_("digest of the loaded data"), max_length=64)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        verbose_name = _("loaded content")
        verbose_name_plural = _("loaded content")

    def __str__(self) -> str:
        return self.source
