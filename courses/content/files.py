"""Courses kept as files (the format is in `courses/README.md`): read a course
folder into the shape `courses.services.course_load` takes, checking it as
it goes. No database here: `python -m courses.content.check` runs it alone.

A lesson is one Markdown file per language; the reader turns each into a list
of blocks and then joins the languages block by block, refusing files whose
blocks differ (a quiz in one language that another lacks) so that a block
means the same thing, with the same id, in every language."""

import re
import shlex
from datetime import date
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from courses.durations import block_words

COURSES_DIR = Path(__file__).parent / "courses"
LANGUAGES = ("en", "nl", "fr", "de")
TRACKS = ("basic", "security", "kids")
AUDIENCES = ("adults", "children", "all")
CALLOUTS = ("info", "tip", "warning")
PICTURES = (".svg", ".png")
MAX_PICTURE_BYTES = 512 * 1024

# The settings of an activity that are the same in every language; the
# others (title, instructions) are translated.
ACTIVITY_SETTINGS = {
    "quiz": {
        "bank",
        "mode",
        "question_count",
        "pass_mark_percent",
        "required",
        "competences",
        "blueprint",
        "max_attempts",
        "cooldown_minutes",
        "time_limit_minutes",
        "grading_policy",
    },
    "h5p": {"content", "pass_mark_percent", "required", "grading_policy"},
    "puzzle": {"levels", "required"},
}
TRANSLATED = {"title", "instructions"}

# What a block of Markdown may become in the rich text of each block (the
# features the Wagtail editor offers there).
TAGS = {
    "paragraph": {"p", "b", "i", "a", "ul", "ol", "li", "h3", "br"},
    "rich": {"p", "b", "i", "a", "ul", "li", "br"},
    "inline": {"b", "i", "a", "br"},
}

_NUMBERED = re.compile(r"^(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)$")
_IMAGE = re.compile(r'^!\[(?P<alt>[^\]]*)\]\((?P<file>[^\s)]+)(?:\s+"(?P<caption>[^"]*)")?\)\s*$')
_FRONT = re.compile(r"\A---\n(?P<front>.*?)\n---\n(?P<body>.*)\Z", re.S)


class ContentError(ValueError):
    """A content file does not follow the format; the message names the file
    and the place."""


# --- Markdown ----------------------------------------------------------------


@cache
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(["code", "fence", "blockquote", "hr", "html_block", "html_inline", "image"])
    # Wagtail's rich text stores bold and italic as <b> and <i>.
    for kind, tag in (("strong", "b"), ("em", "i")):
        md.add_render_rule(f"{kind}_open", lambda *a, tag=tag, **k: f"<{tag}>")
        md.add_render_rule(f"{kind}_close", lambda *a, tag=tag, **k: f"</{tag}>")
    return md


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


def _tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def markdown_html(text: str, where: str, allowed: str = "paragraph") -> str:
    """Markdown to the rich text a block holds; refuses what the block's
    editor could not hold (a table, a level-1 heading, raw HTML...)."""
    text = text.strip()
    if allowed == "inline":
        html = _markdown().renderInline(text)
    else:
        text = re.sub(r"^###\s", "### ", text, flags=re.M)
        html = _markdown().render(text).strip()
    found = _tags(html).tags
    extra = found - TAGS[allowed]
    if extra:
        raise ContentError(
            f"{where}: {', '.join(sorted('<' + t + '>' for t in extra))} is not allowed here "
            "(use paragraphs, **bold**, *italic*, [links](https://...), lists and ### headings)"
        )
    if re.search(r"<[a-zA-Z/!]", text):
        raise ContentError(f"{where}: HTML tags are not allowed; write Markdown")
    return html.replace("\n", "")


# --- one language file --------------------------------------------------------


def _yaml(text: str, where: str):
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ContentError(f"{where}: not valid YAML ({error})") from None


def _directive_args(head: str, where: str) -> list[str]:
    try:
        return shlex.split(head)
    except ValueError as error:
        raise ContentError(f"{where}: {error} in “::: {head}”") from None


