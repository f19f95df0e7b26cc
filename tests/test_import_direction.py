"""The apps' imports and foreign keys point one way (DESIGN, "Apps: what each
owns"): audit and outbox at the bottom, then frontend's shared tools, courses,
lms, certificates, partners, payments, and analytics reading them all.

Every `import` in the apps' code is read, at any depth (an import inside a
function is an arrow too); tests and migrations are left out. `config` holds
settings and small shared tools below every app, and composes the apps in its
URLs and Celery app; a composing module is named below with the reason.
"""

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent

BASE = {"config", "audit", "outbox"}
# The apps each app may import, beyond its own modules.
ALLOWED: dict[str, set[str]] = {
    "config": set(),
    "audit": {"config"},
    "outbox": {"config"},
    # The language switcher asks courses for a page's translations.
    "frontend": BASE | {"courses"},
    "courses": BASE | {"frontend"},
    "lms": BASE | {"frontend", "courses"},
    "certificates": BASE | {"frontend", "courses", "lms"},
    "partners": BASE | {"frontend", "courses", "lms", "certificates"},
    "payments": BASE | {"frontend", "courses", "lms", "certificates", "partners"},
    "analytics": BASE | {"frontend", "courses", "lms", "certificates", "partners", "payments"},
}
APPS = set(ALLOWED)

# Modules whose job is to compose the apps: they may import any of them.
COMPOSERS = {
    "config/urls.py",  # every app's URLs under one root
    "config/celery.py",  # the Celery app finds every app's tasks
    "config/queues.py",  # which queue each app's tasks go to
    "config/management/commands/seed_demo.py",  # the demo: every app's data
}

# Foreign keys against the direction, each with its reason; a new one fails
# the test. None of them closes a cycle (tested below).
SCHEMA_EXCEPTIONS = {
    # A digital helper works for an organisation (HelperProfile.organisation,
    # HelperConsent.organisation), which partners owns, while coaching is lms's
    # (DESIGN): the key keeps the reference whole (an organisation with helpers
    # cannot be deleted). lms never follows it: the organisation's name and
    # rules come from partners through lms.hooks.coaching (tested below).
    # Coaching cannot move above partners: learning's assisted sessions
    # (lms.LiveSession) rest on a helper's consent.
    ("lms", "partners"),
}


def _imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found.update(name.split(".")[0] for name in names)
    return found & APPS


def _code_arrows() -> dict[tuple[str, str], list[str]]:
    arrows: dict[tuple[str, str], list[str]] = defaultdict(list)
    for app in sorted(APPS):
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if {"tests", "migrations"} & set(path.parts) or relative in COMPOSERS:
                continue
            for other in _imported_apps(path) - {app}:
                arrows[(app, other)].append(relative)
    return arrows


def _schema_arrows() -> dict[tuple[str, str], list[str]]:
    arrows: dict[tuple[str, str], list[str]] = defaultdict(list)
    for model in apps.get_models():
        app = model._meta.app_label
        if app not in APPS:
            continue
        for field in model._meta.get_fields():
            target = field.related_model if field.is_relation else None
            if (
                target is None
                or field.auto_created
                or target._meta.label == settings.AUTH_USER_MODEL
            ):
                continue
            other = target._meta.app_label
            if other != app and other in APPS:
                arrows[(app, other)].append(f"{model._meta.label}.{field.name}")
    return arrows


def _cycle(arrows) -> list[str] | None:
    graph: dict[str, set[str]] = defaultdict(set)
    for app, other in arrows:
        graph[app].add(other)
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt]
            if nxt not in state and (found := visit(nxt, [*trail, nxt])):
                return found
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start, [start])):
            return found
    return None


def test_every_import_between_apps_points_the_allowed_way():
    wrong = {
        f"{app} -> {other}": files
        for (app, other), files in _code_arrows().items()
        if other not in ALLOWED[app]
    }
    assert wrong == {}


def test_the_apps_imports_have_no_cycle():
    assert _cycle(_code_arrows()) is None


@pytest.mark.django_db(databases=[])
def test_foreign_keys_between_apps_point_the_allowed_way():
    wrong = {
        f"{app} -> {other}": fields
        for (app, other), fields in _schema_arrows().items()
        if other not in ALLOWED[app] and (app, other) not in SCHEMA_EXCEPTIONS
    }
    assert wrong == {}


@pytest.mark.django_db(databases=[])
def test_foreign_keys_between_apps_make_no_cycle_apart_from_the_user_model():
    """Every app names the person (lms.User); no other foreign key closes a
    loop between apps."""
    assert _cycle(_schema_arrows()) is None


def test_each_schema_exception_is_still_needed():
    """An exception that no foreign key needs any more is taken off the list."""
    assert set(_schema_arrows()) >= SCHEMA_EXCEPTIONS


