"""Lesson pictures in the size the screen needs: every image block is an
<img> with renditions of 360, 720 and 1200 px in a srcset, its width and
height (no layout shift), lazy loading after the first picture, async decoding
and its alt text."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from lms.tests.content import course_tree

pytestmark = pytest.mark.django_db


def picture(title: str = "Bank app", size=(1600, 900)):
    """A real PNG (a gradient, so that renditions differ), stored as a Wagtail image."""
    buffer = io.BytesIO()
    drawing = PillowImage.linear_gradient("L").resize(size).convert("RGB")
    drawing.save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.png")
    )


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def pictured_lesson(home_page, media_root):
    tree = course_tree(home_page)
    lesson = tree.lessons[0]
    lesson.body.append(("image", {"image": picture(), "alt": "The bank app asks for your code"}))
    lesson.body.append(
        ("image", {"image": picture("Second", (800, 600)), "alt": "A second picture"})
    )
    lesson.save_revision().publish()
    return lesson


def _images(html: str) -> list[str]:
    return re.findall(r'<img [^>]*class="lesson-figure__img"[^>]*>', html)


def _attr(tag: str, name: str) -> str | None:
    match = re.search(rf' {name}="([^"]*)"', tag)
    return match.group(1) if match else None


def test_an_image_block_offers_360_720_and_1200_px_renditions(client, pictured_lesson):
    html = client.get(pictured_lesson.url).content.decode()

    first = _images(html)[0]
    candidates = [item.strip().rsplit(" ", 1) for item in _attr(first, "srcset").split(",")]
    assert [width for _url, width in candidates] == ["1200w", "720w", "360w"]
    assert all(url.endswith(".webp") for url, _width in candidates)
    assert _attr(first, "sizes") == "(min-width: 72rem) 72rem, 100vw"
    # The fallback is the largest rendition: its size is the picture's shape.
    assert (_attr(first, "width"), _attr(first, "height")) == ("1200", "675")
    assert _attr(first, "src") == candidates[0][0]
    assert _attr(first, "alt") == "The bank app asks for your code"
    assert _attr(first, "decoding") == "async"


def test_only_the_first_picture_loads_at_once(client, pictured_lesson):
    html = client.get(pictured_lesson.url).content.decode()

    first, second = _images(html)
    assert _attr(first, "loading") == "eager"
    assert _attr(second, "loading") == "lazy"
    assert _attr(second, "decoding") == "async"


def test_a_small_picture_is_never_enlarged(client, pictured_lesson):
    html = client.get(pictured_lesson.url).content.decode()

    second = _images(html)[1]
    widths = [item.strip().rsplit(" ", 1)[1] for item in _attr(second, "srcset").split(",")]
    assert widths == ["800w", "720w", "360w"]
    assert (_attr(second, "width"), _attr(second, "height")) == ("800", "600")
