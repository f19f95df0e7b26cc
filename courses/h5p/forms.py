"""Admin forms for H5P: upload an activity, install a library."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class H5PContentUploadForm(forms.Form):
    file = forms.FileField(
        label=_("H5P package (.h5p)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p,.zip"}),
        help_text=_(
            "As exported from h5p.org or Lumi. Libraries the store lacks are proposed to an "
            "administrator; the activity plays once they are approved."
        ),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        required=False,
        help_text=_("Leave empty to use the package's own title."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    translation_of = forms.ModelChoiceField(
        label=_("Same activity in another language"),
        queryset=None,
        required=False,
        help_text=_(
            "Choose it when this package translates an activity already added: a lesson "
            "then plays the version in the reader's language."
        ),
    )

    def __init__(self, *args, **kwargs):
        from courses.h5p.chooser import h5p_content_chooser_viewset
        from courses.h5p.player import h5p_contents_for_chooser

        super().__init__(*args, **kwargs)
        field = self.fields["translation_of"]
        field.queryset = h5p_contents_for_chooser()
        # The admin chooser (search, pages), not a list of every activity.
        field.widget = h5p_content_chooser_viewset.widget_class()


class H5PLibraryInstallForm(forms.Form):
    file = forms.FileField(
        label=_("Library (.h5p or .zip)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p,.zip"}),
        help_text=_(
            "Install only library code you have reviewed: it runs in every learner's "
            "player. A version already installed with the same files is kept; an installed "
            "version is never replaced."
        ),
    )
