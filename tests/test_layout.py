"""One layout in lms (README, "Layout"): a layer that holds more than one area
is a package with a module per area (`services/coaching.py`,
`forms/sections.py`, `pdf/consent.py`), never a file named after a layer and
an area side by side with the layer's own file (`forms_coaching.py`)."""

from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "lms"
LAYERS = {
    "admin",
    "forms",
    "hooks",
    "models",
    "pdf",
    "permissions",
    "selectors",
    "services",
    "signals",
    "tasks",
    "views",
    "middleware",
}


# Names a framework looks for.
FRAMEWORK = {"wagtail_hooks.py"}


def _suffix_modules(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.glob("*.py")):
        if path.name in FRAMEWORK:
            continue
        parts = path.stem.split("_")
        if len(parts) > 1 and (parts[0] in LAYERS or parts[-1] in LAYERS):
            found.append(path.name)
    return found


def test_lms_has_no_module_named_after_a_layer_and_an_area():
    assert _suffix_modules(APP) == []


def test_each_layer_of_lms_is_one_module_or_one_package():
    both = [layer for layer in LAYERS if (APP / f"{layer}.py").exists() and (APP / layer).is_dir()]
    assert both == []


def test_the_check_sees_a_suffix_module(tmp_path):
    for name in (
        "forms_coaching.py",
        "sections_pdf.py",
        "hooks_mfa.py",
        "idle.py",
        "wagtail_hooks.py",
    ):
        (tmp_path / name).write_text("")
    assert _suffix_modules(tmp_path) == ["forms_coaching.py", "hooks_mfa.py", "sections_pdf.py"]
