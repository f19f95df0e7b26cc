"""Forms of the partner staff pages. They parse and check input; the writes
are the services'."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Outcome, Scope, Situation

ENROLMENT_SITUATIONS = [
    (s.value, s.label)
    for s in (
        Situation.UNKNOWN,
        Situation.JOBSEEKER,
        Situation.EMPLOYED,
        Situation.STUDENT,
        Situation.OTHER,
    )
]
FOLLOW_UP_SITUATIONS = [("", _("Not recorded yet")), *Situation.choices]


class CohortForm(forms.Form):
    project = forms.ModelChoiceField(queryset=None, label=_("Project"))
    name = forms.CharField(label=_("Name"), max_length=200)
    trainer = forms.ModelChoiceField(queryset=None, label=_("Trainer"), required=False)
    starts_on = forms.DateField(
        label=_("Start"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    ends_on = forms.DateField(
        label=_("End"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    courses = forms.MultipleChoiceField(
        label=_("Courses"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one or more courses from the catalogue."),
    )

    def __init__(self, *args, projects, trainers, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects
        self.fields["trainer"].queryset = trainers
        self.fields["trainer"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["courses"].choices = [(str(c.translation_key), c.title) for c in courses]

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end cannot be before the start."))
        return data


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File with learners (CSV or XLSX)"),
        help_text=_(
            "One learner per row. Semicolon or comma CSV (Excel's own) or XLSX; "
            "dates as dd/mm/yyyy."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.txt"}),
    )


class SituationForm(forms.Form):
    situation = forms.ChoiceField(label=_("Situation at enrolment"), choices=ENROLMENT_SITUATIONS)


class OutcomeForm(forms.Form):
    point = forms.ChoiceField(label=_("Follow-up"), choices=Outcome.Point.choices)
    situation = forms.ChoiceField(label=_("Situation"), choices=Situation.choices)


def cohort_outcome_fields(data, learners: list) -> dict:
    """Parse the per-cohort quick form: fields `o-<learner id>-<point>`. Returns
    {(learner id, point): situation} for the values given; unknown values are
    refused by the caller (ValueError)."""
    allowed = set(Situation.values)
    chosen = {}
    ids = {learner.pk for learner in learners}
    for name, value in data.items():
        if not name.startswith("o-") or not value:
            continue
        _prefix, learner_id, point = (name.split("-", 2) + ["", ""])[:3]
        if not learner_id.isdigit() or int(learner_id) not in ids:
            raise ValueError(name)
        if point not in Outcome.Point.values or value not in allowed:
            raise ValueError(name)
        chosen[(int(learner_id), point)] = value
    return chosen


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


class ImportMappingForm(forms.Form):
    """The mapping step: a field for every column of the file, and a value for
    every word not in a vocabulary, each proposed and changeable."""

    def __init__(self, data=None, *, mapping: dict, courses: list[tuple[str, str]]):
        from partners import importing
        from partners.importing.values import choices

        super().__init__(data)
        self.columns = [c for c in mapping.get("columns", []) if c["how"] != "empty"]
        self.words = mapping.get("words", [])
        fields = [(c.field, c.label) for c in importing.COLUMNS]
        labels = dict(fields)
        for column in self.columns:
            options = [("", _("Not used"))] + [
                (name, label)
                for name, label in fields
                if not (name == "external_id" and column["how"] == "register")
            ]
            self.fields[f"column_{column['index']}"] = forms.ChoiceField(
                label=column["header"],
                choices=options,
                required=False,
                initial=column["field"] or column["proposal"],
            )
        for number, word in enumerate(self.words):
            options = [
                *choices(word["field"], courses),
                ("", _("Leave empty")),
                (importing.REFUSE, _("Refuse these rows")),
            ]
            self.fields[f"word_{number}"] = forms.ChoiceField(
                label=word["word"],
                choices=options,
                initial=word["proposal"] or importing.REFUSE,
            )
        self.labels = labels

    def column_rows(self):
        return [(column, self[f"column_{column['index']}"]) for column in self.columns]

    def word_rows(self):
        return [
            (word, self.labels.get(word["field"], ""), self[f"word_{n}"])
            for n, word in enumerate(self.words)
        ]

    def chosen_columns(self) -> dict[int, str]:
        return {c["index"]: self.cleaned_data[f"column_{c['index']}"] for c in self.columns}

    def chosen_words(self) -> dict[str, dict[str, str]]:
        chosen: dict[str, dict[str, str]] = {}
        for number, word in enumerate(self.words):
            chosen.setdefault(word["field"], {})[word["key"]] = self.cleaned_data[f"word_{number}"]
        return chosen
