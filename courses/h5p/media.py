"""What `content/` may hold: media and JSON, checked by extension AND by the
bytes themselves, so a script renamed to .png is refused as well."""

import json

from courses.h5p.errors import PackageRefused

SCRIPT = {"js", "mjs", "cjs", "jsx", "ts", "wasm", "php", "py", "sh", "exe", "jar", "swf"}
HTML = {"html", "htm", "xhtml", "xht", "shtml", "xml", "xsl", "xslt", "mht", "mhtml"}
SVG = {"svg", "svgz"}
FONT = {"woff", "woff2", "ttf", "otf", "eot"}


def _png(head: bytes) -> bool:
    return head.startswith(b"\x89PNG\r\n\x1a\n")


def _jpeg(head: bytes) -> bool:
    return head.startswith(b"\xff\xd8\xff")


def _gif(head: bytes) -> bool:
    return head[:6] in (b"GIF87a", b"GIF89a")


def _webp(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def _wav(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WAVE"


def _mp3(head: bytes) -> bool:
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def _iso_media(head: bytes) -> bool:
    return head[4:8] == b"ftyp"


def _ogg(head: bytes) -> bool:
    return head.startswith(b"OggS")


def _webm(head: bytes) -> bool:
    return head.startswith(b"\x1a\x45\xdf\xa3")


def _vtt(head: bytes) -> bool:
    return head.removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT")


# extension -> (content type served later, check of the first bytes)
ALLOWED = {
    "png": ("image/png", _png),
    "jpg": ("image/jpeg", _jpeg),
    "jpeg": ("image/jpeg", _jpeg),
    "gif": ("image/gif", _gif),
    "webp": ("image/webp", _webp),
    "mp3": ("audio/mpeg", _mp3),
    "m4a": ("audio/mp4", _iso_media),
    "wav": ("audio/wav", _wav),
    "ogg": ("audio/ogg", _ogg),
    "oga": ("audio/ogg", _ogg),
    "ogv": ("video/ogg", _ogg),
    "mp4": ("video/mp4", _iso_media),
    "webm": ("video/webm", _webm),
    "vtt": ("text/vtt", _vtt),
    "json": ("application/json", None),
}
HEAD_BYTES = 32


def extension_of(name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def check_extension(name: str) -> str:
    """Refuse a content file by its name alone; return its content type."""
    extension = extension_of(name)
    if extension in SCRIPT:
        raise PackageRefused("content_script", name=name)
    if extension in HTML:
        raise PackageRefused("content_html", name=name)
    if extension in SVG:
        raise PackageRefused("content_svg", name=name)
    if extension in FONT:
        raise PackageRefused("content_font", name=name)
    if extension not in ALLOWED:
        raise PackageRefused("content_type", name=name, allowed=", ".join(sorted(ALLOWED)))
    return ALLOWED[extension][0]


def check_bytes(name: str, head: bytes) -> None:
    """Refuse a media file whose first bytes are not what its extension says."""
    extension = extension_of(name)
    check = ALLOWED[extension][1]
    if check is not None and not check(head):
        raise PackageRefused("content_mismatch", name=name, extension=extension)


def _depth(value: object) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(item, dict):
            stack.extend((child, level + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, level + 1) for child in item)
    return deepest


def parse_json(name: str, data: bytes, *, max_depth: int = 64) -> object:
    """The parsed document; refused when it is not UTF-8 JSON or nests deeper
    than any content type needs (the walkers after this one recurse)."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise PackageRefused("bad_json", name=name, line=1, column=1) from None
    except json.JSONDecodeError as error:
        raise PackageRefused("bad_json", name=name, line=error.lineno, column=error.colno) from None
    except RecursionError:
        raise PackageRefused("json_too_deep", name=name, limit=max_depth) from None
    if _depth(value) > max_depth:
        raise PackageRefused("json_too_deep", name=name, limit=max_depth)
    return value
