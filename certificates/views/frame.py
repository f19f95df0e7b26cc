"""The verification page at the speed of its lookup: for a visitor without a
session (an employer, a QR code scanned), the frame of the page (header,
navigation, language switcher, footer: base.html) is rendered once per
language and host and kept in the process for FRAME_SECONDS; each request
renders only the page's own part and fills the two things of the frame that
belong to the request: the address the language switcher returns to and the
CSRF token of its forms. A visitor with a session (signed in, or with a
message or a pending notice) gets the whole template as before
(`config.stateless.sessionless` tells which).

The frame is base.html itself, so it never drifts from the other pages; an
edit of the site's contact settings or the catalogue's address reaches it
within FRAME_SECONDS.

The page's own part is kept the same way, per language and shape
(`content_render`): what the template prints of a certificate, the forms'
markup and the token are only printed, never tested but for being there, so
the part is rendered once per shape with numbered stand-ins in their place
and then filled per request, each value escaped as the template escapes it,
in one pass. The shape is everything else: the verdict's status and texts,
which facts are there, how many competences. Anything the walk does not know
(a form with errors, another kind of value) is rendered by the template."""

import copy
import html
import re
import time

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.encoding import iri_to_uri
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from certificates.forms import ReceiptForm

FRAME_TEMPLATE = "certificates/verify_frame.html"
CONTENT_TEMPLATE = "certificates/_verify_content.html"
FRAME_SECONDS = 60
SLOT = "<!--certificates:verify-content-->"
# Stand-ins rendered into the frame, replaced per request.
QUERY = "certificates-frame-query"
TOKEN = "certificates-frame-csrf-token"  # noqa: S105 (a stand-in, not a secret)

# The forms of the page (labels, help texts, attributes) hold nothing of the
# request but the code's value: rendered once per language with a stand-in.
CODE = "certificatesframecodevalue"

_frames: dict[tuple[str, str], tuple[float, str, str]] = {}
_forms: dict[tuple[str, bool, str], str] = {}


class _Rendered:
    """A form without errors, already rendered, as the form templates use it
    (`form.errors`, `{{ form }}`)."""

    errors: dict = {}

    def __init__(self, html: str):
        self.html = mark_safe(html)  # noqa: S308 (the form's own markup, the value escaped)

    def __html__(self) -> str:
        return self.html

    __str__ = __html__


def _form_markup(form, language: str):
    """The form's markup from its rendering with a stand-in code, or the form
    itself when it has errors or no code (rendered as usual)."""
    value = form["code"].value()
    if value in (None, "") or (form.is_bound and form.errors):
        return form
    return _kept_markup(type(form), form.is_bound, value, language)


def _kept_markup(form_class, bound: bool, code, language: str) -> _Rendered:
    """The markup of `form_class` with `code` (bound to it, or as its initial
    value), from its rendering with a stand-in, kept per language."""
    key = (form_class.__name__, bound, language)
    markup = _forms.get(key)
    if markup is None:
        stand_in = form_class({"code": CODE}) if bound else form_class(initial={"code": CODE})
        markup = _forms[key] = str(stand_in)
    return _Rendered(markup.replace(CODE, escape(str(code))))


def _frame(request: HttpRequest, language: str) -> tuple[str, str]:
    key = (language, request.get_host())
    now = time.monotonic()
    found = _frames.get(key)
    if found is not None and found[0] > now:
        return found[1], found[2]
    stand_in = copy.copy(request)
    stand_in.META = {**request.META, "QUERY_STRING": QUERY}
    page = render_to_string(FRAME_TEMPLATE, {"csrf_token": TOKEN}, request=stand_in)
    before, after = page.split(SLOT)
    _frames[key] = (now + FRAME_SECONDS, before, after)
    return before, after


def _template_render(context: dict) -> str:
    """CONTENT_TEMPLATE as get_template would render it without a request, in
    the active language (its fixed texts translated in advance:
    config.templates)."""
    template = get_template(CONTENT_TEMPLATE).template
    return template.render(Context(context, autoescape=template.engine.autoescape))


