from django import forms
from django.utils.translation import gettext_lazy as _

from partners.models import Programme, Region, TargetGroup


class PeriodForm(forms.Form):
    period_start = forms.DateField(
        label=_("Period start"), widget=forms.DateInput(attrs={"type": "date"})
    )
    period_end = forms.DateField(
        label=_("Period end"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period ends before it starts."))
        return data


class SubmitForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the fund (optional)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReviewForm(forms.Form):
    DECISIONS = [("approve", _("Approve")), ("return", _("Return for corrections"))]

    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comments for the partner"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you return the report."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Say what the partner has to correct."))
        return data


class DashboardFilterForm(forms.Form):
    programme = forms.ModelChoiceField(
        label=_("Call"),
        queryset=Programme.objects.order_by("-year", "name"),
        required=False,
        empty_label=_("All calls"),
    )
    region = forms.ChoiceField(
        label=_("Region"), choices=[("", _("All regions")), *Region.choices], required=False
    )
    target_group = forms.ChoiceField(
        label=_("Target group"),
        choices=[("", _("All target groups")), *TargetGroup.choices],
        required=False,
    )
