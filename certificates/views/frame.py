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
within FRAME_SECONDS."""

import copy
import time

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils.encoding import iri_to_uri
from django.utils.html import escape
from django.utils.safestring import mark_safe

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
    key = (type(form).__name__, form.is_bound, language)
    html = _forms.get(key)
    if html is None:
        form_class = type(form)
        stand_in = (
            form_class({"code": CODE}) if form.is_bound else form_class(initial={"code": CODE})
        )
        html = _forms[key] = str(stand_in)
    return _Rendered(html.replace(CODE, escape(str(value))))


def _frame(request: HttpRequest, language: str) -> tuple[str, str]:
    key = (language, request.get_host())
    now = time.monotonic()
    found = _frames.get(key)
    if found is not None and found[0] > now:
        return found[1], found[2]
    stand_in = copy.copy(request)
    stand_in.META = {**request.META, "QUERY_STRING": QUERY}
    html = render_to_string(FRAME_TEMPLATE, {"csrf_token": TOKEN}, request=stand_in)
    before, after = html.split(SLOT)
    _frames[key] = (now + FRAME_SECONDS, before, after)
    return before, after


def content_render(context: dict) -> str:
    """The page's own part (CONTENT_TEMPLATE), as get_template would render it
    without a request, in the active language (its fixed texts translated in
    advance: config.templates)."""
    template = get_template(CONTENT_TEMPLATE).template
    return template.render(Context(context, autoescape=template.engine.autoescape))


def verify_page_render(request: HttpRequest, context: dict, language: str) -> str:
    """The whole page for a visitor without a session, as verify.html renders it."""
    before, after = _frame(request, language)
    token = get_token(request)
    query = request.META.get("QUERY_STRING", "")
    back = f"?{escape(iri_to_uri(query))}" if query else ""
    own_context = {**context, "csrf_token": token}
    for name in ("form", "receipt_form"):
        if context.get(name) is not None:
            own_context[name] = _form_markup(context[name], language)
    own = content_render(own_context)

    def fill(part: str) -> str:
        return part.replace(f"?{QUERY}", back).replace(TOKEN, token)

    return fill(before) + own + fill(after)
