"""Wagtail's front-end URLs, its page view replaced by `courses.views.page_serve`
(the same view, routed from the cache)."""

from django.urls import re_path
from wagtail import urls as wagtail_urls

from courses import views

urlpatterns = [
    *[p for p in wagtail_urls.urlpatterns if getattr(p, "name", "") != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, views.page_serve, name="wagtail_serve"),
]
