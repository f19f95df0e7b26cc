"""Forms of class sections: what a teacher or a child types, checked before a
service is called. The services check again (they are the rule)."""

import re

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.models import ConsentRecord
from lms.pictures import PASSWORD_LENGTH, PICTURES
from lms.services.sections import MAX_CHILDREN_PER_ADD


def _school_year_now() -> str:
    today = timezone.localdate()
    start = today.year if today.month >= 8 else today.year - 1
    return f"{start}-{start + 1}"


class SectionCreateForm(forms.Form):
    name = forms.CharField(label=_("Name of the class"), max_length=80)
    language = forms.ChoiceField(label=_("Language of the class"), choices=settings.LANGUAGES)
    school_year = forms.CharField(
        label=_("School year"), max_length=9, help_text=_("For example 2026-2027.")
    )
    under_13 = forms.BooleanField(
        label=_("The children are under 13 (parents must give consent)"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school_year"].initial = _school_year_now()

    def clean_school_year(self) -> str:
        value = self.cleaned_data["school_year"].strip().replace("/", "-")
        if not re.fullmatch(r"\d{4}-\d{4}", value):
            raise forms.ValidationError(_("Write the school year like 2026-2027."))
        return value


class ChildrenAddForm(forms.Form):
    names = forms.CharField(
        label=_("First names"),
        widget=forms.Textarea(attrs={"rows": 6, "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Formatted per request, in the reader's language (not at import).
        self.fields["names"].help_text = _(
            "One child per line, up to %(count)d. Only the first name is kept; when two "
            "children have the same first name, add the first letter of the last name."
        ) % {"count": MAX_CHILDREN_PER_ADD}


class ConsentForm(forms.Form):
    guardian_name = forms.CharField(label=_("Name of the parent or guardian"), max_length=120)
    method = forms.ChoiceField(
        label=_("How the answer came"),
        choices=ConsentRecord.Method.choices,
        widget=forms.RadioSelect,
    )


class LetterForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the family"), choices=settings.LANGUAGES)


class ClassCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Class code"),
        max_length=16,
        help_text=_("The letters on your login card."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


PICTURE_CHOICES = [(p.key, p.name) for p in PICTURES]


class PicturesForm(forms.Form):
    """Three radio groups: the first, second and third picture."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = [_("First picture"), _("Second picture"), _("Third picture")]
        for index in range(PASSWORD_LENGTH):
            self.fields[f"picture_{index + 1}"] = forms.ChoiceField(
                label=labels[index],
                choices=PICTURE_CHOICES,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a picture.")},
            )

    def pictures(self) -> list[str]:
        return [self.cleaned_data[f"picture_{i + 1}"] for i in range(PASSWORD_LENGTH)]
