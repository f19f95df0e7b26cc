"""Question banks kept as files: the format is checked with a message that
names the place, the loader adds what is missing and nothing twice, and a
scenario's mock-up is drawn in each language with a full text alternative."""

import io
import textwrap

import pytest
from PIL import Image

from courses.content.banks import BankError, bank_read, banks_available
from courses.content.mockups import mockup_alt, mockup_png
from courses.models import Question, QuestionBank
from courses.services import question_bank_load

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def locales(db):
    from wagtail.models import Locale

    for code in ("en", "nl", "fr", "de"):
        Locale.objects.get_or_create(language_code=code)


T = "{en: %s, nl: %s-nl, fr: %s-fr, de: %s-de}"


def _texts(word: str) -> str:
    return T % (word, word, word, word)


def _write(tmp_path, questions: str, key="demo-exam"):
    folder = tmp_path / key
    folder.mkdir(exist_ok=True)
    (folder / "bank.yaml").write_text(
        f"key: {key}\npurpose: exam\ntitle: {_texts('Demo exam')}\n", encoding="utf-8"
    )
    (folder / "questions.yaml").write_text(
        "questions:\n" + textwrap.indent(textwrap.dedent(questions), "  "), encoding="utf-8"
    )
    return folder


SINGLE = f"""\
- id: dx-4.2-e01
  kind: single
  competence: "4.2"
  difficulty: 1
  prompt: {_texts("Which")}
  choices:
    - text: {_texts("Never")}
    - correct: true
      text: {_texts("Always")}
    - text: {_texts("Maybe")}
"""
TRUE_FALSE = f"""\
- id: dx-4.2-e02
  kind: true_false
  competence: "4.2"
  difficulty: 1
  prompt: {_texts("Padlock")}
  answer: false
"""
SCENARIO = f"""\
- id: dx-4.2-m01
  kind: scenario
  competence: "4.2"
  difficulty: 2
  prompt: {_texts("This")}
  mockup:
    type: sms
    from: "+32 470 00 00 00"
    body: {_texts("Pay")}
    link: "https://pay.example.top/x"
  choices:
    - text: {_texts("Fake")}
      correct: true
    - text: {_texts("Real")}
    - text: {_texts("Both")}
"""


def test_a_bank_is_read_with_its_purpose_and_true_false_choices_written_out(tmp_path):
    _write(tmp_path, SINGLE + TRUE_FALSE)
    bank = bank_read("demo-exam", root=tmp_path)
    assert bank["purpose"] == "exam"
    assert [q["id"] for q in bank["questions"]] == ["dx-4.2-e01", "dx-4.2-e02"]
    true_false = bank["questions"][1]["choices"]
    assert [c["correct"] for c in true_false] == [False, True]
    assert true_false[0]["text"]["nl"] == "Waar"


@pytest.mark.parametrize(
    ("questions", "message"),
    [
        (SINGLE + SINGLE, "the same id twice: dx-4.2-e01"),
        (SINGLE.replace("fr: Which-fr, ", ""), "prompt: give the text in en, nl, fr, de"),
        (SINGLE.replace('"4.2"', "4.2"), "competence is a quoted DigComp code"),
        (SINGLE.replace("difficulty: 1", "difficulty: 4"), "difficulty is 1, 2 or 3"),
        (TRUE_FALSE.replace("answer: false", ""), "needs `answer: true` or `false`"),
        (SCENARIO.replace("type: sms", "type: fax"), "a scenario needs a `mockup`"),
        (SINGLE.replace("- id: dx-4.2-e01", "- kind_only: 1"), "every question needs an `id`"),
    ],
)
def test_a_bank_file_that_does_not_follow_the_format_is_refused_naming_the_place(
    tmp_path, questions, message
):
    _write(tmp_path, questions)
    with pytest.raises(BankError, match=message):
        bank_read("demo-exam", root=tmp_path)


def test_a_bank_folder_must_carry_its_own_key(tmp_path):
    folder = _write(tmp_path, SINGLE)
    (folder / "bank.yaml").write_text("key: other\n", encoding="utf-8")
    with pytest.raises(BankError, match="key must be 'demo-exam'"):
        bank_read("demo-exam", root=tmp_path)


