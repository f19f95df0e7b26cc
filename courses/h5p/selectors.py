"""Reads for H5P: the store's libraries and the activities, for admin lists."""

from django.db.models import QuerySet

from courses.models import H5PContent, H5PLibrary


def h5p_library_list() -> QuerySet[H5PLibrary]:
    """Every installed library version, newest version first per name."""
    return H5PLibrary.objects.select_related("installed_by").order_by(
        "machine_name", "-major_version", "-minor_version", "-patch_version"
    )


def h5p_content_list() -> QuerySet[H5PContent]:
    """Every H5P activity, newest first, with its main library."""
    return H5PContent.objects.select_related("main_library", "uploaded_by").order_by(
        "-created_at", "-pk"
    )
