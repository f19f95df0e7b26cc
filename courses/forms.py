"""The catalogue's filter and search form (GET, no state)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from courses.models.digcomp import DigCompArea, DigCompLevel
from courses.models.pages import Audience, Track
from courses.selectors import CatalogueFilters


def _any(choices) -> list:
    return [("", _("All")), *choices]


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    track = forms.ChoiceField(label=_("Track"), required=False, choices=_any(Track.choices))
    audience = forms.ChoiceField(
        label=_("For whom"), required=False, choices=_any(Audience.choices)
    )
    language = forms.ChoiceField(
        label=_("Available in"), required=False, choices=_any(settings.LANGUAGES)
    )
    area = forms.ChoiceField(label=_("DigComp area"), required=False)
    level = forms.TypedChoiceField(
        label=_("Level"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=_any(DigCompLevel.choices),
    )
    duration = forms.ChoiceField(
        label=_("Duration"),
        required=False,
        choices=_any(
            [
                ("short", _("Up to 1 hour")),
                ("medium", _("1 to 4 hours")),
                ("long", _("More than 4 hours")),
            ]
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = _any(
            [(area.code, f"{area.code} · {area.title}") for area in DigCompArea.objects.all()]
        )

    def filters(self) -> CatalogueFilters:
        if not self.is_bound or not self.is_valid():
            return CatalogueFilters()
        data = self.cleaned_data
        return CatalogueFilters(
            track=data["track"],
            audience=data["audience"],
            language=data["language"],
            area=data["area"],
            level=data["level"],
            duration=data["duration"],
            query=data["q"].strip(),
        )
