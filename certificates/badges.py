"""The badge printed on a certificate: a rosette per track, drawn with vector
operations on the canvas (no image file, nothing fetched, sharp at any print
size). No text in it: the words of the certificate stay in its fields."""

from math import cos, pi, sin

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

WHITE = HexColor("#ffffff")
# Track -> (ring, inner disc). Dark enough for white symbols (contrast > 4.5:1).
COLOURS = {
    "security": (HexColor("#0b5cad"), HexColor("#08457f")),
    "basic": (HexColor("#1f7a4d"), HexColor("#155c39")),
    "kids": (HexColor("#b4451b"), HexColor("#8a3414")),
}
DEFAULT = (HexColor("#4a5560"), HexColor("#343c44"))


def _shield(canvas: Canvas, cx: float, cy: float, r: float) -> None:
    """A shield with a tick: safe online."""
    path = canvas.beginPath()
    path.moveTo(cx, cy + r)
    path.lineTo(cx + 0.8 * r, cy + 0.7 * r)
    path.curveTo(cx + 0.8 * r, cy - 0.2 * r, cx + 0.45 * r, cy - 0.75 * r, cx, cy - r)
    path.curveTo(
        cx - 0.45 * r, cy - 0.75 * r, cx - 0.8 * r, cy - 0.2 * r, cx - 0.8 * r, cy + 0.7 * r
    )
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.setLineWidth(r * 0.16)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    tick = canvas.beginPath()
    tick.moveTo(cx - 0.38 * r, cy + 0.02 * r)
    tick.lineTo(cx - 0.08 * r, cy - 0.3 * r)
    tick.lineTo(cx + 0.42 * r, cy + 0.35 * r)
    canvas.drawPath(tick, stroke=1, fill=0)


def _screen(canvas: Canvas, cx: float, cy: float, r: float, inner) -> None:
    """A screen with a pointer: basic digital skills."""
    canvas.roundRect(cx - 0.9 * r, cy - 0.35 * r, 1.8 * r, 1.2 * r, 0.12 * r, stroke=0, fill=1)
    canvas.rect(cx - 0.12 * r, cy - 0.65 * r, 0.24 * r, 0.32 * r, stroke=0, fill=1)
    canvas.rect(cx - 0.5 * r, cy - 0.78 * r, r, 0.14 * r, stroke=0, fill=1)
    canvas.setFillColor(inner)
    arrow = canvas.beginPath()
    x, y = cx - 0.1 * r, cy + 0.6 * r
    arrow.moveTo(x, y)
    arrow.lineTo(x, y - 0.75 * r)
    arrow.lineTo(x + 0.2 * r, y - 0.56 * r)
    arrow.lineTo(x + 0.34 * r, y - 0.82 * r)
    arrow.lineTo(x + 0.46 * r, y - 0.76 * r)
    arrow.lineTo(x + 0.32 * r, y - 0.5 * r)
    arrow.lineTo(x + 0.56 * r, y - 0.5 * r)
    arrow.close()
    canvas.drawPath(arrow, stroke=0, fill=1)


def _blocks(canvas: Canvas, cx: float, cy: float, r: float) -> None:
    """Stacked puzzle blocks: coding for kids."""
    width, height = 1.3 * r, 0.42 * r
    for index, offset in enumerate((-0.3, 0.05, -0.15)):
        bottom = cy - 0.8 * r + index * (height + 0.12 * r)
        left = cx - width / 2 + offset * r
        canvas.roundRect(left, bottom, width, height, 0.08 * r, stroke=0, fill=1)
        # The notch that joins one block to the next.
        canvas.rect(left + 0.2 * r, bottom + height - 0.01 * r, 0.3 * r, 0.1 * r, stroke=0, fill=1)


def _polygon_star(
    canvas: Canvas, cx: float, cy: float, *, outer: float, inner: float, points: int, turn: float
) -> None:
    """A filled star of `points` points, alternating `outer` and `inner` radii,
    the first point at angle `turn` (radians)."""
    path = canvas.beginPath()
    for corner in range(2 * points):
        radius = outer if corner % 2 == 0 else inner
        angle = turn + corner * pi / points
        x, y = cx + radius * cos(angle), cy + radius * sin(angle)
        if corner == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _star(canvas: Canvas, cx: float, cy: float, r: float) -> None:
    _polygon_star(canvas, cx, cy, outer=r, inner=r * 0.45, points=5, turn=pi / 2)


def badge_draw(canvas: Canvas, track: str, *, x: float, y: float, size: float) -> None:
    """The track's badge in a `size` square with its lower left corner at (x, y):
    two ribbon tails, a notched ring and a symbol on a disc."""
    ring, inner = COLOURS.get(track, DEFAULT)
    cx, cy = x + size / 2, y + size * 0.58
    radius = size * 0.4
    canvas.saveState()
    # Ribbon tails behind the rosette.
    canvas.setFillColor(inner)
    for side in (-1, 1):
        tail = canvas.beginPath()
        tail.moveTo(cx + side * 0.05 * size, cy)
        tail.lineTo(cx + side * 0.32 * size, y)
        tail.lineTo(cx + side * 0.2 * size, y + 0.06 * size)
        tail.lineTo(cx + side * 0.1 * size, y)
        tail.lineTo(cx - side * 0.12 * size, cy)
        tail.close()
        canvas.drawPath(tail, stroke=0, fill=1)
    # A ring with sixteen notches, like a seal of wax.
    canvas.setFillColor(ring)
    _polygon_star(canvas, cx, cy, outer=radius, inner=radius * 0.9, points=16, turn=0)
    canvas.setFillColor(WHITE)
    canvas.circle(cx, cy, radius * 0.78, stroke=0, fill=1)
    canvas.setFillColor(inner)
    canvas.circle(cx, cy, radius * 0.7, stroke=0, fill=1)
    symbol = radius * 0.42
    canvas.setFillColor(WHITE)
    canvas.setStrokeColor(inner)
    if track == "security":
        _shield(canvas, cx, cy, symbol)
    elif track == "basic":
        _screen(canvas, cx, cy, symbol, inner)
    elif track == "kids":
        _blocks(canvas, cx, cy, symbol)
    else:
        _star(canvas, cx, cy, symbol)
    canvas.restoreState()
