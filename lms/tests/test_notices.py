"""Every row the journal keeps about a person reads as a sentence in their
language on "My account": no raw action code, whichever app wrote it."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from audit.models import AuditEntry
from lms.notices import NOTICE_TEXTS, notice_text, register_notice_texts
from lms.tests.factories import UserFactory

ROOT = Path(settings.BASE_DIR)
SKIP = {".venv", "node_modules", "tests", "migrations", "benchmarks"}


def _actions_about_a_person() -> set[str]:
    """The literal `action=` of every call in the code that also names a
    `subject_user=` (audit_record, account_notice_record, AuditEntry(...))."""
    found = set()
    for path in ROOT.rglob("*.py"):
        if SKIP & set(path.relative_to(ROOT).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            keywords = {k.arg: k.value for k in node.keywords}
            action = keywords.get("action")
            if "subject_user" not in keywords or action is None:
                continue
            found.update(
                value.value
                for value in ast.walk(action)
                if isinstance(value, ast.Constant)
                and isinstance(value.value, str)
                and "." in value.value
                and not value.value.endswith("_")
            )
    return found


def test_the_scan_finds_the_actions_of_every_app():
    actions = _actions_about_a_person()
    for expected in ("card.print", "certificates.issue", "payments.voucher_redeem"):
        assert expected in actions
    assert "partners.outcome_record" in actions


def test_every_action_about_a_person_has_a_sentence():
    missing = sorted(_actions_about_a_person() - set(NOTICE_TEXTS))
    assert missing == []


@pytest.mark.parametrize(
    "action",
    # Built with an f-string from a status or a kind: listed by hand.
    [
        "payments.order_processing",
        "payments.order_failed",
        "payments.order_canceled",
        "section.consent_given",
        "section.consent_withdrawn",
    ],
)
def test_actions_built_from_a_value_have_a_sentence(action):
    assert action in NOTICE_TEXTS


@pytest.mark.django_db
def test_a_row_from_another_app_reads_in_the_persons_language():
    person = UserFactory()
    entry = AuditEntry(action="certificates.issue", subject_user=person, target_type="x")
    with translation.override("nl"):
        assert notice_text(entry) == "Er werd je een certificaat uitgereikt."
    with translation.override("de"):
        assert notice_text(entry) == "Ihnen wurde ein Zertifikat ausgestellt."


@pytest.mark.django_db
def test_the_actor_is_named_in_the_sentence():
    helper = UserFactory(display_name="Ilse")
    entry = AuditEntry(action="enrolment.create", actor=helper, target_type="x")
    with translation.override("fr"):
        assert notice_text(entry) == f"{helper} vous a inscrit(e) à un cours."


def test_an_unknown_action_reads_as_a_sentence_never_as_its_code():
    entry = AuditEntry(action="somewhere.something_new", target_type="x")
    with translation.override("en"):
        text = notice_text(entry)
    assert text == "Something else was changed on your account."
    assert "somewhere" not in text


def test_another_app_cannot_reword_a_sentence_lms_owns():
    own = NOTICE_TEXTS["card.print"]
    register_notice_texts({"card.print": "reworded"})
    assert NOTICE_TEXTS["card.print"] is own
