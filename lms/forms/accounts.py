from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from lms import identity
from lms.idle import session_shared_mark
from lms.models import User


def _legal_name_fields(form: forms.Form, *, initial_given: str = "", initial_family: str = ""):
    """Add the two legal-name fields (the same labels, limits and checks everywhere)."""
    form.fields["given_name"] = forms.CharField(
        label=identity.GIVEN_NAME_LABEL,
        max_length=identity.GIVEN_NAME_MAX_LENGTH * 2,  # checked after normalising
        initial=initial_given,
        strip=False,
        help_text=_("All your given names, as printed on your identity card or passport."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name", "spellcheck": "false"}),
    )
    form.fields["family_name"] = forms.CharField(
        label=identity.FAMILY_NAME_LABEL,
        max_length=identity.FAMILY_NAME_MAX_LENGTH * 2,
        initial=initial_family,
        strip=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name", "spellcheck": "false"}),
    )


class LegalNameMixin:
    """clean_given_name / clean_family_name through lms.identity."""

    def clean_given_name(self) -> str:
        return identity.given_name_clean(self.cleaned_data.get("given_name", ""))

    def clean_family_name(self) -> str:
        return identity.family_name_clean(self.cleaned_data.get("family_name", ""))


class LegalNameForm(LegalNameMixin, forms.Form):
    """The name for certificates, asked on the spot when one is waiting."""

    def __init__(self, *args, user: User | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        _legal_name_fields(
            self,
            initial_given=user.first_name if user else "",
            initial_family=user.last_name if user else "",
        )


class SignupForm(LegalNameMixin, AllauthSignupForm):
    """allauth's sign-up, plus the legal name (required) and a greeting name."""

    field_order = [
        "given_name",
        "family_name",
        "display_name",
        "email",
        "username",
        "password1",
        "password2",
        "accept_terms",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _legal_name_fields(self)
        self.fields["display_name"] = forms.CharField(
            label=_("What should we call you? (optional)"),
            max_length=150,
            required=False,
            help_text=_("How the platform greets you, for example your first name or a nickname."),
            widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
        )
        self.fields["accept_terms"] = legal_acceptance_field()
        self.order_fields(self.field_order)

    def clean(self):
        cleaned = super().clean()
        # allauth's adapter copies first_name / last_name onto the new account.
        if "given_name" in cleaned and "family_name" in cleaned:
            cleaned["first_name"] = cleaned["given_name"]
            cleaned["last_name"] = cleaned["family_name"]
        return cleaned


def legal_acceptance_field() -> forms.BooleanField:
    """ "I accept the terms of use and the privacy notice": unchecked, required,
    with both documents linked (in a new tab, so a half-filled form stays)."""
    return forms.BooleanField(
        label=_("I accept the terms of use and the privacy notice."),
        required=True,
        error_messages={
            "required": _("Accept the terms of use and the privacy notice to go on."),
        },
        help_text=format_html(
            gettext(
                "Read the {terms} and the {privacy} (each opens in a new tab). "
                "They say what we do with your data and what your rights are."
            ),
            terms=format_html(
                '<a href="{}" target="_blank" rel="noopener">{}</a>',
                reverse("lms:legal", args=["terms"]),
                gettext("terms of use"),
            ),
            privacy=format_html(
                '<a href="{}" target="_blank" rel="noopener">{}</a>',
                reverse("lms:legal", args=["privacy"]),
                gettext("privacy notice"),
            ),
        ),
    )


class LegalAcceptForm(forms.Form):
    """The new version of the terms or privacy notice, accepted after sign-in."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accept_terms"] = legal_acceptance_field()


class ProfileForm(LegalNameMixin, forms.ModelForm):
    """My account. The legal name is a field only while no certificate carries
    it (`legal_name_editable`); children have none."""

    class Meta:
        model = User
        fields = ["display_name", "preferred_language"]

    def __init__(self, *args, legal_name_editable: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.legal_name_editable = legal_name_editable
        if legal_name_editable:
            _legal_name_fields(
                self,
                initial_given=self.instance.first_name,
                initial_family=self.instance.last_name,
            )
            # Optional here: a person may save their greeting and language
            # before giving a legal name; but never one half of it.
            self.fields["given_name"].required = False
            self.fields["family_name"].required = False
            self.order_fields(["given_name", "family_name", "display_name"])

    def clean_given_name(self) -> str:
        value = self.cleaned_data.get("given_name", "")
        return identity.given_name_clean(value) if value.strip() else ""

    def clean_family_name(self) -> str:
        value = self.cleaned_data.get("family_name", "")
        return identity.family_name_clean(value) if value.strip() else ""

    def clean(self):
        cleaned = super().clean()
        if not self.legal_name_editable:
            return cleaned
        given, family = cleaned.get("given_name"), cleaned.get("family_name")
        missing = _("Give the name as on your identity card.")
        if given and family == "" and "family_name" not in self.errors:
            self.add_error("family_name", missing)
        if family and given == "" and "given_name" not in self.errors:
            self.add_error("given_name", missing)
        return cleaned

    def legal_name(self) -> tuple[str | None, str | None]:
        """(given, family) to record, or (None, None) to leave it as it is."""
        if not self.legal_name_editable:
            return None, None
        given, family = self.cleaned_data.get("given_name"), self.cleaned_data.get("family_name")
        return (given, family) if given and family else (None, None)


class AccountDeleteForm(forms.Form):
    """ "Delete my account": the person types their password again and ticks
    that they understood what is lost."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    understood = forms.BooleanField(
        label=_(
            "I understand that my account, my progress and my certificates are gone for good "
            "and that my certificates will show as revoked."
        ),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return password


class LoginForm(AllauthLoginForm):
    """allauth's sign-in, with "This is a shared computer" in place of "Remember
    me": a session is remembered (ACCOUNT_SESSION_REMEMBER unset, so allauth
    reads our answer) unless the person says the computer is shared; then it
    ends when the browser closes, and after the shorter idle time."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields.pop("remember", None)
        minutes = max(1, settings.SESSION_IDLE_TIMEOUT_SHARED // 60)
        self.fields["shared_computer"] = forms.BooleanField(
            label=_("This is a shared computer"),
            required=False,
            help_text=ngettext_lazy(
                "In a library or public computer room: you are signed out when the "
                "browser closes, or after %(minutes)d minute without activity.",
                "In a library or public computer room: you are signed out when the "
                "browser closes, or after %(minutes)d minutes without activity.",
                "minutes",
            )
            % {"minutes": minutes},
        )

    def clean(self):
        cleaned_data = super().clean()
        # allauth's own field, read by its login(): remembered unless shared.
        cleaned_data["remember"] = not cleaned_data.get("shared_computer")
        return cleaned_data

    def login(self, request, redirect_url=None):
        response = super().login(request, redirect_url)
        if self.cleaned_data.get("shared_computer"):
            session_shared_mark(request=request)
        return response
