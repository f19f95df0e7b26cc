"""A lesson picture on a 360 px phone (device pixel ratio 1): the browser
downloads the 360 px rendition, never the 1200 px one."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache

from courses.tests.test_blocks_images import picture
from lms.tests.content import course_tree

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def lesson(home_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Wagtail keeps renditions in the cache, which outlives a test's database
    # and media folder: a stale one would name a file that is not there.
    cache.clear()
    tree = course_tree(home_page)
    lesson = tree.lessons[0]
    lesson.body.append(("image", {"image": picture(), "alt": "The bank app asks for your code"}))
    lesson.save_revision().publish()
    return lesson


def _serve_media(route):
    """The live server serves no media (DEBUG is off): the files, from MEDIA_ROOT."""
    path = urlsplit(route.request.url).path.removeprefix(settings.MEDIA_URL)
    route.fulfill(path=str(Path(settings.MEDIA_ROOT) / path))


def test_a_phone_downloads_the_small_rendition(page, lesson):
    assert page.viewport_size == {"width": 360, "height": 740}
    page.route(f"**{settings.MEDIA_URL}**", _serve_media)
    downloaded: list[str] = []
    page.on(
        "response",
        lambda response: (
            downloaded.append(response.url) if response.request.resource_type == "image" else None
        ),
    )

    page.goto(lesson.url)
    image = page.locator("img.lesson-figure__img")
    image.wait_for()
    page.wait_for_function("document.querySelector('img.lesson-figure__img').complete")

    current = image.evaluate("img => img.currentSrc")
    assert re.search(r"\.max-360x270\.format-webp\.webp$", current), current
    assert image.evaluate("img => img.naturalWidth") == 360
    pictures = [url for url in downloaded if "/images/" in url]
    assert pictures == [current]
    assert not any("max-1200x900" in url for url in downloaded)
