from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.verification import MAX_PDF_BYTES
from courses.models import CoursePage


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_(
            "16 characters, as printed on the certificate, for example 7K3M-Q9XD-2HFA-BWNC."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class ReceiptForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput, max_length=40)
    organisation = forms.CharField(
        label=_("Your organisation (optional)"),
        max_length=200,
        required=False,
        help_text=_(
            "The holder sees that their certificate was checked, and by whom if you say so."
        ),
    )


class PdfForm(forms.Form):
    file = forms.FileField(
        label=_("Certificate PDF"),
        help_text=_("The PDF file the holder gave you. It is checked and not kept."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_PDF_BYTES:
            raise forms.ValidationError(_("This file is too large to be a certificate."))
        return upload


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revocation"),
        max_length=300,
        help_text=_("Shown on the public verification page."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class BulkIssueForm(forms.Form):
    course = forms.ModelChoiceField(
        label=_("Course"),
        queryset=CoursePage.objects.none(),
    )
    usernames = forms.CharField(
        label=_("Learners"),
        help_text=_("One username per line."),
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = (
            CoursePage.objects.live()
            .filter(certificate_enabled=True, locale__language_code="en")
            .order_by("title")
        )

    def clean_usernames(self):
        names = []
        for line in self.cleaned_data["usernames"].splitlines():
            name = line.strip()
            if name and name not in names:
                names.append(name)
        if not names:
            raise forms.ValidationError(_("Give at least one username."))
        if len(names) > 5000:
            raise forms.ValidationError(_("At most 5,000 learners at a time."))
        return names
