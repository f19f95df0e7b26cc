"""The apps' imports and foreign keys point one way (DESIGN, "Apps: what each
owns"): audit and outbox at the bottom, then frontend's shared tools, courses,
lms, certificates, partners, payments, and analytics reading them all.

Every `import` in the apps' code is read, at any depth (an import inside a
function is an arrow too); tests and migrations are left out. `config` holds
settings and small shared tools below every app, and composes the apps in its
URLs and Celery app; a composing module is named below with the reason.
"""

import ast
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
    # (DESIGN). lms reads nothing of partners: it asks partners' rules through
    # lms.hooks.coaching. Moving coaching into an app above partners would end
    # it.
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