def test_the_check_sees_an_import_inside_a_function(tmp_path):
    module = tmp_path / "late.py"
    module.write_text("def f():\n    from payments.models import Order\n    import lms.models\n")
    assert _imported_apps(module) == {"payments", "lms"}


def test_the_cycle_finder_finds_a_cycle_and_accepts_a_chain():
    assert _cycle({("lms", "courses"), ("courses", "audit")}) is None
    assert _cycle({("lms", "courses"), ("courses", "lms")}) in (
        ["lms", "courses", "lms"],
        ["courses", "lms", "courses"],
    )


# --- a foreign key against the direction is a name, never a way in --------------

# Calls and admin options where a field's name makes Django read the related row.
_READING_CALLS = {"select_related", "prefetch_related", "values", "values_list", "only", "order_by"}
_READING_OPTIONS = {
    "list_select_related",
    "list_display",
    "list_filter",
    "search_fields",
    "ordering",
    "raw_id_fields",
    "autocomplete_fields",
}


def _field_reads(source: str, field: str) -> list[int]:
    """Lines of Python `source` that read the row a foreign key `field` points
    to: `x.field`, a lookup through it (`field__name`; `field__isnull` reads
    only the local column), or its name where Django follows it."""

    def through(lookup: str) -> bool:
        # A lookup that goes past the key: `field__x` or `a__field__x`, except
        # `__isnull` and `__id`, which stop at the local column.
        parts = lookup.split("__")
        if field not in parts[:-1]:
            return False
        return parts[parts.index(field) + 1 :] not in (["isnull"], ["id"])

    lines = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == field:
            lines.append(node.lineno)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if through(node.value):
                lines.append(node.lineno)
        elif isinstance(node, ast.keyword) and node.arg and through(node.arg):
            lines.append(node.value.lineno)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) in _READING_CALLS:
            if any(isinstance(a, ast.Constant) and a.value == field for a in node.args):
                lines.append(node.lineno)
        elif isinstance(node, ast.Assign) and any(
            getattr(t, "id", None) in _READING_OPTIONS for t in node.targets
        ):
            values = getattr(node.value, "elts", [])
            if any(isinstance(v, ast.Constant) and v.value == field for v in values):
                lines.append(node.lineno)
    return sorted(lines)


def _exception_fields() -> dict[str, set[str]]:
    """app -> the names of its foreign keys listed in SCHEMA_EXCEPTIONS."""
    named: dict[str, set[str]] = defaultdict(set)
    for (app, other), fields in _schema_arrows().items():
        if (app, other) in SCHEMA_EXCEPTIONS:
            named[app] |= {label.rsplit(".", 1)[1] for label in fields}
    return named


@pytest.mark.django_db(databases=[])
def test_a_foreign_key_against_the_direction_is_never_followed():
    """lms names a helper's organisation by a foreign key (SCHEMA_EXCEPTIONS)
    but reads nothing through it, in code or templates: what it shows and
    decides comes from partners through `lms.hooks.coaching`."""
    found = []
    for app, fields in _exception_fields().items():
        for path in sorted((ROOT / app).rglob("*")):
            relative = path.relative_to(ROOT)
            if {"tests", "migrations", "locale"} & set(relative.parts) or not path.is_file():
                continue
            readable = path.suffix in (".py", ".html", ".txt")
            text = path.read_text(encoding="utf-8") if readable else ""
            for field in fields:
                if path.suffix == ".py":
                    found += [f"{relative}:{line} {field}" for line in _field_reads(text, field)]
                elif text:
                    for number, line in enumerate(text.splitlines(), 1):
                        if re.search(rf"\.{field}\b(?!_)", line):
                            found.append(f"{relative}:{number} {field}")
    assert found == []


def test_the_reading_check_sees_each_way_of_following_a_key():
    planted = (
        "a = profile.organisation\n"
        "b = Consent.objects.filter(organisation__name='x')\n"
        "c = Consent.objects.select_related('learner', 'organisation')\n"
        "d = Consent.objects.filter(helper__helper_profile__organisation__is_active=True)\n"
        "class A:\n    list_select_related = ['user', 'organisation']\n"
    )
    assert _field_reads(planted, "organisation") == [1, 2, 3, 4, 6]
    assert _field_reads("x = qs.order_by('organisation__name')\n", "organisation") == [1]
    harmless = (
        "a = profile.organisation_id\n"
        "b = Consent.objects.filter(organisation__isnull=True, organisation_id=3)\n"
        "c = Consent(organisation_id=4)\n"
        "d = Consent.objects.filter(helper__helper_profile__organisation_id=5)\n"
    )
    assert _field_reads(harmless, "organisation") == []
