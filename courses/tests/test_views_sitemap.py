"""/sitemap.xml lists every published page in every language with its alternates."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

from courses.models import LessonPage
from courses.tests import factories

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client) -> dict[str, set[tuple[str, str]]]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response, not untrusted input)
    return {
        url.find("s:loc", NS).text: {
            (link.get("hreflang"), link.get("href")) for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_every_live_page_in_every_language_is_listed(client, shared_courses, db):
    urls = sitemap(client)
    live = Page.objects.live().public().filter(depth__gt=1)
    assert len(urls) == live.count()
    for code, prefix in (("en", "courses"), ("nl", "cursussen"), ("fr", "cours"), ("de", "kurse")):
        assert f"http://localhost/{code}/{prefix}/robots/module-1/lesson-1-1/" in urls


def test_translations_are_linked_as_alternates(client, shared_courses, db):
    alternates = sitemap(client)["http://localhost/fr/cours/robots/"]
    assert alternates == {
        ("en", "http://localhost/en/courses/robots/"),
        ("nl", "http://localhost/nl/cursussen/robots/"),
        ("fr", "http://localhost/fr/cours/robots/"),
        ("de", "http://localhost/de/kurse/robots/"),
    }


def test_a_page_without_translations_has_no_alternates(client, shared_courses, db):
    assert sitemap(client)["http://localhost/en/courses/email/"] == set()


def test_unpublished_pages_are_left_out(client, db):
    module = factories.module(factories.course(factories.catalogue(), slug="c"), slug="m")
    draft = factories.lesson(module, slug="draft")
    LessonPage.objects.get(pk=draft.pk).unpublish()
    assert "http://localhost/en/courses/c/m/draft/" not in sitemap(client)


def test_the_sitemap_costs_the_same_queries_for_more_pages(
    client, db, django_assert_max_num_queries
):
    catalogue = factories.catalogue()
    factories.course_tree(catalogue, slug="a", modules=3, lessons=3)
    client.get("/sitemap.xml")
    with django_assert_max_num_queries(3):
        client.get("/sitemap.xml")
