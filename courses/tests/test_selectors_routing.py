"""Pages routed from the cached address map are served exactly as Wagtail
serves them: unpublished pages and drafts 404, view restrictions hold, a
change to the tree, the sites or the restrictions is seen at once."""

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from wagtail.models import PageViewRestriction, Site

from courses.models import CatalogPage, CoursePage, ModulePage
from courses.selectors.catalogue import pages_version
from courses.selectors.routing import page_route
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _without_page_cache(settings):
    # The routing is tested, not the anonymous page cache in front of it
    # (courses/tests/test_page_cache.py).
    settings.PAGE_CACHE_SECONDS = 0


def test_the_second_request_is_routed_from_the_cache(client, course, django_assert_num_queries):
    assert client.get(course.url).status_code == 200
    # The page (with its locale) only: no tree walk, no site, no restrictions.
    request = RequestFactory().get(course.url)
    with django_assert_num_queries(1):
        result = page_route(request, course.url.split("/", 2)[2])
    assert result.page.pk == course.pk
    assert type(result.page) is CoursePage
    assert result.page.locale.language_code == course.locale.language_code


def test_an_unpublished_page_is_gone_at_once(client, course):
    assert client.get(course.url).status_code == 200
    course.unpublish()
    assert client.get(course.url).status_code == 404


def test_a_page_made_draft_behind_wagtails_back_is_not_served(client, course):
    # No signal at all: the cached route still names the page, the live
    # check of the one query refuses it.
    url = course.url
    assert client.get(url).status_code == 200
    version = pages_version()
    CoursePage.objects.filter(pk=course.pk).update(live=False)
    assert pages_version() == version
    assert client.get(url).status_code == 404


def test_a_draft_child_is_not_routed(client, course):
    module = course.add_child(instance=ModulePage(title="M", slug="m", live=False))
    assert client.get(course.url + "m/").status_code == 404
    module.save_revision().publish()
    assert client.get(course.url + "m/").status_code == 200


def test_a_restriction_added_after_the_route_was_cached_is_enforced(client, course):
    assert client.get(course.url).status_code == 200
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(course.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(course.url).status_code == 200


def test_a_group_restriction_is_enforced_from_the_cache(client, course):
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.GROUPS
    )
    editors = Group.objects.create(name="Course readers")
    restriction.groups.add(editors)
    outsider, reader = UserFactory(), UserFactory()
    reader.groups.add(editors)
    client.force_login(outsider)
    # Wagtail sends a person outside the groups to sign in as someone else.
    assert client.get(course.url).status_code == 302
    assert client.get(course.url).status_code == 302  # now routed from the cache
    client.force_login(reader)
    assert client.get(course.url).status_code == 200
    restriction.delete()
    client.force_login(outsider)
    assert client.get(course.url).status_code == 200


def test_a_restriction_on_an_ancestor_covers_the_page(client, course):
    module = course.add_child(instance=ModulePage(title="M", slug="m"))
    module.save_revision().publish()
    url = module.url
    assert client.get(url).status_code == 200
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(url).status_code == 302


def test_a_site_change_retires_the_cached_routes(client, course):
    client.get(course.url)
    version = pages_version()
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Digiskills"
    site.save()
    assert pages_version() != version


def test_every_language_is_routed_to_its_own_page(client, home_page):
    for code in ("en", "nl", "fr", "de"):
        catalogue = CatalogPage.objects.get(locale__language_code=code)
        response = client.get(catalogue.url)
        assert response.status_code == 200
        assert response.context["page"].pk == catalogue.pk
        response = client.get(catalogue.url)
        assert response.context["page"].pk == catalogue.pk


def test_the_footer_shows_the_site_settings_as_soon_as_they_change(client, home_page):
    from courses.models.home import SiteSettings

    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    settings.contact_email = "first@digiskills.example"
    settings.save()
    assert "first@digiskills.example" in client.get("/en/").content.decode()
    settings.contact_email = "second@digiskills.example"
    settings.save()
    body = client.get("/en/").content.decode()
    assert "second@digiskills.example" in body
    assert "first@digiskills.example" not in body


# --- The live page kept by the process (for PAGE_CACHE_SECONDS at most) -----


@pytest.fixture
def kept_pages(settings, monkeypatch, client):
    """The process keeps pages for 300 s; the clock is the test's; the client
    is signed in (never served by the anonymous page cache)."""
    from courses.selectors import catalogue

    settings.PAGE_CACHE_SECONDS = 300
    client.force_login(UserFactory())
    clock = {"now": 1000.0}
    monkeypatch.setattr(catalogue.time, "monotonic", lambda: clock["now"])
    return clock


def test_a_kept_page_costs_no_query_and_each_request_gets_its_own_copy(
    client, course, kept_pages, django_assert_num_queries
):
    assert client.get(course.url).status_code == 200  # routed by Wagtail, then kept
    path = course.url.split("/", 2)[2]
    with django_assert_num_queries(0):
        first = page_route(RequestFactory().get(course.url), path).page
    first.something_of_this_request = "mine"
    second = page_route(RequestFactory().get(course.url), path).page
    assert second is not first and second.pk == course.pk
    assert not hasattr(second, "something_of_this_request")


def test_a_kept_page_unpublished_is_gone_at_once(client, course, kept_pages):
    assert client.get(course.url).status_code == 200
    assert client.get(course.url).status_code == 200
    course.unpublish()
    assert client.get(course.url).status_code == 404


def test_a_kept_page_shows_its_new_revision_at_once(client, course, kept_pages):
    assert "Renamed course" not in client.get(course.url).content.decode()
    course.title = "Renamed course"
    course.save_revision().publish()
    assert "Renamed course" in client.get(course.url).content.decode()


def test_a_page_made_draft_behind_wagtails_back_is_refused_when_its_time_is_up(
    client, course, kept_pages
):
    url = course.url
    assert client.get(url).status_code == 200  # kept at 1000.0 until 1300.0
    CoursePage.objects.filter(pk=course.pk).update(live=False)  # no signal
    kept_pages["now"] = 1299.999
    assert client.get(url).status_code == 200  # as the page cache would serve it
    kept_pages["now"] = 1300.0
    assert client.get(url).status_code == 404
