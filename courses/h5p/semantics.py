"""Content parameters checked against a library's semantics, as H5P core's
content validator (`H5PContentValidator` in h5p-php-library) does it, in our
own code: pyh5p's validator refuses real h5p.org exports (it does not flatten
one-field groups as core stores them, and its `Semantics.from_json` rejects
DragQuestion's real semantics.json), so it is no longer used for parameters.

Where core silently blanks a value of the wrong type, this refuses it
(`parameters_invalid`, naming the first problem's JSON path): such a value
was not written by H5P's editor, and losing it quietly helps nobody. Where
core cleans (tags, attributes, escaping, unknown keys, bounds), this cleans
the same way and returns the cleaned copy.
"""

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape as html_escape
from html.entities import html5, name2codepoint
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from courses.h5p.errors import PackageRefused

FIELD_TYPES = {
    "text",
    "number",
    "boolean",
    "list",
    "group",
    "file",
    "image",
    "video",
    "audio",
    "select",
    "library",
}
_LIBRARY_NAME = re.compile(r"^([A-Za-z][A-Za-z0-9._-]*) (\d+)\.(\d+)$")
_SUB_CONTENT_ID = re.compile(
    r"^\{?[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}\}?$"
)
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_MIME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$")

# Sites whose videos play only through the site's own player code.
HOSTED_PLAYERS = (
    "youtube.com",
    "youtu.be",
    "youtube-nocookie.com",
    "vimeo.com",
    "dailymotion.com",
    "dai.ly",
    "panopto.com",
    "panopto.eu",
    "wistia.com",
    "wistia.net",
    "kaltura.com",
    "brightcove.net",
    "twitch.tv",
    "facebook.com",
    "tiktok.com",
)
MEDIA_EXTENSIONS = {"mp4", "m4v", "webm", "ogv", "ogg", "oga", "mp3", "m4a", "wav", "aac"}

# Never kept, even where a library's semantics would list them: they run code,
# load pages or submit data, which no text of a content needs.
_NEVER = {
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "link",
    "meta",
    "base",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "template",
    "noscript",
}
# Tags that may carry a filtered style attribute (core's list).
_STYLEABLE = {"span", "p", "div", "h1", "h2", "h3", "table", "col", "figure", "td", "th", "li"}
_COLOUR = r"(#[a-f0-9]{3}[a-f0-9]{3}?|rgba?\([0-9, ]+\)|hsla?\([0-9,.% ]+\))"
_BORDERS = "(none|solid|dotted|dashed|double|groove|ridge|inset|outset)"
_FONT_STYLES = {
    "size": r"font-size: *[0-9.]+(em|px|%) *;?",
    "family": r"font-family: *[-a-z0-9,'&; ]+;?",
    "color": rf"color: *{_COLOUR} *;?",
    "background": rf"background-color: *{_COLOUR} *;?",
    "spacing": r"letter-spacing: *[0-9.]+(em|px|%) *;?",
    "height": r"line-height: *[0-9.]+(em|px|%|) *;?",
}
_TABLE_STYLES = (
    rf"border: *[0-9.]+(em|px|%|) *{_BORDERS} *{_COLOUR} *;?",
    rf"border-style: *{_BORDERS} *;?",
    r"border-width: *[0-9.]+(em|px|%|) *;?",
    rf"border-color: *{_COLOUR} *;?",
    r"vertical-align: *(middle|top|bottom);?",
    r"padding: *[0-9.]+(em|px|%|) *;?",
    r"width: *[0-9.]+(em|px|%|) *;?",
    r"height: *[0-9.]+(em|px|%|) *;?",
    r"float: *(right|left|none) *;?",
    r"border-collapse: *collapse *;?",
    rf"background-color: *{_COLOUR} *;?",
)
_ALIGN_STYLE = r"text-align: *(center|left|right);?"
# Core keeps every attribute but on* and style; this keeps a known list (what
# H5P's CKEditor writes), so no attribute unknown today can carry a script.
_ATTRIBUTES = {
    "href",
    "target",
    "rel",
    "title",
    "alt",
    "lang",
    "dir",
    "class",
    "colspan",
    "rowspan",
    "scope",
    "headers",
    "abbr",
    "border",
    "cellpadding",
    "cellspacing",
    "summary",
    "width",
    "height",
    "style",
}
_URL_ATTRIBUTES = {"href"}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}
_TARGETS = {"_blank", "_self", "_parent", "_top"}
_COPYRIGHT_KEYS = ("title", "author", "year", "source", "license", "version")
_METADATA_TEXT = (
    "title",
    "a11yTitle",
    "license",
    "licenseVersion",
    "yearFrom",
    "yearTo",
    "source",
    "licenseExtras",
    "authorComments",
    "contentType",
    "defaultLanguage",
    "extraTitle",
)