def _steps(body: str, where: str) -> list[str]:
    steps: list[str] = []
    for line in body.splitlines():
        match = re.match(r"^\s*\d+[.)]\s+(.*)$", line)
        if match:
            steps.append(match.group(1))
        elif line.strip() and steps:
            steps[-1] += " " + line.strip()
        elif line.strip():
            raise ContentError(f"{where}: write each step as a numbered line (“1. …”)")
    if not steps:
        raise ContentError(f"{where}: a steps block needs numbered steps")
    return [markdown_html(step, f"{where} step {i + 1}", "inline") for i, step in enumerate(steps)]


def _accordion(body: str, where: str) -> list[list[str]]:
    items: list[list[str]] = []
    for line in body.splitlines():
        if line.startswith("### "):
            items.append([line[4:].strip(), ""])
        elif items:
            items[-1][1] += line + "\n"
        elif line.strip():
            raise ContentError(f"{where}: start each item with “### question”")
    if not items:
        raise ContentError(f"{where}: an accordion needs items (“### question” then the answer)")
    return [
        [question, markdown_html(answer, f"{where} “{question}”", "rich")]
        for question, answer in items
    ]


def _activity(kind: str, body: str, where: str) -> dict:
    data = _yaml(body, where)
    if not isinstance(data, dict):
        raise ContentError(f"{where}: write the {kind}'s settings as `name: value` lines")
    unknown = set(data) - ACTIVITY_SETTINGS[kind] - TRANSLATED
    if unknown:
        raise ContentError(f"{where}: unknown setting {', '.join(sorted(unknown))}")
    if not data.get("title"):
        raise ContentError(f"{where}: give the {kind} a title")
    needed = {"quiz": "bank", "h5p": "content", "puzzle": "levels"}[kind]
    if needed not in data:
        raise ContentError(f"{where}: a {kind} needs `{needed}`")
    if kind == "quiz" and data.get("mode", "practice") not in ("practice", "exam"):
        raise ContentError(f"{where}: mode is practice or exam")
    return data


def _block(kind: str, args: list[str], body: str, where: str, folder: Path, language: str):
    """One `::: kind args` directive, as (kind, value in this language)."""
    if kind == "callout":
        callout = args[0] if args else "info"
        if callout not in CALLOUTS:
            raise ContentError(f"{where}: a callout is one of {', '.join(CALLOUTS)}")
        return (
            "callout",
            {
                "kind": callout,
                "title": args[1] if len(args) > 1 else "",
                "text": markdown_html(body, where, "rich"),
            },
        )
    if kind == "steps":
        if not args:
            raise ContentError(f'{where}: give the steps a title: ::: steps "Try it: …"')
        return ("steps", {"title": args[0], "steps": _steps(body, where)})
    if kind == "accordion":
        return ("accordion", {"title": args[0] if args else "", "items": _accordion(body, where)})
    if kind == "mockup":
        from courses.content.mockups import KINDS

        spec = _yaml(body, where)
        if not isinstance(spec, dict) or spec.get("type") not in KINDS:
            raise ContentError(f"{where}: a mockup needs `type:` one of {', '.join(KINDS)}")
        if not spec.get("body") and spec["type"] != "webpage":
            raise ContentError(f"{where}: a mockup needs a `body`")
        for name, value in spec.items():
            if not isinstance(value, str):
                raise ContentError(f"{where}: mockup field `{name}` is one plain text")
        return ("mockup", {"spec": spec, "caption": args[0] if args else ""})
    if kind in ACTIVITY_SETTINGS:
        return (kind, _activity(kind, body, where))
    raise ContentError(f"{where}: unknown block “::: {kind}”")


def _picture(match: re.Match, where: str, folder: Path) -> tuple:
    name = match.group("file")
    path = (folder / name).resolve()
    if path.parent != folder.resolve() or path.suffix.lower() not in PICTURES:
        raise ContentError(f"{where}: a picture is an .svg or .png file in the lesson's folder")
    if not path.is_file():
        raise ContentError(f"{where}: no file {name} in {folder}")
    if path.stat().st_size > MAX_PICTURE_BYTES:
        raise ContentError(f"{where}: {name} is larger than {MAX_PICTURE_BYTES // 1024} KB")
    if path.suffix.lower() == ".svg":
        svg = path.read_text(encoding="utf-8")
        if re.search(r"<script|\son\w+\s*=|href\s*=\s*[\"'](?!#)|<foreignObject", svg, re.I):
            raise ContentError(f"{where}: {name} holds a script, an event or an outside link")
    if not match.group("alt").strip():
        raise ContentError(
            f"{where}: the picture {name} needs a text alternative: ![what it shows]"
        )
    return (
        "image",
        {"file": name, "alt": match.group("alt").strip(), "caption": match.group("caption") or ""},
    )


