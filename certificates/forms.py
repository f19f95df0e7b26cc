from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.verification import MAX_PDF_BYTES
from courses.models import CoursePage
from lms import identity


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
            raise forms.ValidationError(
                _("This file is too large to be a certificate."), code="too_large"
            )
        return upload


class RevokeForm(forms.Form):
    """Step 1 of revoking: the reason. Nothing changes yet."""

    reason = forms.CharField(
        label=_("Reason for revocation"),
        max_length=300,
        help_text=_(
            "Shown to the holder and to staff, never on the public verification page "
            "(which says only when it was revoked)."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RevokeConfirmForm(RevokeForm):
    """Step 2: the reason again (hidden) and an explicit confirmation."""

    step = forms.CharField(widget=forms.HiddenInput, initial="confirm")
    confirm = forms.BooleanField(
        label=_("I confirm: revoke this certificate. This cannot be undone."),
        error_messages={"required": _("Tick the box to confirm the revocation.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].widget = forms.HiddenInput()


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


class CertificateChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        from django.utils.translation import get_language

        return f"{obj.text('course', get_language() or 'en')} ({obj.display_code})"


class NameCorrectionForm(forms.Form):
    """The holder's request: which of their certificates, the name as on the
    identity card, and why. Only their own current certificates are choices."""

    certificates = CertificateChoiceField(
        label=_("Certificates to correct"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choose among your own certificates."),
            "required": _("Choose at least one certificate."),
        },
    )
    given_name = forms.CharField(
        label=identity.GIVEN_NAME_LABEL,
        max_length=identity.GIVEN_NAME_MAX_LENGTH * 2,
        strip=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name", "spellcheck": "false"}),
    )
    family_name = forms.CharField(
        label=identity.FAMILY_NAME_LABEL,
        max_length=identity.FAMILY_NAME_MAX_LENGTH * 2,
        strip=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name", "spellcheck": "false"}),
    )
    reason = forms.CharField(
        label=_("What is wrong, and why"),
        max_length=1000,
        help_text=_(
            "For example: a letter is missing, or my name changed. Staff may ask you "
            "to show your identity card."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["certificates"].queryset = queryset

    def clean_given_name(self) -> str:
        return identity.given_name_clean(self.cleaned_data.get("given_name", ""))

    def clean_family_name(self) -> str:
        return identity.family_name_clean(self.cleaned_data.get("family_name", ""))


class NameCorrectionDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve and issue again")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the holder"),
        max_length=1000,
        required=False,
        help_text=_("Required when you reject: say why."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not (cleaned.get("note") or "").strip():
            self.add_error("note", _("Tell the holder why the request is rejected."))
        return cleaned