@dataclass(frozen=True)
class LibraryInfo:
    """What validation needs of an installed library: its library.json and
    semantics.json, as parsed JSON."""

    machine_name: str
    major: int
    minor: int
    patch: int
    metadata: dict
    semantics: list

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.machine_name, self.major, self.minor)

    @property
    def label(self) -> str:
        return f"{self.machine_name} {self.major}.{self.minor}"


# Installed libraries by (machine name, major, minor): a plain dict will do.
Libraries = Mapping[tuple[str, int, int], LibraryInfo]


@dataclass
class CheckedParameters:
    """The cleaned parameters and what they refer to."""

    parameters: dict
    media: list[str] = field(default_factory=list)  # paths relative to content/
    external: list[str] = field(default_factory=list)  # https:// video/audio files
    libraries: list[tuple[str, int, int]] = field(default_factory=list)  # in library fields


class _Invalid(Exception):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


# --- the semantics document ---------------------------------------------------


def semantics_check(semantics: Any, *, name: str = "semantics.json") -> None:
    """Refuse a semantics.json that validation could not walk: a list of field
    objects, each with a known type and what that type needs. Replaces pyh5p's
    `Semantics.from_json(...).root()`, which demands a name on a list's item
    field too (TypeError "semantic field is missing a string name"), where
    H5P core never reads one: DragQuestion's real semantics have none."""

    def refuse() -> None:
        raise PackageRefused("library_json_invalid", name=name, field="semantics.json")

    def check_fields(fields: Any) -> None:
        if not isinstance(fields, list):
            refuse()
        for item in fields:
            check_field(item, named=True)

    def check_field(item: Any, *, named: bool) -> None:
        if not isinstance(item, dict) or item.get("type") not in FIELD_TYPES:
            refuse()
        if named and not isinstance(item.get("name"), str):
            refuse()
        kind = item["type"]
        if kind == "group":
            check_fields(item.get("fields"))
        elif kind == "list":
            check_field(item.get("field"), named=False)
        elif kind == "library":
            options = item.get("options")
            if not isinstance(options, list) or not all(
                isinstance(option, str)
                or (isinstance(option, dict) and isinstance(option.get("name"), str))
                for option in options
            ):
                refuse()
        elif kind == "select" and not isinstance(item.get("options", []), list):
            refuse()
        if kind == "text" and not isinstance(item.get("tags", []), list):
            refuse()

    check_fields(semantics)


# --- text ---------------------------------------------------------------------


def escape_text(value: str) -> str:
    """As core's htmlspecialchars(ENT_QUOTES, double_encode=false): escape,
    but leave entities already written alone, so nothing is escaped twice."""
    parts = []
    position = 0
    for match in _ENTITY.finditer(value):
        parts.append(html_escape(value[position : match.start()], quote=True))
        parts.append(match.group(0))
        position = match.end()
    parts.append(html_escape(value[position:], quote=True))
    return "".join(parts).replace("&#x27;", "&#039;")


