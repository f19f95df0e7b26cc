"""The pictures of picture passwords: twelve simple, distinct things a child
can name aloud. Each is drawn once from a few shapes on a 100 x 100 grid (y
down) and rendered two ways from the same list: inline SVG for the login page
and reportlab drawing operations for the printed login cards. No images.
"""

import math
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

# Shapes: ("circle", cx, cy, r, fill) | ("rect", x, y, w, h, fill) | ("poly", points, fill)


def _star_points(cx: float, cy: float, outer: float, inner: float, n: int = 5) -> list:
    points = []
    for i in range(2 * n):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi * i / n - math.pi / 2
        points.append(
            (round(cx + radius * math.cos(angle), 1), round(cy + radius * math.sin(angle), 1))
        )
    return points


def _sun() -> list:
    shapes = []
    for i in range(8):
        a = math.pi * i / 4
        tip = (50 + 44 * math.cos(a), 50 + 44 * math.sin(a))
        left = (50 + 28 * math.cos(a - 0.25), 50 + 28 * math.sin(a - 0.25))
        right = (50 + 28 * math.cos(a + 0.25), 50 + 28 * math.sin(a + 0.25))
        shapes.append(
            ("poly", [tuple(round(v, 1) for v in p) for p in (tip, left, right)], "#e08e00")
        )
    shapes.append(("circle", 50, 50, 24, "#f5b700"))
    return shapes


@dataclass(frozen=True)
class Picture:
    key: str
    name: object  # lazy translation
    shapes: tuple


PICTURES: tuple[Picture, ...] = (
    Picture("sun", _("sun"), tuple(_sun())),
    Picture(
        "moon",
        _("moon"),
        (("circle", 50, 50, 38, "#3d4f9f"), ("circle", 66, 40, 32, "#ffffff")),
    ),
    Picture("star", _("star"), (("poly", _star_points(50, 54, 46, 19), "#d4a000"),)),
    Picture(
        "tree",
        _("tree"),
        (
            ("rect", 43, 58, 14, 36, "#7a4a1e"),
            ("circle", 50, 38, 30, "#2e8b3a"),
        ),
    ),
    Picture(
        "flower",
        _("flower"),
        (
            ("rect", 47, 55, 6, 40, "#2e8b3a"),
            ("circle", 50, 20, 13, "#d63384"),
            ("circle", 30, 38, 13, "#d63384"),
            ("circle", 70, 38, 13, "#d63384"),
            ("circle", 38, 58, 13, "#d63384"),
            ("circle", 62, 58, 13, "#d63384"),
            ("circle", 50, 42, 11, "#f5b700"),
        ),
    ),
    Picture(
        "fish",
        _("fish"),
        (
            ("poly", [(8, 50), (40, 24), (72, 50), (40, 76)], "#1f7fbf"),
            ("poly", [(70, 50), (94, 28), (94, 72)], "#1f7fbf"),
            ("circle", 28, 45, 5, "#ffffff"),
        ),
    ),
    Picture(
        "apple",
        _("apple"),
        (
            ("circle", 50, 58, 34, "#c62828"),
            ("rect", 47, 12, 6, 18, "#5d3a1a"),
            ("poly", [(54, 22), (74, 10), (70, 26)], "#2e8b3a"),
        ),
    ),
    Picture(
        "house",
        _("house"),
        (
            ("rect", 20, 48, 60, 46, "#b5651d"),
            ("poly", [(10, 50), (50, 12), (90, 50)], "#8b1e1e"),
            ("rect", 43, 66, 14, 28, "#3b2412"),
        ),
    ),
    Picture(
        "car",
        _("car"),
        (
            ("rect", 6, 48, 88, 24, "#d84315"),
            ("poly", [(24, 48), (34, 28), (66, 28), (76, 48)], "#d84315"),
            ("circle", 26, 74, 10, "#222222"),
            ("circle", 74, 74, 10, "#222222"),
        ),
    ),
    Picture(
        "boat",
        _("boat"),
        (
            ("poly", [(8, 66), (92, 66), (76, 88), (24, 88)], "#6d4c41"),
            ("rect", 48, 10, 5, 56, "#3e2723"),
            ("poly", [(55, 14), (55, 60), (88, 60)], "#1565c0"),
        ),
    ),
    Picture(
        "heart",
        _("heart"),
        (
            ("circle", 32, 38, 22, "#e53935"),
            ("circle", 68, 38, 22, "#e53935"),
            ("poly", [(12, 46), (88, 46), (50, 90)], "#e53935"),
        ),
    ),
    Picture(
        "key",
        _("key"),
        (
            ("circle", 26, 50, 20, "#8d6e00"),
            ("circle", 26, 50, 9, "#ffffff"),
            ("rect", 44, 45, 48, 10, "#8d6e00"),
            ("rect", 70, 55, 8, 14, "#8d6e00"),
            ("rect", 84, 55, 8, 18, "#8d6e00"),
        ),
    ),
)

