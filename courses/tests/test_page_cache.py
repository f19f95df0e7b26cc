"""Anonymous pages from the shared cache (courses/page_cache.py): served again
without the database, retired by any change to the published tree in every
language, and never holding anything personal."""

import gzip
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import Client
from wagtail.models import Locale

from courses.models import CatalogPage, CoursePage, LessonPage, ModulePage
from courses.tests import factories
from lms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ("nl", "fr", "de", "en")


@pytest.fixture
def courses(shared_courses, db):
    return shared_courses


def _course(code: str, slug: str = "phishing") -> CoursePage:
    return CoursePage.objects.get(slug=slug, locale__language_code=code)


def _get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response


def test_a_second_anonymous_request_is_served_from_the_cache_without_the_database(
    client, courses, django_assert_num_queries
):
    first = _get(client, "/en/courses/phishing/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = _get(Client(), "/en/courses/phishing/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "en"


def test_cached_pages_say_public_with_a_shared_max_age_and_vary_on_cookie(
    client, courses, settings
):
    settings.PAGE_CACHE_SECONDS = 120
    settings.PAGE_CACHE_BROWSER_SECONDS = 30
    for response in (_get(client, "/en/"), _get(client, "/en/")):
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert cache_control == {"public", "max-age=30", "s-maxage=120"}
        assert "Cookie" in response["Vary"]


def test_every_kind_of_page_is_cached(client, courses):
    lesson = LessonPage.objects.filter(locale__language_code="fr").first()
    module = ModulePage.objects.filter(locale__language_code="de").first()
    urls = ["/nl/", "/en/courses/", _course("fr").url, module.url, lesson.url]
    for url in urls:
        assert _get(client, url)["X-Page-Cache"] == "miss", url
        assert _get(client, url)["X-Page-Cache"] == "hit", url


def _cache_in_every_language(client, slug="phishing"):
    urls = {code: _course(code, slug).url for code in LANGUAGES}
    for code, url in urls.items():
        _get(client, url)
        assert _get(client, url)["X-Page-Cache"] == "hit", code
    return urls


def test_publishing_a_course_change_retires_its_page_in_every_language(
    client, courses, django_capture_on_commit_callbacks
):
    urls = _cache_in_every_language(client)
    course = _course("en")
    course.summary = "Spot the fake bank e-mail before it spots you."
    with django_capture_on_commit_callbacks(execute=True):
        course.save_revision().publish()
    for code, url in urls.items():
        response = _get(client, url)
        assert response["X-Page-Cache"] == "miss", code
    assert "Spot the fake bank e-mail" in _get(client, urls["en"]).content.decode()
    # The catalogue lists it: retired too.
    assert "Spot the fake bank e-mail" in _get(client, "/en/courses/").content.decode()


def test_unpublishing_retires_the_cached_page(client, courses):
    url = _course("en", "email").url
    _get(client, url)
    assert "First steps with e-mail" in _get(client, "/en/courses/").content.decode()
    _course("en", "email").unpublish()
    assert client.get(url).status_code == 404
    assert "First steps with e-mail" not in _get(client, "/en/courses/").content.decode()


def test_moving_a_page_retires_the_cached_pages(client, courses):
    module = ModulePage.objects.child_of(_course("en", "email")).get()
    lesson = factories.lesson(module, slug="moving-lesson")
    old_url = lesson.url
    _get(client, old_url)
    assert _get(client, old_url)["X-Page-Cache"] == "hit"
    lesson.move(ModulePage.objects.child_of(_course("en", "robots")).get(), pos="last-child")
    # Wagtail leaves a redirect at the old address (never cached).
    moved = client.get(old_url)
    assert moved.status_code == 301
    assert moved["Location"] == LessonPage.objects.get(pk=lesson.pk).url
    assert _get(client, LessonPage.objects.get(pk=lesson.pk).url)["X-Page-Cache"] == "miss"


def test_publishing_a_translation_retires_the_cached_pages(client, courses):
    email = _course("en", "email")
    french_catalogue = CatalogPage.objects.get(locale__language_code="fr").url
    before = _get(client, french_catalogue).content.decode()
    assert _get(client, french_catalogue)["X-Page-Cache"] == "hit"
    french = email.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Premiers pas avec l'e-mail"
    french.save_revision().publish()
    after = _get(client, french_catalogue)
    assert after["X-Page-Cache"] == "miss"
    assert "Premiers pas avec l&#x27;e-mail" in after.content.decode()
    assert "Premiers pas" not in before


def _greeting(page, request, serve_args, serve_kwargs):
    # No page template greets people by name yet: this one does, as one may.
    response = page.serve(request, *serve_args, **serve_kwargs)
    response.render()
    if request.user.is_authenticated:
        greeting = f"<p>Hello {request.user.display_name}</p></main>".encode()
        response.content = response.content.replace(b"</main>", greeting)
    return response


def test_a_signed_in_learners_name_never_reaches_an_anonymous_visitor(client, courses):
    from wagtail import hooks

    url = _course("en").url
    learner = UserFactory(display_name="Zoë Vandenbroucke-Uniquename")
    client.force_login(learner)
    with hooks.register_temporarily("before_serve_page", _greeting):
        signed_in = _get(client, url)
        page = signed_in.content.decode()
        assert "Zoë Vandenbroucke-Uniquename" in page
        assert "Sign out" in page and "csrfmiddlewaretoken" in page
        assert signed_in["X-Page-Cache"] == "skip"
        assert "private" in signed_in["Cache-Control"]
        client.logout()
        anonymous = _get(client, url)
    assert anonymous["X-Page-Cache"] == "miss"  # the signed-in page was not stored
    page = anonymous.content.decode()
    assert "Zoë Vandenbroucke-Uniquename" not in page
    assert "Sign out" not in page and "csrfmiddlewaretoken" not in page
    assert "Sign in to enrol" in page
    assert "Zoë" not in _get(Client(), url).content.decode()


def test_a_request_with_a_session_never_gets_a_cached_page(client, courses):
    url = _course("en").url
    _get(client, url)
    assert _get(client, url)["X-Page-Cache"] == "hit"
    learner = UserFactory()
    signed_in = Client()
    signed_in.force_login(learner)
    assert _get(signed_in, url)["X-Page-Cache"] == "skip"
    # Any session cookie, even one that is no longer valid.
    stale = Client()
    stale.cookies["sessionid"] = "not-a-session"
    assert _get(stale, url)["X-Page-Cache"] == "skip"
    # A pending message lives in a cookie: the page is rendered anew to show it.
    with_message = Client()
    with_message.cookies["messages"] = "x"
    assert _get(with_message, url)["X-Page-Cache"] == "skip"


def test_harmless_cookies_still_get_the_cached_page(client, courses):
    _get(client, "/en/")
    visitor = Client()
    visitor.cookies["django_language"] = "fr"
    visitor.cookies["csrftoken"] = "x" * 32
    assert _get(visitor, "/en/")["X-Page-Cache"] == "hit"


def test_a_response_that_sets_a_cookie_is_not_stored(client, courses):
    from wagtail import hooks

    def set_a_cookie(page, request, serve_args, serve_kwargs):
        response = page.serve(request, *serve_args, **serve_kwargs)
        response.set_cookie("chosen", "1")
        return response

    with hooks.register_temporarily("before_serve_page", set_a_cookie):
        first = _get(client, "/en/")
        assert first.cookies["chosen"].value == "1"
        assert first["X-Page-Cache"] == "skip"
    assert _get(Client(), "/en/")["X-Page-Cache"] == "miss"


def test_a_page_marked_private_or_uncacheable_is_not_stored(client, courses):
    from wagtail import hooks

    from courses.page_cache import page_cache_refuse

    def private(page, request, serve_args, serve_kwargs):
        response = page.serve(request, *serve_args, **serve_kwargs)
        response["Cache-Control"] = "private"
        return response

    def refuse(page, request, serve_args, serve_kwargs):
        page_cache_refuse(request)

    for hook in (private, refuse):
        with hooks.register_temporarily("before_serve_page", hook):
            assert _get(Client(), "/en/")["X-Page-Cache"] == "skip"
        assert _get(Client(), "/en/")["X-Page-Cache"] == "miss"
        _get(Client(), "/en/")
        # Make the next round start from an empty cache again.
        from courses.selectors.catalogue import pages_version_renew

        pages_version_renew()


def test_filters_in_any_order_are_one_page_but_other_filters_another(client, courses):
    catalogue = "/en/courses/"
    _get(client, f"{catalogue}?track=security&audience=adults")
    assert _get(client, f"{catalogue}?audience=adults&track=security")["X-Page-Cache"] == "hit"
    kids = _get(client, f"{catalogue}?track=kids")
    assert kids["X-Page-Cache"] == "miss"
    assert "Robot puzzles" in kids.content.decode() or "robots" in kids.content.decode()
    assert "Learn to recognise fake e-mails." not in kids.content.decode()


def test_not_found_is_not_cached(client, courses):
    assert client.get("/en/courses/no-such-course/").status_code == 404
    assert "X-Page-Cache" not in client.get("/en/courses/no-such-course/")


def test_head_is_served_from_the_cache(client, courses):
    _get(client, "/en/")
    response = client.head("/en/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""


def test_a_post_is_never_answered_from_the_cache(client, courses):
    _get(client, "/en/")
    assert client.post("/en/").get("X-Page-Cache") != "hit"


def test_the_page_cache_can_be_switched_off(client, courses, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        assert _get(client, "/en/")["X-Page-Cache"] == "skip"


def test_site_settings_shown_in_pages_retire_the_cache(client, courses):
    from wagtail.models import Site

    from courses.models import SiteSettings

    _get(client, "/en/")
    contact = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    contact.helpline_phone = "02 555 01 99"
    contact.save()
    response = _get(client, "/en/")
    assert response["X-Page-Cache"] == "miss"
    assert "02 555 01 99" in response.content.decode()


def test_the_language_switcher_needs_no_token(courses):
    client = Client(enforce_csrf_checks=True)
    html = _get(client, "/nl/").content.decode()
    assert "csrfmiddlewaretoken" not in html
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/fr/"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/"
    # Django still refuses to send anyone off the site.
    away = client.post("/i18n/setlang/", {"language": "fr", "next": "https://evil.example/"})
    assert away["Location"] == "/"


# --- Compression -------------------------------------------------------------


def test_a_page_asked_for_with_gzip_comes_back_gzipped(client, courses):
    plain = _get(client, "/en/courses/")
    assert "Content-Encoding" not in plain
    zipped = _get(Client(), "/en/courses/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert zipped["Content-Encoding"] == "gzip"
    assert zipped["X-Page-Cache"] == "hit"
    assert "Accept-Encoding" in zipped["Vary"] and "Cookie" in zipped["Vary"]
    assert gzip.decompress(zipped.content) == plain.content
    assert len(zipped.content) < len(plain.content) / 3


def test_images_and_pdfs_are_not_compressed_again():
    from django.http import HttpResponse
    from django.test import RequestFactory

    from config.compression import TextGZipMiddleware

    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip")
    for content_type, compressed in (
        ("application/pdf", False),
        ("image/png", False),
        ("application/json", True),
    ):
        middleware = TextGZipMiddleware(
            lambda r, content_type=content_type: HttpResponse(b"a" * 500, content_type=content_type)
        )
        assert middleware(request).has_header("Content-Encoding") is compressed, content_type


# --- A CDN or Varnish in front ----------------------------------------------


class _PurgeRecorder(BaseHTTPRequestHandler):
    received: list[tuple[str, str]] = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purger(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PurgeRecorder)
    _PurgeRecorder.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield _PurgeRecorder.received
    server.shutdown()
    server.server_close()


def test_a_publish_sends_the_purge_for_every_languages_address(
    courses, purger, django_capture_on_commit_callbacks
):
    course = _course("en")
    course.summary = "New summary."
    with django_capture_on_commit_callbacks(execute=True):
        course.save_revision().publish()
    paths = {path for _host, path in purger}
    for code in LANGUAGES:
        assert _course(code).url in paths, code
        assert CatalogPage.objects.get(locale__language_code=code).url in paths, code
        assert f"/{code}/" in paths, code
    assert {host for host, _path in purger} == {"localhost"}


def test_the_other_languages_are_purged_only_after_the_commit(
    courses, purger, django_capture_on_commit_callbacks
):
    course = _course("en")
    with django_capture_on_commit_callbacks(execute=False):
        course.save_revision().publish()
    # Only Wagtail's own purge of the page itself, sent as it publishes.
    assert [path for _host, path in purger] == [course.url]
