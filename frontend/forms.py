from django import forms
from django.utils.translation import gettext_lazy as _


class DesignSystemExampleForm(forms.Form):
    """A form that shows every state of a field: hint, error, choice."""

    full_name = forms.CharField(
        label=_("Full name"), help_text=_("As it should appear on your certificate.")
    )
    email = forms.EmailField(label=_("E-mail address"), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("nl", "Nederlands"), ("fr", "Français"), ("de", "Deutsch"), ("en", "English")],
    )
    agree = forms.BooleanField(label=_("I have read the privacy notice"))