BY_KEY: dict[str, Picture] = {p.key: p for p in PICTURES}
PASSWORD_LENGTH = 3


def picture_svg(picture: Picture, *, size: int = 96, labelled: bool = True) -> SafeString:
    """The picture as inline SVG; labelled with its translated name for screen
    readers, or hidden from them when a visible label already names it."""
    parts = []
    for shape in picture.shapes:
        kind = shape[0]
        if kind == "circle":
            _k, cx, cy, r, fill = shape
            parts.append(format_html('<circle cx="{}" cy="{}" r="{}" fill="{}"/>', cx, cy, r, fill))
        elif kind == "rect":
            _k, x, y, w, h, fill = shape
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>', x, y, w, h, fill
                )
            )
        else:
            _k, points, fill = shape
            text = " ".join(f"{x},{y}" for x, y in points)
            parts.append(format_html('<polygon points="{}" fill="{}"/>', text, fill))
    body = format_html_join("", "{}", ((p,) for p in parts))
    if labelled:
        return format_html(
            '<svg viewBox="0 0 100 100" width="{}" height="{}" role="img" focusable="false">'
            '<title>{}</title><rect width="100" height="100" rx="12" fill="#ffffff"/>{}</svg>',
            size,
            size,
            picture.name,
            body,
        )
    return format_html(
        '<svg viewBox="0 0 100 100" width="{}" height="{}" aria-hidden="true" focusable="false">'
        '<rect width="100" height="100" rx="12" fill="#ffffff"/>{}</svg>',
        size,
        size,
        body,
    )


def picture_draw(canvas, picture: Picture, *, x: float, y: float, size: float) -> None:
    """Draw the picture on a reportlab canvas with its lower left corner at (x, y)."""
    from reportlab.lib.colors import HexColor

    scale = size / 100

    def px(vx: float) -> float:
        return x + vx * scale

    def py(vy: float) -> float:
        return y + (100 - vy) * scale

    canvas.saveState()
    canvas.setStrokeColor(HexColor("#8a96a3"))
    canvas.setFillColor(HexColor("#ffffff"))
    canvas.roundRect(x, y, size, size, 6 * scale, stroke=1, fill=1)
    for shape in picture.shapes:
        kind = shape[0]
        canvas.setFillColor(HexColor(shape[-1]))
        if kind == "circle":
            _k, cx, cy, r, _f = shape
            canvas.circle(px(cx), py(cy), r * scale, stroke=0, fill=1)
        elif kind == "rect":
            _k, rx, ry, w, h, _f = shape
            canvas.rect(px(rx), py(ry + h), w * scale, h * scale, stroke=0, fill=1)
        else:
            _k, points, _f = shape
            path = canvas.beginPath()
            path.moveTo(px(points[0][0]), py(points[0][1]))
            for vx, vy in points[1:]:
                path.lineTo(px(vx), py(vy))
            path.close()
            canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