def allowed_tags(semantics: dict) -> set[str]:
    """The tags a text field allows: its `tags`, core's four defaults, and the
    tags core derives from them (table parts, strong for b, em for i, ...)."""
    tags = {"div", "span", "p", "br"} | {str(tag).lower() for tag in semantics.get("tags") or []}
    if "table" in tags:
        tags |= {"tr", "td", "th", "colgroup", "col", "thead", "tbody", "tfoot"}
        tags |= {"figure", "figcaption"}
    if "b" in tags:
        tags.add("strong")
    if "i" in tags:
        tags.add("em")
    if tags & {"ul", "ol"}:
        tags.add("li")
    if tags & {"del", "strike"}:
        tags.add("s")
    return tags - _NEVER


def allowed_styles(semantics: dict) -> list[re.Pattern]:
    """The style declarations a text field allows, as core derives them from
    its `font` options and from tables; alignment always."""
    patterns = []
    font = semantics.get("font")
    if isinstance(font, dict):
        patterns.extend(pattern for key, pattern in _FONT_STYLES.items() if font.get(key))
    if "table" in (semantics.get("tags") or []):
        patterns.extend(_TABLE_STYLES)
    patterns.append(_ALIGN_STYLE)
    return [re.compile(f"^{pattern}$", re.IGNORECASE) for pattern in patterns]


def _safe_url(value: str) -> bool:
    # Browsers ignore control characters and spaces inside a scheme.
    compact = re.sub(r"[\x00-\x20\x7f]", "", value)
    match = re.match(r"^([^/?#]*?):", compact)
    return match is None or match.group(1).lower() in _URL_SCHEMES


class _Filter(HTMLParser):
    def __init__(self, tags: set[str], styles: list[re.Pattern]) -> None:
        # Entities are kept as written (as core does), not decoded.
        super().__init__(convert_charrefs=False)
        self.tags, self.styles, self.out = tags, styles, []

    def _value(self, tag: str, name: str, value: str | None) -> str | None:
        """The attribute's value as kept, or None when it is dropped."""
        if name not in _ATTRIBUTES or value is None:
            return None
        if name == "style":
            if tag not in _STYLEABLE:
                return None
            declarations = [part.strip() for part in value.split(";")]
            kept = [
                part for part in declarations if part and any(p.match(part) for p in self.styles)
            ]
            return ";".join(kept) + ";" if kept else None
        if name in _URL_ATTRIBUTES and not _safe_url(value):
            return None
        if name == "target" and value.lower() not in _TARGETS:
            return None
        return value

    def _attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        kept: dict[str, str] = {}
        for name, value in attrs:
            value = self._value(tag, name, value)
            if value is not None and name not in kept:
                kept[name] = value
        return "".join(
            f' {name}="{html_escape(value, quote=True)}"' for name, value in kept.items()
        )

    def handle_starttag(self, tag, attrs):
        if tag in self.tags:
            self.out.append(f"<{tag}{self._attributes(tag, attrs)}>")

    def handle_startendtag(self, tag, attrs):
        if tag in self.tags:
            self.out.append(f"<{tag}{self._attributes(tag, attrs)} />")

    def handle_endtag(self, tag):
        if tag in self.tags:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(html_escape(data, quote=False))

    def handle_entityref(self, name):
        known = name in name2codepoint or f"{name};" in html5
        self.out.append(f"&{name};" if known else f"&amp;{name}")

    def handle_charref(self, name):
        well_formed = re.fullmatch(r"[0-9]+|[xX][0-9a-fA-F]+", name)
        self.out.append(f"&#{name};" if well_formed else f"&amp;#{name}")

    # Comments, declarations and processing instructions are dropped.


def filter_html(value: str, *, tags: set[str], styles: list[re.Pattern]) -> str:
    """Only the allowed tags, each with only harmless attributes: no event
    handler, no link but http(s)/mailto/tel/relative, style limited to the
    declarations allowed; everything else is kept as escaped text."""
    parser = _Filter(tags, styles)
    parser.feed(value.replace("\x00", ""))
    parser.close()
    return "".join(parser.out)


# --- the walk -----------------------------------------------------------------


