"""The verification page at the speed of its lookup: for a visitor without a
session (an employer, a QR code scanned), the frame of the page (header,
navigation, language switcher, footer: base.html) is rendered once per
language and host and kept in the process for FRAME_SECONDS; each request
renders only the page's own part and fills the two things of the frame that
belong to the request: the address the language switcher returns to and the
CSRF token of its forms. A visitor with a session (signed in, or with a
message or a pending notice) gets the whole template as before.

The frame is base.html itself, so it never drifts from the other pages; an
edit of the site's contact settings or the catalogue's address reaches it
within FRAME_SECONDS."""

import copy
import time

from django.conf import settings
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template import Context, Template
from django.template.base import TextNode, Variable
from django.template.defaulttags import AutoEscapeControlNode, IfNode, URLNode
from django.template.loader import get_template, render_to_string
from django.template.loader_tags import IncludeNode
from django.templatetags.i18n import TranslateNode
from django.urls import get_script_prefix
from django.utils import translation
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


def frame_applies(request: HttpRequest) -> bool:
    """No session and no message cookie: nothing personal in the frame."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


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


# --- The page's own part, compiled once per language -------------------------

_localised: dict[tuple[str, str, str], Template] = {}


class _Fixed:
    """An include's template, already chosen (IncludeNode renders anything
    that has `render`)."""

    def __init__(self, template: Template):
        self.template_object = template

    def resolve(self, context) -> Template:
        return self.template_object


def _constant_translation(node: TranslateNode) -> bool:
    """`{% translate "literal" %}`: no variable, filter, context or `as`."""
    expression = node.filter_expression
    return (
        not node.noop
        and node.asvar is None
        and node.message_context is None
        and not expression.filters
        and isinstance(expression.var, Variable)
        and isinstance(expression.var.literal, str)
    )


def _constant_url(node: URLNode) -> bool:
    """`{% url "name" %}`: no arguments, no `as`."""
    expression = node.view_name
    return (
        not node.args
        and not node.kwargs
        and node.asvar is None
        and not expression.filters
        and isinstance(expression.var, Variable)
        and isinstance(expression.var.literal, str)
    )


def _constant_include(node: IncludeNode) -> str | None:
    expression = node.template
    if getattr(expression, "filters", True) or not isinstance(expression.var, str):
        return None
    return expression.var


def _localise(nodelist, language: str) -> None:
    """Replace, in place, each constant `{% translate %}` by its text in the
    active language, each `{% url %}` without arguments by its address (the
    language's prefix), and each include of a named template by that template
    compiled the same way. Text under `{% autoescape %}` is left alone."""
    for index, node in enumerate(nodelist):
        if isinstance(node, TranslateNode):
            if _constant_translation(node):
                nodelist[index] = TextNode(node.render(Context(autoescape=True)))
        elif isinstance(node, URLNode):
            if _constant_url(node):
                nodelist[index] = TextNode(node.render(Context(autoescape=True)))
        elif isinstance(node, IncludeNode):
            name = _constant_include(node)
            if name is not None:
                node.template = _Fixed(localised_template(name, language))
        elif isinstance(node, AutoEscapeControlNode):
            continue
        elif isinstance(node, IfNode):
            for _condition, branch in node.conditions_nodelists:
                _localise(branch, language)
        else:
            for attribute in node.child_nodelists:
                branch = getattr(node, attribute, None)
                if branch:
                    _localise(branch, language)


def localised_template(name: str, language: str) -> Template:
    """The template `name` with its fixed texts already translated into
    `language`, compiled once per process and language: the `{% translate %}`
    tags were half of the page's own rendering. Kept per language (and script
    prefix, which addresses start with), so a text is never shown in another;
    compiled afresh on each call under DEBUG (edited templates)."""
    key = (name, language, get_script_prefix())
    found = None if settings.DEBUG else _localised.get(key)
    if found is not None:
        return found
    loaded = get_template(name).template
    compiled = Template(loaded.source, loaded.origin, loaded.name, loaded.engine)
    with translation.override(language):
        _localise(compiled.nodelist, language)
    _localised[key] = compiled
    return compiled


def content_render(context: dict, language: str) -> str:
    """The page's own part (CONTENT_TEMPLATE), as get_template would render it
    without a request, in `language` (the active one)."""
    template = localised_template(CONTENT_TEMPLATE, language)
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
    own = content_render(own_context, language)

    def fill(part: str) -> str:
        return part.replace(f"?{QUERY}", back).replace(TOKEN, token)

    return fill(before) + own + fill(after)
