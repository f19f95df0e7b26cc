"""DigComp 2.2 (../shared/data/digcomp-2.2.json): 5 areas, 21 competences.

The ids ("1.1" … "5.4") are the stable keys that courses, lessons, questions,
certificates and reports use. Titles exist in the four languages and are
editable as snippets; `title` gives the one of the active language.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class _FourTitles(models.Model):
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    title_de = models.CharField(_("title (German)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    @property
    def title(self) -> str:
        language = (get_language() or "en")[:2]
        return getattr(self, f"title_{language}", "") or self.title_en

    def title_in(self, language: str) -> str:
        return getattr(self, f"title_{language[:2]}", "") or self.title_en


# Both snippets are edited alike: a fixed id and the four titles.
_TITLE_PANELS = [FieldPanel(f"title_{code}") for code in ("en", "nl", "fr", "de")]
_SEARCH_FIELDS = [index.SearchField("title_en"), index.AutocompleteField("code")]


class DigCompArea(index.Indexed, _FourTitles):
    """One of the five competence areas (e.g. 4 "Safety")."""

    code = models.CharField(_("id"), max_length=4, unique=True)

    panels = [
        FieldPanel("code", read_only=True),
        *_TITLE_PANELS,
    ]
    search_fields = _SEARCH_FIELDS

    class Meta:
        ordering = ["code"]
        verbose_name = _("DigComp area")
        verbose_name_plural = _("DigComp areas")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class DigCompCompetence(index.Indexed, _FourTitles):
    """One of the 21 competences (e.g. 4.2 "Protecting personal data and privacy")."""

    code = models.CharField(_("id"), max_length=8, unique=True)
    area = models.ForeignKey(DigCompArea, on_delete=models.PROTECT, related_name="competences")

    panels = [
        FieldPanel("code", read_only=True),
        FieldPanel("area", read_only=True),
        *_TITLE_PANELS,
    ]
    search_fields = _SEARCH_FIELDS

    class Meta:
        ordering = ["code"]
        verbose_name = _("DigComp competence")
        verbose_name_plural = _("DigComp competences")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class DigCompLevel(models.IntegerChoices):
    """The eight proficiency levels of DigComp 2.2."""

    FOUNDATION_1 = 1, _("1 · Foundation")
    FOUNDATION_2 = 2, _("2 · Foundation")
    INTERMEDIATE_3 = 3, _("3 · Intermediate")
    INTERMEDIATE_4 = 4, _("4 · Intermediate")
    ADVANCED_5 = 5, _("5 · Advanced")
    ADVANCED_6 = 6, _("6 · Advanced")
    HIGHLY_SPECIALISED_7 = 7, _("7 · Highly specialised")
    HIGHLY_SPECIALISED_8 = 8, _("8 · Highly specialised")
