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
    form_fields = []  # activities are added by validated upload only (/cms/h5p/)
    creation_form_class = None
    url_filter_parameters = ["language"]


h5p_content_chooser_viewset = H5PContentChooserViewSet("h5p_content_chooser")
