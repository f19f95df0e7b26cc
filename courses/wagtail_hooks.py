"""Wagtail admin hooks of courses/."""

from courses.h5p import admin_views  # noqa: F401  (H5P admin pages and menu items)