# Stand-in number n is STAND_IN + n + "x": letters and digits only, so escaping
# leaves it as it is.
STAND_IN = "certificatesframestandin"
_STAND_INS = re.compile(STAND_IN + r"(\d+)x")
# What is only printed (True): every text of the certificate, the forms, the token.
_PRINTED = {
    "csrf_token": True,
    "form": True,
    "receipt_form": True,
    "verdict": {"certificate": True},
}
_TEXT = object()  # in a shape: a printed text was here
_NEW = object()
MAX_SHAPES = 512

# (language, script prefix, URLconf, shape) -> the part cut at its stand-ins: text,
# number, text, ... text; None for a shape the template did not print as given.
_contents: dict[tuple, tuple | None] = {}


class _Unknown(Exception):
    """A value the walk does not know: the template renders the part."""


def _stand_ins(value, printed, shape: list, values: list):
    """`value` with a stand-in for each printed text in it. `printed` is True
    for a printed value, else the rule for the values under it (`_PRINTED`).
    `values` gets the printed texts as the template prints them (escaped),
    `shape` everything else, in the walk's order."""
    kind = type(value)
    if kind is dict:
        shape.append(tuple(value))
        rules = printed if type(printed) is dict else {}
        return {
            key: _stand_ins(item, printed is True or rules.get(key, False), shape, values)
            for key, item in value.items()
        }
    if kind is list:
        shape.append(len(value))
        return [_stand_ins(item, printed, shape, values) for item in value]
    if printed is True and (kind is _Rendered or (kind is str and value)):
        # As autoescape prints it: django.utils.html.escape is html.escape.
        values.append(value.html if kind is _Rendered else html.escape(value))
        shape.append(_TEXT)
        return (_Rendered if kind is _Rendered else str)(f"{STAND_IN}{len(values) - 1}x")
    if value is None or kind is bool or kind is int or kind is str:
        shape.append(kind)  # True and 1 are equal keys
        shape.append(value)
        return value
    raise _Unknown


def _cut(context: dict) -> tuple | None:
    """The part rendered with stand-ins, cut at them; None when the template
    printed a stand-in otherwise than as given (a filter changed it)."""
    parts = _STAND_INS.split(_template_render(context))
    if any(STAND_IN in part.lower() for part in parts[::2]):
        return None
    return tuple(int(part) if index % 2 else part for index, part in enumerate(parts))


def content_render(context: dict) -> str:
    """The page's own part, as `_template_render` renders it: from the part
    kept for the context's shape, filled with its printed values."""
    shape: list = [get_language(), get_script_prefix(), get_urlconf()]
    values: list = []
    try:
        stand_in_context = _stand_ins(context, _PRINTED, shape, values)
    except _Unknown:
        return _template_render(context)
    key = tuple(shape)
    cut = _contents.get(key, _NEW)
    if cut is _NEW:
        if len(_contents) >= MAX_SHAPES:
            _contents.clear()
        cut = _contents[key] = _cut(stand_in_context)
    if cut is None:
        return _template_render(context)
    return "".join([part if index % 2 == 0 else values[part] for index, part in enumerate(cut)])


def verify_page_render(request: HttpRequest, context: dict, language: str) -> str:
    """The whole page for a visitor without a session, as verify.html renders it."""
    before, after = _frame(request, language)
    token = get_token(request)
    query = request.META.get("QUERY_STRING", "")
    back = f"?{escape(iri_to_uri(query))}" if query else ""
    own_context = {**context, "csrf_token": token}
    if context.get("form") is not None:
        own_context["form"] = _form_markup(context["form"], language)
    if (code := own_context.pop("receipt_code", None)) is not None:
        own_context["receipt_form"] = _kept_markup(ReceiptForm, False, code, language)
    own = content_render(own_context)

    def fill(part: str) -> str:
        return part.replace(f"?{QUERY}", back).replace(TOKEN, token)

    return fill(before) + own + fill(after)