def test_loading_creates_the_bank_in_four_languages_and_adds_only_new_questions(tmp_path):
    folder = _write(tmp_path, SINGLE)
    banks = question_bank_load(data=bank_read("demo-exam", root=tmp_path))
    assert {code: bank.purpose for code, bank in banks.items()} == dict.fromkeys(
        ("en", "nl", "fr", "de"), "exam"
    )
    assert Question.objects.filter(key="dx-4.2-e01").count() == 4
    # An editor improves a question; the file gains one: loading again adds
    # the new one and leaves the editor's work alone.
    Question.objects.filter(key="dx-4.2-e01", locale__language_code="nl").update(prompt="Beter")
    (folder / "more.yaml").write_text(
        "questions:\n" + textwrap.indent(TRUE_FALSE, "  "), encoding="utf-8"
    )
    question_bank_load(data=bank_read("demo-exam", root=tmp_path))
    question_bank_load(data=bank_read("demo-exam", root=tmp_path))
    assert Question.objects.filter(key="dx-4.2-e02").count() == 4
    assert Question.objects.filter(key="dx-4.2-e01").count() == 4
    assert Question.objects.get(key="dx-4.2-e01", locale__language_code="nl").prompt == "Beter"
    assert QuestionBank.objects.filter(title="Demo exam").count() == 1


def test_choices_keep_their_ids_and_key_across_languages(tmp_path):
    _write(tmp_path, SINGLE)
    question_bank_load(data=bank_read("demo-exam", root=tmp_path))
    questions = Question.objects.filter(key="dx-4.2-e01")
    expected = {tuple((c.id, c.value["correct"]) for c in q.choices) for q in questions}
    assert len(expected) == 1
    assert [correct for _id, correct in next(iter(expected))] == [False, True, False]


def test_a_scenario_is_drawn_in_each_language_with_its_text_alternative(tmp_path):
    _write(tmp_path, SCENARIO)
    question_bank_load(data=bank_read("demo-exam", root=tmp_path))
    for question in Question.objects.filter(key="dx-4.2-m01").select_related("locale", "image"):
        code = question.locale.language_code
        assert question.image.title == f"dx-4.2-m01 ({code})"
        assert "https://pay.example.top/x" in question.image_alt
        assert ("Pay" if code == "en" else f"Pay-{code}") in question.image_alt
        question.full_clean()


def test_the_text_alternative_reads_out_every_field_in_the_language():
    spec = {
        "type": "email",
        "from": "bpost <no-reply@bpost-track.info>",
        "subject": {"en": "Parcel", "nl": "Pakje", "fr": "Colis", "de": "Paket"},
        "body": {"en": "Pay now.", "nl": "Betaal nu.", "fr": "Payez.", "de": "Zahlen."},
        "button": {"en": "Pay", "nl": "Betalen", "fr": "Payer", "de": "Zahlen"},
        "link": "https://bpost-track.info/pay",
    }
    assert mockup_alt(spec=spec, language="nl") == (
        "E-mail. Van: bpost <no-reply@bpost-track.info>. Onderwerp: Pakje. Bericht: Betaal nu. "
        "Knop: ‘Betalen’. De link leidt naar: https://bpost-track.info/pay."
    )
    assert "Objet: Colis." in mockup_alt(spec=spec, language="fr")


@pytest.mark.parametrize("kind", ["email", "sms", "chat", "webpage", "popup"])
def test_every_kind_of_mockup_draws_a_picture_as_tall_as_its_text(kind):
    spec = {
        "type": kind,
        "from": "+32 470 00 00 00",
        "subject": "Hello",
        "url": "https://www.example.be/",
        "title": "Title",
        "button": "OK",
    }
    short = Image.open(io.BytesIO(mockup_png(spec={**spec, "body": "Hi"}, language="en")))
    long_spec = {**spec, "body": "word " * 200}
    tall = Image.open(io.BytesIO(mockup_png(spec=long_spec, language="de")))
    assert short.width == tall.width == 640
    assert tall.height > short.height + 100


def test_the_banks_kept_as_files_all_read_without_error():
    keys = banks_available()
    assert {"security-exam", "security-practice", "basic-exam", "helpers-exam"} <= set(keys)
    for key in keys:
        bank = bank_read(key)
        assert bank["purpose"] in ("exam", "practice")