class _Walk:
    def __init__(self, libraries: Libraries) -> None:
        self.libraries = libraries
        self.result = CheckedParameters(parameters={})
        self.problems: list[str] = []

    def field(self, value: Any, semantics: dict, path: str) -> Any:
        """The cleaned value, or None when it is to be left out (as core)."""
        if value is None:
            return None
        kind = semantics.get("type") if isinstance(semantics, dict) else None
        method = getattr(self, f"_{kind}", None) if kind in FIELD_TYPES else None
        try:
            if method is None:
                raise _Invalid(path)
            return method(value, semantics, path)
        except _Invalid as problem:
            # Noted, and the walk goes on: the refusal counts every problem.
            self.problems.append(problem.path)
            return None

    def _text(self, value, semantics, path):
        if not isinstance(value, str):
            raise _Invalid(path)
        if "tags" in semantics:
            text = filter_html(
                value, tags=allowed_tags(semantics), styles=allowed_styles(semantics)
            )
        else:
            text = escape_text(value)
        max_length = semantics.get("maxLength")
        if (
            isinstance(max_length, int)
            and not isinstance(max_length, bool)
            and 0 <= max_length < len(text)
        ):
            # Cut as core does, but never inside a tag or an entity:
            # HTML is filtered again, a broken entity at the end dropped.
            text = text[:max_length]
            if "tags" in semantics:
                text = filter_html(
                    text, tags=allowed_tags(semantics), styles=allowed_styles(semantics)
                )
            else:
                text = re.sub(r"&[#0-9A-Za-z]*$", "", text)
        regexp = semantics.get("regexp")
        if (
            isinstance(regexp, dict)
            and isinstance(regexp.get("pattern"), str)
            and not (text == "" and semantics.get("optional"))
        ):
            modifiers = str(regexp.get("modifiers") or "")
            flags = (re.IGNORECASE if "i" in modifiers else 0) | (
                re.MULTILINE if "m" in modifiers else 0
            )
            try:
                pattern = re.compile(regexp["pattern"], flags)
            except re.error:
                pattern = None  # core ignores a pattern it cannot compile
            if pattern is not None and not pattern.search(text):
                raise _Invalid(path)
        return text

    def _number(self, value, semantics, path):
        if isinstance(value, str):
            try:
                value = float(value) if re.search(r"[.eE]", value) else int(value)
            except ValueError:
                raise _Invalid(path) from None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise _Invalid(path)
        low, high, step = semantics.get("min"), semantics.get("max"), semantics.get("step")
        if _is_number(low) and value < low:
            value = low
        if _is_number(high) and value > high:
            value = high
        if _is_number(step) and step > 0:
            base = low if _is_number(low) else 0
            steps = (value - base) / step
            if abs(steps - round(steps)) > 1e-9:
                value = base + math.floor(steps) * step
        decimals = semantics.get("decimals")
        if isinstance(decimals, int) and not isinstance(decimals, bool) and decimals >= 0:
            value = round(value, decimals)
            if decimals == 0:
                value = int(value)
        return value

    def _boolean(self, value, semantics, path):
        if not isinstance(value, bool):
            raise _Invalid(path)
        return value

    def _select(self, value, semantics, path):
        options = set()
        for option in semantics.get("options") or []:
            if isinstance(option, dict) and option.get("type") == "optgroup":
                options |= {
                    _key(sub.get("value"))
                    for sub in option.get("options") or []
                    if isinstance(sub, dict)
                }
            elif isinstance(option, dict) and "value" in option:
                options.add(_key(option["value"]))
        optional = bool(semantics.get("optional"))

        def one(item: Any, where: str) -> Any:
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                raise _Invalid(where)
            if options and _key(item) not in options and not (optional and item == ""):
                raise _Invalid(where)
            return escape_text(item) if isinstance(item, str) else item

        if semantics.get("multiple"):
            items = value if isinstance(value, list) else [value]
            return [one(item, f"{path}[{index}]") for index, item in enumerate(items)]
        if isinstance(value, list):
            if not value:
                raise _Invalid(path)
            value = value[0]  # as core: the first of an array
        return one(value, path)

    def _list(self, value, semantics, path):
        item_semantics = semantics.get("field")
        if not isinstance(value, list) or not isinstance(item_semantics, dict):
            raise _Invalid(path)
        high, low = semantics.get("max"), semantics.get("min")
        if _is_number(high) and len(value) > high:
            raise _Invalid(path)
        cleaned, problems = [], len(self.problems)
        for index, item in enumerate(value):
            item = self.field(item, item_semantics, f"{path}[{index}]")
            if item is not None:
                cleaned.append(item)
        if not cleaned:
            return None  # as core: an empty list is left out
        if _is_number(low) and len(cleaned) < low and len(self.problems) == problems:
            raise _Invalid(path)
        return cleaned

    def _group(self, value, semantics, path, *, flatten: bool = True):
        fields = semantics.get("fields")
        if not isinstance(fields, list):
            raise _Invalid(path)
        sub_content = semantics.get("isSubContent") is True
        if len(fields) == 1 and flatten and not sub_content:
            # Core's editor stores a one-field group as its field's value,
            # without the wrapper: validate the value as that field. The
            # wrapped form {name: value} (written by other tools) is taken too,
            # unwrapped to core's form, where it cannot be the field's own value.
            only = fields[0]
            if _wrapped(value, only):
                return self.field(value[only["name"]], only, f"{path}.{only['name']}")
            return self.field(value, only, path)
        if not isinstance(value, dict):
            raise _Invalid(path)
        by_name = {item.get("name"): item for item in fields if isinstance(item, dict)}
        cleaned = {}
        for key, item in value.items():
            if sub_content and key == "subContentId":
                if isinstance(item, str) and _SUB_CONTENT_ID.match(item):
                    cleaned[key] = item
                continue
            if key not in by_name:
                continue  # as core: a key the semantics do not know is dropped
            child = by_name[key]
            if semantics.get("optional"):
                child = {**child, "optional": True}
            item = self.field(item, child, f"{path}.{key}")
            if item is not None:
                cleaned[key] = item
        return cleaned

    def _library(self, value, semantics, path):
        if not isinstance(value, dict):
            raise _Invalid(path)
        selected = value.get("library")
        if selected is None or selected == "":
            return None  # as core: no library chosen, nothing kept
        options = [
            option if isinstance(option, str) else (option or {}).get("name")
            for option in semantics.get("options") or []
        ]
        if not isinstance(selected, str) or selected not in options:
            raise _Invalid(f"{path}.library")
        match = _LIBRARY_NAME.match(selected)
        if match is None:
            raise _Invalid(f"{path}.library")
        key = (match.group(1), int(match.group(2)), int(match.group(3)))
        library = self.libraries.get(key)
        if library is None:
            raise PackageRefused("unknown_library", library=selected)
        if key not in self.result.libraries:
            self.result.libraries.append(key)
        params = value.get("params", {})
        if not isinstance(params, dict):
            raise _Invalid(f"{path}.params")
        cleaned = {
            "library": selected,
            "params": self.parameters(params, library.semantics, f"{path}.params"),
        }
        sub_content_id = value.get("subContentId")
        if isinstance(sub_content_id, str) and _SUB_CONTENT_ID.match(sub_content_id):
            cleaned["subContentId"] = sub_content_id
        if isinstance(value.get("metadata"), dict):
            cleaned["metadata"] = clean_metadata(value["metadata"])
        for extra in semantics.get("extraAttributes") or []:
            if extra in value and extra not in cleaned:
                cleaned[extra] = value[extra]
        return cleaned

    def parameters(self, params: dict, semantics: list, path: str) -> dict:
        """A library's parameters: its semantics as a group never flattened."""
        return self._group(params, {"type": "group", "fields": semantics}, path, flatten=False)

    # Files.

    def _file(self, value, semantics, path, *, keys=(), url_allowed=False):
        if not isinstance(value, dict) or not isinstance(value.get("path"), str):
            raise _Invalid(path)
        location = value["path"]
        if location.startswith(("http://", "https://")) or "://" in location:
            if not url_allowed:
                raise PackageRefused("media_path_unsafe", name=location)
            self.result.external.append(check_media_url(location, mime=value.get("mime")))
        else:
            self.result.media.append(check_relative_path(location))
        cleaned = {"path": location}
        valid = {"mime", "copyright", *keys, *(semantics.get("extraAttributes") or [])}
        for key, item in value.items():
            if key not in valid or item is None:
                continue
            if key == "mime":
                if not isinstance(item, str) or not _MIME.match(item):
                    raise _Invalid(f"{path}.mime")
                cleaned[key] = item
            elif key == "copyright":
                if isinstance(item, dict):
                    cleaned[key] = {
                        name: escape_text(item[name])
                        for name in _COPYRIGHT_KEYS
                        if isinstance(item.get(name), str)
                    }
            elif key in {"width", "height", "bitrate"}:
                number = _integer(item)
                if number is None:
                    raise _Invalid(f"{path}.{key}")
                cleaned[key] = number
            elif key == "codecs" and isinstance(item, str):
                cleaned[key] = escape_text(item)
            elif key == "quality":
                if (
                    isinstance(item, dict)
                    and "level" in item
                    and isinstance(item.get("label"), str)
                ):
                    level = _integer(item["level"])
                    if level is not None:
                        cleaned[key] = {"level": level, "label": escape_text(item["label"])}
            elif key == "originalImage":
                if isinstance(item, dict):
                    cleaned[key] = self._file(
                        item, {}, f"{path}.originalImage", keys=("width", "height")
                    )
            else:
                cleaned[key] = item
        return cleaned

    def _image(self, value, semantics, path):
        return self._file(value, semantics, path, keys=("width", "height", "originalImage"))

    def _sources(self, value, semantics, path, keys):
        if not isinstance(value, list):
            raise _Invalid(path)
        return [
            self._file(item, semantics, f"{path}[{index}]", keys=keys, url_allowed=True)
            for index, item in enumerate(value)
        ] or None

    def _video(self, value, semantics, path):
        return self._sources(
            value, semantics, path, ("width", "height", "codecs", "quality", "bitrate")
        )

    def _audio(self, value, semantics, path):
        return self._sources(value, semantics, path, ())