def lesson_file_read(path: Path) -> tuple[str, list[tuple[str, object]]]:
    """The title and the blocks of one language's lesson file."""
    where = str(path)
    source = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    match = _FRONT.match(source)
    if not match:
        raise ContentError(f"{where}: start with front matter: ---, title: …, ---")
    front = _yaml(match.group("front"), where) or {}
    if not isinstance(front, dict) or not str(front.get("title", "")).strip():
        raise ContentError(f"{where}: the front matter needs a title")
    blocks: list[tuple[str, object]] = []
    text: list[str] = []

    def flush(line_number: int) -> None:
        paragraph = "\n".join(text).strip()
        text.clear()
        if paragraph:
            html = markdown_html(paragraph, f"{where}:{line_number}")
            blocks.append(("paragraph", html))

    lines = match.group("body").split("\n")
    offset = source[: match.start("body")].count("\n") + 1
    index = 0
    while index < len(lines):
        line, number = lines[index], index + offset
        if line.startswith(":::"):
            flush(number)
            head = line[3:].strip()
            if not head:
                raise ContentError(f"{where}:{number}: “:::” closes a block that was not opened")
            args = _directive_args(head, f"{where}:{number}")
            end = index + 1
            while end < len(lines) and lines[end].strip() != ":::":
                if lines[end].startswith(":::") and lines[end].strip() != ":::":
                    raise ContentError(f"{where}:{number}: close the block with “:::” first")
                end += 1
            if end == len(lines):
                raise ContentError(f"{where}:{number}: the block is never closed with “:::”")
            body = "\n".join(lines[index + 1 : end])
            blocks.append(
                _block(args[0], args[1:], body, f"{where}:{number}", path.parent, path.stem)
            )
            index = end + 1
            continue
        if line.startswith("## "):
            flush(number)
            blocks.append(("heading", line[3:].strip()))
        elif line.startswith("# "):
            raise ContentError(f"{where}:{number}: the title is in the front matter; use ## here")
        elif _IMAGE.match(line):
            flush(number)
            blocks.append(_picture(_IMAGE.match(line), f"{where}:{number}", path.parent))
        else:
            text.append(line)
        index += 1
    flush(len(lines) + offset)
    if not blocks:
        raise ContentError(f"{where}: the lesson is empty")
    return str(front["title"]).strip(), blocks


# --- joining the languages ----------------------------------------------------


def _join(kind: str, values: dict[str, object], where: str):
    """One block in the four languages, in the shape course_load reads."""
    first = values[LANGUAGES[0]]
    if kind in ("paragraph", "heading"):
        return dict(values)
    if kind == "callout":
        if len({v["kind"] for v in values.values()}) != 1:
            raise ContentError(f"{where}: the callout's kind differs between languages")
        return {
            "kind": first["kind"],
            "title": {code: v["title"] for code, v in values.items()},
            "text": {code: v["text"] for code, v in values.items()},
        }
    if kind == "steps":
        if len({len(v["steps"]) for v in values.values()}) != 1:
            raise ContentError(f"{where}: the number of steps differs between languages")
        return {
            "title": {code: v["title"] for code, v in values.items()},
            "steps": [
                {code: v["steps"][i] for code, v in values.items()}
                for i in range(len(first["steps"]))
            ],
        }
    if kind == "accordion":
        if len({len(v["items"]) for v in values.values()}) != 1:
            raise ContentError(f"{where}: the number of items differs between languages")
        return {
            "title": {code: v["title"] for code, v in values.items()},
            "items": [
                (
                    {code: v["items"][i][0] for code, v in values.items()},
                    {code: v["items"][i][1] for code, v in values.items()},
                )
                for i in range(len(first["items"]))
            ],
        }
    if kind == "image":
        return {name: {code: v[name] for code, v in values.items()} for name in first}
    if kind == "mockup":
        return {
            "spec": {code: v["spec"] for code, v in values.items()},
            "caption": {code: v["caption"] for code, v in values.items()},
        }
    # An activity: settings once, words per language.
    settings = {name: value for name, value in first.items() if name not in TRANSLATED}
    for code, value in values.items():
        theirs = {name: v for name, v in value.items() if name not in TRANSLATED}
        if theirs != settings:
            raise ContentError(f"{where}: the {kind}'s settings in {code} differ from en")
    if "blueprint" in settings:
        settings["blueprint"] = [tuple(cell) for cell in settings["blueprint"]]
    for name in TRANSLATED:
        settings[name] = {code: str(v.get(name, "")) for code, v in values.items()}
    return settings


