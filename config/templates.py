"""Templates with their fixed texts and addresses already in place, per language.

A page's `{% translate "Help" %}` gives the same text, and `{% url "lms:profile" %}`
the same address, every time it is rendered in one language: the signed-in
lesson page looked up about thirty of each on every request, a tenth of its
time. `LocalisedLoader` is Django's cached loader that keeps, for each of the
project's own templates, one copy compiled per language (and script prefix and
URLconf, which addresses start with) in which each such tag is replaced by its
result, escaped or not as the rendering asks.

An `{% include "name" %}` of a quoted name gets its template with the
including one, in the same language, rather than asking the engine for it on
every rendering (the verification page asked three times, a twentieth of its
time); the `with` and `only` of the tag still apply.

Left as tags: a translation with a variable, a filter or a context; an
address with an argument that is not a quoted string, or of an application
namespace with several instances (its answer depends on the current one); an
address that does not resolve and an include of a template that does not load
(they fail when rendered, as before), or of one being loaded (a template that
includes itself); anything inside `{% language %}` (another language) or
`{% autoescape %}`; and every template from outside the project (Wagtail's
admin, allauth's own), kept once for all languages as Django keeps it.

Rendering a template under another language than the one it was loaded in
would show the first one's texts: the project loads templates where it renders
them (`render`, `render_to_string`, `{% include %}` and `{% extends %}` all do),
never ahead."""

import threading
from pathlib import Path

from django.conf import settings
from django.template import Context
from django.template.base import Node, Template, Variable
from django.template.defaulttags import AutoEscapeControlNode, IfNode, URLNode
from django.template.loader_tags import IncludeNode, construct_relative_path
from django.template.loaders import cached
from django.templatetags.i18n import LanguageNode, TranslateNode
from django.urls import get_resolver, get_script_prefix, get_urlconf
from django.utils import translation

_PROJECT = Path(settings.BASE_DIR).resolve()
_OUTSIDE = ("site-packages", "dist-packages", ".venv", "node_modules")


class FixedText(Node):
    """What a fixed `{% translate %}` or `{% url %}` renders, both escaped and
    not: the rendering's `autoescape` picks. With `asvar`, the value it puts
    into the context instead (`{% url "name" as name_url %}`)."""

    child_nodelists = ()

    def __init__(self, escaped: str, raw: str, asvar: str | None = None, value=None):
        self.escaped, self.raw, self.asvar, self.value = escaped, raw, asvar, value

    def render(self, context) -> str:
        if self.asvar is not None:
            context[self.asvar] = self.value
            return ""
        return self.escaped if context.autoescape else self.raw


def _literal(expression) -> str | None:
    """The string a filter expression stands for when it is a quoted string
    without filters (parsed as the string itself, or as a Variable holding it
    for translation), else None."""
    if expression.filters:
        return None
    value = expression.var
    if isinstance(value, Variable):
        value = value.literal
    return value if isinstance(value, str) else None


def _fixed_translation(node: TranslateNode) -> bool:
    """`{% translate "literal" %}` (or `as` a name): no variable, filter or
    context."""
    return (
        not node.noop
        and node.message_context is None
        and _literal(node.filter_expression) is not None
    )


def _single_instance(view_name: str) -> bool:
    """The address does not depend on the current application instance."""
    if ":" not in view_name:
        return True
    resolver = get_resolver(get_urlconf())
    namespace = view_name.split(":", 1)[0]
    return len(resolver.app_dict.get(namespace, ())) <= 1


def _fixed_url(node: URLNode) -> bool:
    """`{% url "name" "literal" %}` (or `as` a name): quoted strings only, an
    application with one instance."""
    return (
        all(_literal(argument) is not None for argument in node.args)
        and all(_literal(argument) is not None for argument in node.kwargs.values())
        and _literal(node.view_name) is not None
        and _single_instance(_literal(node.view_name))
    )


def _fixed(node: Node) -> FixedText | None:
    if not (
        (isinstance(node, TranslateNode) and _fixed_translation(node))
        or (isinstance(node, URLNode) and _fixed_url(node))
    ):
        return None
    try:
        if node.asvar is not None:
            context = Context()
            node.render(context)
            return FixedText("", "", node.asvar, context[node.asvar])
        escaped = node.render(Context(autoescape=True))
        raw = node.render(Context(autoescape=False))
    except Exception:  # noqa: BLE001 (e.g. NoReverseMatch: it fails when rendered, as before)
        return None
    return FixedText(escaped, raw)


class IncludedTemplate:
    """What the quoted name of an `{% include %}` resolves to: its template,
    loaded with the including one."""

    def __init__(self, template: Template):
        self.template = template

    def resolve(self, context) -> Template:
        return self.template

    def __repr__(self) -> str:
        return repr(self.template.name)


def localise(nodelist, include=None) -> None:
    """Replace, in place, each fixed translation and address of `nodelist`
    (and the node lists under it) by its text in the active language; with
    `include` (a template's name to its template, or None), the template of
    each `{% include %}` of a quoted name too."""
    for index, node in enumerate(nodelist):
        if isinstance(node, (TranslateNode, URLNode)):
            found = _fixed(node)
            if found is not None:
                nodelist[index] = found
        elif isinstance(node, IncludeNode):
            name = _literal(node.template)
            if include is not None and name is not None:
                template = include(construct_relative_path(node.origin.template_name, name))
                if template is not None:
                    node.template = IncludedTemplate(template)
        elif isinstance(node, (AutoEscapeControlNode, LanguageNode)):
            continue
        elif isinstance(node, IfNode):
            for _condition, branch in node.conditions_nodelists:
                localise(branch, include)
        else:
            for attribute in node.child_nodelists:
                branch = getattr(node, attribute, None)
                if branch:
                    localise(branch, include)


def _ours(template: Template) -> bool:
    origin = getattr(template.origin, "name", None)
    if not origin:
        return False
    path = Path(origin).resolve()
    return path.is_relative_to(_PROJECT) and not any(part in _OUTSIDE for part in path.parts)


class LocalisedLoader(cached.Loader):
    """Django's cached loader; the project's own templates are kept once per
    language, script prefix and URLconf, localised (see the module's text)."""

    def __init__(self, engine, loaders):
        super().__init__(engine, loaders)
        self.localised = {}
        # The names this thread is loading (a template including itself).
        self._loading = threading.local()

    def get_template(self, template_name, skip=None):
        key = (
            self.cache_key(template_name, skip),
            translation.get_language(),
            get_script_prefix(),
            get_urlconf() or settings.ROOT_URLCONF,
        )
        found = self.localised.get(key)
        if found is not None:
            return found
        template = super().get_template(template_name, skip)
        if _ours(template):
            template = Template(template.source, template.origin, template.name, template.engine)
            loading = self._names_loading()
            loading.add(template_name)
            try:
                localise(template.nodelist, self._included)
            finally:
                loading.discard(template_name)
        self.localised[key] = template
        return template

    def _names_loading(self) -> set:
        if not hasattr(self._loading, "names"):
            self._loading.names = set()
        return self._loading.names

    def _included(self, name: str) -> Template | None:
        """The template an include of `name` renders, or None to leave the tag."""
        if name in self._names_loading():
            return None
        try:
            return self.engine.get_template(name)
        except Exception:  # noqa: BLE001 (it fails when rendered, as before)
            return None

    def reset(self):
        super().reset()
        self.localised.clear()
