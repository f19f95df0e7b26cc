"""Question banks kept as content: one folder per bank under `banks/`, with a
`bank.yaml` (key, purpose, title, description) and any number of question files
(`*.yaml`, each a `questions:` list) that editors and translators read and diff.
The format is described in `banks/README.md`; `bank_read` checks it and returns
the bank in the shape `courses.services.question_bank_load` takes."""

from pathlib import Path

import yaml

from courses.content.files import texts
from courses.content.mockups import KINDS as MOCKUP_KINDS

BANKS_DIR = Path(__file__).parent / "banks"
LANGUAGES = ("en", "nl", "fr", "de")
KINDS = ("single", "multiple", "true_false", "scenario")
# The two choices the loader writes for a true_false question.
TRUE = {"en": "True", "nl": "Waar", "fr": "Vrai", "de": "Richtig"}
FALSE = {"en": "False", "nl": "Niet waar", "fr": "Faux", "de": "Falsch"}


class BankError(ValueError):
    """A bank file does not follow the format; the message names the place."""


def _texts(value, where: str) -> dict[str, str]:
    return texts(value, where, BankError)


def _choices(item: dict, where: str) -> list[dict]:
    if item["kind"] == "true_false":
        if item.get("answer") not in (True, False):
            raise BankError(f"{where}: a true_false question needs `answer: true` or `false`")
        return [
            {"text": TRUE, "correct": item["answer"], "feedback": {}},
            {"text": FALSE, "correct": not item["answer"], "feedback": {}},
        ]
    choices = item.get("choices") or []
    if len(choices) < 2:
        raise BankError(f"{where}: give at least two choices")
    return [
        {
            "text": _texts(choice.get("text"), f"{where}.choices[{index}]"),
            "correct": choice.get("correct") is True,
            "feedback": _texts(choice["feedback"], f"{where}.choices[{index}].feedback")
            if choice.get("feedback")
            else {},
        }
        for index, choice in enumerate(choices)
    ]


def _question(item: dict, where: str) -> dict:
    if not isinstance(item, dict) or not item.get("id"):
        raise BankError(f"{where}: every question needs an `id`")
    where = f"{where} ({item['id']})"
    if item.get("kind") not in KINDS:
        raise BankError(f"{where}: kind is one of {', '.join(KINDS)}")
    if not isinstance(item.get("competence"), str):
        raise BankError(f'{where}: competence is a quoted DigComp code, e.g. "4.2"')
    if item.get("difficulty") not in (1, 2, 3):
        raise BankError(f"{where}: difficulty is 1, 2 or 3")
    question = {
        "id": str(item["id"]),
        "kind": item["kind"],
        "competence": item["competence"],
        "difficulty": item["difficulty"],
        "prompt": _texts(item.get("prompt"), f"{where}.prompt"),
        "choices": _choices(item, where),
        "explanation": _texts(item["explanation"], f"{where}.explanation")
        if item.get("explanation")
        else {},
    }
    mockup = item.get("mockup")
    if item["kind"] == "scenario":
        if not isinstance(mockup, dict) or mockup.get("type") not in MOCKUP_KINDS:
            raise BankError(f"{where}: a scenario needs a `mockup` of a known type")
        question["mockup"] = mockup
    elif mockup:
        raise BankError(f"{where}: only a scenario question has a mockup")
    return question


def bank_read(key: str, *, root: Path = BANKS_DIR) -> dict:
    """The bank in folder `key`: its fields and all its questions, checked."""
    folder = root / key
    with (folder / "bank.yaml").open(encoding="utf-8") as f:
        meta = yaml.safe_load(f) or {}
    if meta.get("key") != key:
        raise BankError(f"{folder}/bank.yaml: key must be {key!r}")
    questions: list[dict] = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "bank.yaml":
            continue
        with path.open(encoding="utf-8") as f:
            data = yaml.safe_load(f) or {}
        for index, item in enumerate(data.get("questions") or []):
            questions.append(_question(item, f"{path.name}#{index}"))
    ids = [q["id"] for q in questions]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise BankError(f"{folder}: the same id twice: {', '.join(duplicates)}")
    return {
        "key": key,
        "purpose": meta.get("purpose", "practice"),
        "title": _texts(meta.get("title"), f"{key}/bank.yaml title"),
        "description": _texts(meta["description"], f"{key}/bank.yaml description")
        if meta.get("description")
        else {},
        "questions": questions,
    }


def banks_available(*, root: Path = BANKS_DIR) -> list[str]:
    """The keys of the banks kept as files."""
    return sorted(p.parent.name for p in root.glob("*/bank.yaml"))