def texts(value, where: str, error: type[ValueError] = ContentError) -> dict[str, str]:
    """A text given in the four languages (a mapping en, nl, fr, de), trimmed;
    `error` names the place when one is missing or empty."""
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        raise error(f"{where}: give the text in {', '.join(LANGUAGES)}")
    for code in LANGUAGES:
        if not isinstance(value[code], str) or not value[code].strip():
            raise error(f"{where}.{code}: empty")
    return {code: value[code].strip() for code in LANGUAGES}


def _maybetexts(value, where: str) -> dict[str, str]:
    if isinstance(value, str) and value.strip():
        return dict.fromkeys(LANGUAGES, value.strip())
    return texts(value, where)


def _competences(value, where: str) -> list[str]:
    if not isinstance(value, list) or not all(
        isinstance(c, str) and re.fullmatch(r"\d\.\d", c) for c in value
    ):
        raise ContentError(f'{where}: competences is a list of quoted codes like "1.1"')
    return value


def _numbered(folder: Path) -> list[tuple[str, Path]]:
    found = []
    for path in sorted(folder.iterdir()):
        if not path.is_dir() or path.name.startswith((".", "_")):
            continue
        match = _NUMBERED.match(path.name)
        if not match:
            raise ContentError(f"{path}: name a folder NN-slug (two digits, lowercase, hyphens)")
        found.append((match.group(2), path))
    slugs = [slug for slug, _ in found]
    if len(set(slugs)) != len(slugs):
        raise ContentError(f"{folder}: two folders have the same slug")
    return found


def lesson_read(folder: Path, slug: str) -> dict:
    where = str(folder / "lesson.yaml")
    if not (folder / "lesson.yaml").is_file():
        raise ContentError(f"{where}: missing")
    meta = _yaml((folder / "lesson.yaml").read_text(encoding="utf-8"), where) or {}
    unknown = set(meta) - {"competences", "required", "reviewed", "sources"}
    if unknown:
        raise ContentError(f"{where}: unknown field {', '.join(sorted(unknown))}")
    reviewed = meta.get("reviewed")
    if reviewed is not None and not isinstance(reviewed, date):
        raise ContentError(f"{where}: reviewed is a date: 2026-12-05")
    sources = []
    for index, source in enumerate(meta.get("sources") or []):
        if not isinstance(source, dict):
            raise ContentError(f"{where}: sources[{index}] has a title and a url")
        urls = _maybetexts(source.get("url"), f"{where}: sources[{index}].url")
        if not all(url.startswith("https://") for url in urls.values()):
            raise ContentError(f"{where}: sources[{index}].url starts with https://")
        sources.append(
            {"title": _maybetexts(source.get("title"), f"{where}: sources[{index}]"), "url": urls}
        )
    titles, bodies = {}, {}
    for code in LANGUAGES:
        path = folder / f"{code}.md"
        if not path.is_file():
            raise ContentError(f"{path}: missing (every lesson is in {', '.join(LANGUAGES)})")
        titles[code], bodies[code] = lesson_file_read(path)
    shape = [kind for kind, _ in bodies["en"]]
    for code in LANGUAGES[1:]:
        theirs = [kind for kind, _ in bodies[code]]
        if theirs != shape:
            raise ContentError(
                f"{folder}: {code}.md has the blocks {', '.join(theirs)} where en.md has "
                f"{', '.join(shape)}: the blocks must be the same, in the same order"
            )
    body = [
        (
            kind,
            _join(
                kind, {code: bodies[code][i][1] for code in LANGUAGES}, f"{folder} block {i + 1}"
            ),
        )
        for i, kind in enumerate(shape)
    ]
    return {
        "slug": slug,
        "folder": folder,
        "title": titles,
        "competences": _competences(meta.get("competences", []), where),
        "required": meta.get("required", True) is not False,
        "reviewed": reviewed,
        "sources": sources,
        "body": body,
    }


