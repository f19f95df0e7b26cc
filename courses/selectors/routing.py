"""Wagtail's routing from the cache: an address resolves to a page in one query.

Wagtail finds a page by walking the tree from the site's root, a query and a
`specific` query per level (ten for a lesson), plus the site, the active
locale and the view restrictions of the page and its ancestors. All of that
depends only on the published tree, the sites and the restrictions, so it is
kept per address under the page-tree version (`pages_version`), which is
renewed whenever any of them changes (courses/receivers.py): an entry is
never stale, only retired. The process keeps what it read from the shared
cache under the same version (`pages_local_*`), with the sites' root paths,
and the live page itself as it loaded it (`live_page_kept`) for at most
PAGE_CACHE_SECONDS, as long as an anonymous visitor may be served the cached
page: a publish, unpublish, move or delete renews the version at once and again
when it commits, so no page of an older tree is served after that commit; a
page made draft behind Wagtail's back (an UPDATE without its signals) is
refused once that time has passed, as the page cache refuses it.
"""

import functools
import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site
from wagtail.url_routing import RouteResult

from courses.selectors.catalogue import (
    live_page_kept,
    pages_local,
    pages_local_get,
    pages_local_put,
    pages_version,
)

ROUTE_TIMEOUT = 24 * 3600


def _route_key(request, path: str, version: str) -> str:
    host = split_domain_port(request._get_raw_host())[0]
    # The language picks the localised root (Wagtail's `localized`).
    address = f"{host}:{request.get_port()}:{get_language()}:{path}"
    return f"courses:route:{version}:{hashlib.sha256(address.encode()).hexdigest()}"


def page_route(request, path: str) -> RouteResult | None:
    """Wagtail's `Page.route_for_request`, from the cache when the address was
    resolved before under the same page tree: the site and the page's view
    restrictions come along (`restrictions_for_serve`), the page costs one
    query. Routes with arguments (routable pages) are not cached."""
    if getattr(request, "is_preview", False):
        return Page.route_for_request(request, path)
    version = pages_version()
    # The site's root paths (Wagtail's page addresses) under the same version.
    request._wagtail_cached_site_root_paths = pages_local(
        "site-root-paths", Site.get_site_root_paths
    )
    key = _route_key(request, path, version)
    entry = pages_local_get(version, key)
    if entry is None:
        entry = cache.get(key)
        if entry is not None:
            pages_local_put(version, key, entry)
    if entry is not None:
        site, page_id, content_type_id, restrictions = entry
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model and live_page_kept(version, page_id, lambda: _live_page(model, page_id))
        if page is not None:
            page._courses_view_restrictions = restrictions
            request._wagtail_site = site
            request._wagtail_route_for_request = RouteResult(page)
            return request._wagtail_route_for_request
    result = Page.route_for_request(request, path)
    if result is not None and not result.args and not result.kwargs:
        page = result.page
        restrictions = list(page.get_view_restrictions())
        page._courses_view_restrictions = restrictions
        entry = (request._wagtail_site, page.pk, page.content_type_id, restrictions)
        cache.set(key, entry, ROUTE_TIMEOUT)
        pages_local_put(version, key, entry)
        live_page_kept(version, page.pk, lambda: page)  # kept from the first visit
    return result


def _live_page(model, page_id: int) -> Page | None:
    # The page of every request, live only, with its locale, in one
    # statement written out for a page type that derives from Page directly
    # (the ORM's building of the same join cost several times its round trip).
    sql = _live_page_sql(model)
    if sql is None:
        return model._default_manager.select_related("locale").filter(pk=page_id, live=True).first()
    page = next(iter(model._default_manager.raw(sql, [page_id])), None)
    if page is not None:
        page.locale = Locale(pk=page.locale_id, language_code=page.locale_language_code)
    return page


@functools.cache
def _live_page_sql(model) -> str | None:
    # Table and column names from the models (each column named once, from
    # its own table); the page's id is the parameter.
    page = Page._meta
    if model is not Page and model._meta.get_parent_list() != [Page]:
        return None
    tables = {Page: "p", model: "c"}
    columns = ", ".join(
        f"{tables[f.model]}.{connection.ops.quote_name(f.column)}"
        for f in model._meta.concrete_fields
    )
    locale = Locale._meta
    language = connection.ops.quote_name(locale.get_field("language_code").column)
    joins = f" JOIN {locale.db_table} l ON l.id = p.locale_id"
    if model is not Page:
        link = model._meta.parents[Page].column
        joins = f" JOIN {model._meta.db_table} c ON c.{link} = p.id" + joins
    return (
        f"SELECT {columns}, l.{language} AS locale_language_code"  # noqa: S608
        f" FROM {page.db_table} p{joins} WHERE p.id = %s AND p.live"
    )
