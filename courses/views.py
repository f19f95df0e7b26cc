"""Views of courses/: the pages (Wagtail's view, routed from the cache) and
the sitemap."""

from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail import views as wagtail_views

from courses.selectors import sitemap_pages
from courses.selectors.routing import page_route


def page_serve(request, path):
    """Wagtail's page view (its hooks, view restrictions and 404s), the
    address resolved from the cached route map."""
    page_route(request, path)
    return wagtail_views.serve(request, path)


@require_GET
def sitemap(request):
    """Every live, public page in every language, each with its translations
    as `xhtml:link` alternates (one query, whatever the number of pages)."""
    groups = []
    for pages in sitemap_pages():
        versions = [
            {
                "language": page.locale.language_code,
                "url": page.get_full_url(request),
                "lastmod": page.last_published_at,
            }
            for page in pages
        ]
        groups.append(versions)
    return render(
        request,
        "courses/sitemap.xml",
        {"groups": groups},
        content_type="application/xml; charset=utf-8",
    )