def module_read(folder: Path, slug: str) -> dict:
    where = str(folder / "module.yaml")
    if not (folder / "module.yaml").is_file():
        raise ContentError(f"{where}: missing")
    meta = _yaml((folder / "module.yaml").read_text(encoding="utf-8"), where) or {}
    lessons = [lesson_read(path, lesson_slug) for lesson_slug, path in _numbered(folder)]
    if not lessons:
        raise ContentError(f"{folder}: a module needs at least one lesson folder")
    return {
        "slug": slug,
        "title": texts(meta.get("title"), f"{where}: title"),
        "intro": texts(meta["intro"], f"{where}: intro") if meta.get("intro") else {},
        "lessons": lessons,
    }


def course_read(folder: Path) -> dict:
    """The course in `folder`, checked, in the shape course_load takes."""
    folder = Path(folder)
    where = str(folder / "course.yaml")
    if not (folder / "course.yaml").is_file():
        raise ContentError(f"{where}: missing")
    meta = _yaml((folder / "course.yaml").read_text(encoding="utf-8"), where) or {}
    for name in ("slug", "track", "audience", "target_level", "title", "summary"):
        if name not in meta:
            raise ContentError(f"{where}: `{name}` is missing")
    if meta["track"] not in TRACKS or meta["audience"] not in AUDIENCES:
        raise ContentError(f"{where}: track is one of {TRACKS}, audience one of {AUDIENCES}")
    prerequisites = (
        texts(meta["prerequisites"], f"{where}: prerequisites") if meta.get("prerequisites") else {}
    )
    return {
        "slug": meta["slug"],
        "folder": folder,
        "track": meta["track"],
        "audience": meta["audience"],
        "target_level": int(meta["target_level"]),
        "competences": _competences(meta.get("competences", []), where),
        "certificate_enabled": meta.get("certificate", True) is not False,
        "certificate_validity_months": meta.get("certificate_validity_months"),
        "self_enrolment": meta.get("self_enrolment", True) is not False,
        "lesson_words": meta.get("lesson_words"),
        "title": texts(meta["title"], f"{where}: title"),
        "summary": texts(meta["summary"], f"{where}: summary"),
        "outcomes": [
            texts(item, f"{where}: outcomes[{i}]")
            for i, item in enumerate(meta.get("outcomes", []))
        ],
        "prerequisites": {
            code: markdown_html(text, f"{where}: prerequisites.{code}")
            for code, text in prerequisites.items()
        },
        "modules": [module_read(path, slug) for slug, path in _numbered(folder)],
    }


def courses_available() -> list[Path]:
    """The course folders, in catalogue order."""
    return sorted(path.parent for path in COURSES_DIR.glob("*/course.yaml"))


# --- what a lesson holds --------------------------------------------------------


def block_in(kind: str, value, code: str):
    """A text block in one language, as a lesson page stores it (activities
    and pictures need the database: courses.services_content builds them)."""
    if kind in ("heading", "paragraph"):
        return value[code]
    if kind == "callout":
        return {
            "kind": value.get("kind", "info"),
            "title": value.get("title", {}).get(code, ""),
            "text": value["text"][code],
        }
    if kind == "steps":
        return {
            "title": value["title"][code],
            "steps": [
                {"text": step[code], "screenshot": None, "screenshot_alt": ""}
                for step in value["steps"]
            ],
        }
    if kind == "accordion":
        return {
            "title": value.get("title", {}).get(code, ""),
            "items": [{"question": q[code], "answer": a[code]} for q, a in value["items"]],
        }
    if kind in ("image", "mockup"):
        return {"caption": value["caption"][code]}
    return None


def lesson_words(lesson: dict, code: str) -> int:
    """Words of lesson text in one language (courses.durations.block_words)."""
    return sum(
        block_words("image" if kind == "mockup" else kind, block_in(kind, value, code) or {})
        for kind, value in lesson["body"]
    )
