"""Forms of the partner pages."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Scope


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_('What the token is for, e.g. "VDAB link, production".'),
    )
    scopes = forms.MultipleChoiceField(
        label=_("What the token may do"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    expires_on = forms.DateField(
        label=_("Expires on (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for a token that works until it is revoked."),
    )

    def clean_expires_on(self):
        value = self.cleaned_data.get("expires_on")
        if value is not None and value <= timezone.localdate():
            raise forms.ValidationError(_("Choose a date after today."))
        return value

    def expires_at(self) -> datetime.datetime | None:
        value = self.cleaned_data.get("expires_on")
        if value is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))
