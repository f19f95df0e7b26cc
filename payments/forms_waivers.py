"""Forms of the fee-waiver pages: the browser chooses a course and a number,
never an amount (a waiver's value is the exam fee at issue)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from payments.services.waivers import MAX_WAIVERS_AT_ONCE


class WaiverIssueForm(forms.Form):
    course_key = forms.ChoiceField(label=_("Course"))
    count = forms.IntegerField(
        label=_("Number of waivers"), min_value=1, max_value=MAX_WAIVERS_AT_ONCE, initial=10
    )
    valid_until = forms.DateField(
        label=_("Valid until (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: the waivers do not expire."),
    )

    def __init__(self, *args, courses: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course_key"].choices = courses

    def clean_valid_until(self) -> datetime.date | None:
        day = self.cleaned_data["valid_until"]
        if day is not None and day < timezone.localdate():
            raise forms.ValidationError(_("Choose a date from today on."))
        return day

    def expires_at(self) -> datetime.datetime | None:
        day = self.cleaned_data.get("valid_until")
        if day is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


class CohortWaiverForm(forms.Form):
    course_key = forms.ChoiceField(label=_("Course"))

    def __init__(self, *args, courses: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course_key"].choices = courses
