"""The admin chooser of H5P activities, for the lesson block `h5p`
(registered in courses/wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet


class H5PContentChooserViewSet(ChooserViewSet):
    model = "courses.H5PContent"
    icon = "media"
    choose_one_text = _("Choose an H5P activity")
    choose_another_text = _("Choose another H5P activity")
    edit_item_text = _("Edit this H5P activity")
    # No creation form: activities are added by validated upload only (/cms/h5p/).
    form_fields = None
    creation_form_class = None
    url_filter_parameters = ["language"]

    def get_urlpatterns(self):
        # Wagtail's chooser always routes a "create" view, which would accept a
        # bare model form for an editor with the add permission.
        return [p for p in super().get_urlpatterns() if p.name != "create"]


h5p_content_chooser_viewset = H5PContentChooserViewSet("h5p_content_chooser")