def _wrapped(value: Any, only: dict) -> bool:
    """Whether a one-field group's value is {field name: field value} rather
    than the field's value itself (which is what core stores)."""
    name = only.get("name")
    if not isinstance(value, dict) or list(value) != [name]:
        return False
    kind = only.get("type")
    if kind == "library":
        return name != "library"  # a library's own value always names "library"
    if kind in {"file", "image"}:
        return name != "path"
    if kind == "group":
        inner = only.get("fields") or []
        return len(inner) == 1 or name not in {f.get("name") for f in inner if isinstance(f, dict)}
    return True


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _integer(value: Any) -> int | None:
    # As core's intval, for what the editor writes: numbers and numeric strings.
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and math.isfinite(value):
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+(\.\d*)?\s*", value):
        return int(float(value))
    return None


def _key(value: Any) -> str:
    # PHP array keys: 1, 1.0 and "1" are one key.
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def clean_metadata(metadata: dict) -> dict:
    """A sub-content's metadata (title, licence, authors, changes): text
    escaped as core does, keys it does not know dropped."""
    cleaned: dict[str, Any] = {
        key: escape_text(metadata[key])
        for key in _METADATA_TEXT
        if isinstance(metadata.get(key), str)
    }
    for key, names in (("authors", ("name", "role")), ("changes", ("date", "author", "log"))):
        items = metadata.get(key)
        if isinstance(items, list):
            cleaned[key] = [
                {name: escape_text(item[name]) for name in names if isinstance(item.get(name), str)}
                for item in items
                if isinstance(item, dict)
            ]
    return cleaned


