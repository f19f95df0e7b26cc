"""Forms of the digital helpers' pages. They only parse and check the shape of
the input; the rules (consent, activation, one-time codes) live in the services."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, DigCompCompetence
from lms.models import CoachingSession, HelperConsent


class ScopesMixin(forms.Form):
    see_progress = forms.BooleanField(label=_("See the person's progress"), required=False)
    enrol = forms.BooleanField(label=_("Enrol the person in courses"), required=False)
    act_in_session = forms.BooleanField(
        label=_("Act for the person during a coaching session"), required=False
    )
    duration = forms.ChoiceField(
        label=_("For how long"),
        choices=HelperConsent.Duration.choices,
        initial=HelperConsent.Duration.SIX_MONTHS,
        widget=forms.RadioSelect,
    )

    def clean(self):
        data = super().clean()
        if not (data.get("see_progress") or data.get("enrol") or data.get("act_in_session")):
            raise forms.ValidationError(_("Choose at least one thing the helper may do."))
        return data


class AssistedAccountForm(ScopesMixin):
    display_name = forms.CharField(
        label=_("Name of the person"),
        max_length=150,
        help_text=_("As the person wants to be greeted and named on their login card."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language of the person"), choices=settings.LANGUAGES
    )
    field_order = [
        "display_name",
        "given_name",
        "family_name",
        "preferred_language",
        "see_progress",
        "enrol",
        "act_in_session",
        "duration",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("see_progress", "enrol", "act_in_session"):
            self.fields[name].initial = True
        # The legal name for certificates, optional here (lms.identity checks
        # it); without it the person is asked when a certificate waits for it.
        from lms.forms.accounts import _legal_name_fields

        _legal_name_fields(self)
        self.fields["given_name"].required = False
        self.fields["family_name"].required = False
        self.order_fields(self.field_order)

    def clean_given_name(self) -> str:
        from lms.identity import given_name_clean

        value = self.cleaned_data.get("given_name", "")
        return given_name_clean(value) if value.strip() else ""

    def clean_family_name(self) -> str:
        from lms.identity import family_name_clean

        value = self.cleaned_data.get("family_name", "")
        return family_name_clean(value) if value.strip() else ""

    def clean(self):
        data = super().clean()
        given, family = data.get("given_name"), data.get("family_name")
        missing = _("Give the name as on your identity card.")
        if given and family == "" and "family_name" not in self.errors:
            self.add_error("family_name", missing)
        if family and given == "" and "given_name" not in self.errors:
            self.add_error("given_name", missing)
        return data


class ConsentRequestForm(ScopesMixin):
    HOW_SCREEN, HOW_HERE, HOW_PAPER = "screen", "here", "paper"

    who = forms.CharField(
        label=_("Username or e-mail address of the person"),
        max_length=254,
    )
    how = forms.ChoiceField(
        label=_("How does the person give their consent?"),
        choices=[
            (HOW_SCREEN, _("On their own screen: they answer the next time they sign in")),
            (HOW_HERE, _("Here, now: the person types their own password on this screen")),
            (HOW_PAPER, _("On paper: print the form for the person to sign")),
        ],
        initial=HOW_SCREEN,
        required=False,  # left out: on their own screen
        widget=forms.RadioSelect,
        help_text=_(
            "A paper form has no effect until the person confirms it after signing in, "
            "or a second member of your organisation checks the signed form."
        ),
    )
    password = forms.CharField(
        label=_("The person's own password (only for “here, now”)"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )
    for_organisation = forms.BooleanField(
        label=_("Ask for every helper of my organisation, not only for me"), required=False
    )
    field_order = ["who", "how", "password", "see_progress", "enrol", "act_in_session", "duration"]

    def clean(self):
        data = super().clean()
        if data.get("how") == self.HOW_HERE and not data.get("password"):
            self.add_error("password", _("The person types their own password here."))
        return data


class ScanUploadForm(forms.Form):
    scan = forms.FileField(
        label=_("Scan or photo of the signed form (PDF, JPEG or PNG, at most 5 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )


class SessionLogForm(forms.Form):
    held_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}), initial=timezone.localdate
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes"), min_value=1, max_value=600, initial=60
    )
    place = forms.CharField(label=_("Place"), max_length=120)
    mode = forms.ChoiceField(
        label=_("How"),
        choices=CoachingSession.Mode.choices,
        initial=CoachingSession.Mode.IN_PERSON,
        widget=forms.RadioSelect,
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics (DigComp competences)"),
        queryset=DigCompCompetence.objects.order_by("code"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label=_("Notes for the person"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The person can read these notes."),
    )

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(_("A session cannot be logged in the future."))
        return held_on


class CardSigninForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    code = forms.CharField(
        label=_("Code on your card"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "characters"}
        ),
    )


class TakeOverForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"))
    password1 = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords are not the same."))
        return data


class HelperEnrolForm(forms.Form):
    course = forms.ModelChoiceField(label=_("Course"), queryset=CoursePage.objects.none())

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = (
            CoursePage.objects.live()
            .filter(locale__language_code=language, self_enrolment=True)
            .order_by("title")
        )