def check_relative_path(path: str) -> str:
    """A path of the package's content/: relative, no way out."""
    parts = path.split("/")
    if (
        not path
        or ":" in path
        or "\\" in path
        or path.startswith("/")
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise PackageRefused("media_path_unsafe", name=path)
    return path


def check_media_url(url: str, *, mime: Any = None) -> str:
    """An outside video or audio file: https only, and a file the browser plays
    itself, not a page of a site that plays it with its own code."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        raise PackageRefused("media_path_unsafe", name=url) from None
    if any(host == site or host.endswith(f".{site}") for site in HOSTED_PLAYERS):
        raise PackageRefused("external_player", name=url)
    if isinstance(mime, str) and mime.lower() in {"video/youtube", "video/vimeo", "video/panopto"}:
        raise PackageRefused("external_player", name=url)
    if parts.scheme != "https":
        raise PackageRefused("media_not_https", name=url)
    if not host or parts.username or parts.password or re.search(r"[\s\"'<>\\]", url):
        raise PackageRefused("media_path_unsafe", name=url)
    extension = parts.path.rsplit("/", 1)[-1].rpartition(".")[2].lower()
    if extension not in MEDIA_EXTENSIONS:
        raise PackageRefused("external_player", name=url)
    return url


def validate_parameters(
    *, library: LibraryInfo, parameters: dict, libraries: Libraries
) -> CheckedParameters:
    """Walk `parameters` against `library`'s semantics (and every library
    chosen in a library field, against its own): refuse what cannot be valid,
    return the cleaned copy and the media, outside files and libraries it
    names."""
    walk = _Walk(libraries)
    if not isinstance(parameters, dict):
        raise PackageRefused("parameters_invalid", library=library.label, path="$", count=1)
    try:
        walk.result.parameters = walk.parameters(parameters, library.semantics, "$")
    except _Invalid as problem:
        walk.problems.insert(0, problem.path)
    except (RecursionError, TypeError, AttributeError, ValueError, KeyError):
        # A shape no check above expected: still a refusal, never a crash.
        raise PackageRefused(
            "parameters_invalid", library=library.label, path="$", count=1
        ) from None
    if walk.problems:
        raise PackageRefused(
            "parameters_invalid",
            library=library.label,
            path=walk.problems[0],
            count=len(walk.problems),
        )
    return walk.result


# --- dependencies -------------------------------------------------------------


def dependency_key(item: Any) -> tuple[str, int, int] | None:
    """(machine name, major, minor) of a dependency in library.json or h5p.json,
    versions as numbers or as the strings real exports carry; None if broken."""
    if not isinstance(item, dict) or not isinstance(item.get("machineName"), str):
        return None
    versions = []
    for name in ("majorVersion", "minorVersion"):
        version = item.get(name)
        if isinstance(version, str) and version.isdigit():
            version = int(version)
        if isinstance(version, bool) or not isinstance(version, int) or version < 0:
            return None
        versions.append(version)
    return (item["machineName"], versions[0], versions[1])


def content_dependencies(
    *,
    metadata: dict,
    libraries: Libraries,
    used: Iterable[tuple[str, int, int]] = (),
) -> list[LibraryInfo]:
    """Every installed library a content needs, each after the ones it
    preloads: h5p.json's preloadedDependencies, the libraries chosen in its
    parameters (`used`), and their own preloadedDependencies, transitively."""
    start = []
    for index, item in enumerate(metadata.get("preloadedDependencies") or []):
        key = dependency_key(item)
        if key is None:
            raise PackageRefused("metadata_invalid", field=f"preloadedDependencies[{index}]")
        start.append(key)
    start.extend(used)
    chosen: dict[str, tuple[int, int]] = {}
    ordered: list[LibraryInfo] = []
    done: set[tuple[str, int, int]] = set()
    visiting: set[tuple[str, int, int]] = set()

    def visit(key: tuple[str, int, int]) -> None:
        name, major, minor = key
        if chosen.setdefault(name, (major, minor)) != (major, minor):
            raise PackageRefused("dependency_conflict", library=name)
        if key in done or key in visiting:
            return
        library = libraries.get(key)
        if library is None:
            raise PackageRefused("unknown_library", library=f"{name} {major}.{minor}")
        visiting.add(key)
        for item in library.metadata.get("preloadedDependencies") or []:
            dependency = dependency_key(item)
            if dependency is not None:
                visit(dependency)
        visiting.discard(key)
        done.add(key)
        ordered.append(library)

    for key in start:
        visit(key)
    return ordered
