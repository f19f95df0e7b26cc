"""Loading a course from its files: idempotent, a changed file gives a new
revision, an editor's change is never overwritten silently, translations stay
linked, pictures and drawn messages get their text alternatives."""

import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from courses.content.banks import bank_read
from courses.content.files import COURSES_DIR, ContentError, course_read
from courses.models import CatalogPage, CoursePage, LessonPage, LoadedContent, ModulePage
from courses.services import question_bank_load, site_bootstrap
from courses.services_content import LoadReport, course_load

pytestmark = pytest.mark.django_db

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32" width="64" height="32">'
    '<rect width="64" height="32" fill="#fff"/><text x="4" y="20">{}</text></svg>'
)


@pytest.fixture
def folder(tmp_path) -> Path:
    """A copy of the real digital helpers course, to change."""
    copy = tmp_path / "digital-helpers"
    shutil.copytree(COURSES_DIR / "digital-helpers", copy)
    return copy


@pytest.fixture
def load(db):
    home = site_bootstrap()
    catalogue = CatalogPage.objects.child_of(home).get()
    banks = {
        key: question_bank_load(data=bank_read(key)) for key in ("helpers-training", "helpers-exam")
    }

    def run(folder: Path, *, force: bool = False) -> LoadReport:
        report = LoadReport()
        course_load(
            catalogue=catalogue, data=course_read(folder), banks=banks, force=force, report=report
        )
        return report

    return run


def lesson(slug: str, code: str) -> LessonPage:
    return LessonPage.objects.get(slug=slug, locale__language_code=code)


def edit(folder: Path, lesson_dir: str, code: str, old: str, new: str) -> None:
    path = folder / "01-consent-and-coaching" / lesson_dir / f"{code}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_first_load_creates_every_page_in_four_languages_with_shared_translation_keys(
    folder, load
):
    report = load(folder)
    assert len(report.created) == 4 * (1 + 1 + 3)  # course, module, three lessons
    assert not report.updated and not report.kept
    for slug in ("asking-for-consent", "coaching-a-session", "final-check"):
        pages = LessonPage.objects.filter(slug=slug)
        assert {p.locale.language_code for p in pages} == {"en", "nl", "fr", "de"}
        assert len({p.translation_key for p in pages}) == 1
        assert all(p.live for p in pages)
    ids = {code: [b.id for b in lesson("coaching-a-session", code).body] for code in ["en", "nl"]}
    assert ids["en"] == ids["nl"]
    assert lesson("asking-for-consent", "fr").title == "Demander le consentement"


def test_loading_twice_in_a_row_changes_nothing(folder, load):
    load(folder)
    revisions = {p.pk: p.revisions.count() for p in Page.objects.all()}
    report = load(folder)
    assert report.unchanged == 4 * 5
    assert not (report.created or report.updated or report.kept)
    assert {p.pk: p.revisions.count() for p in Page.objects.all()} == revisions


def test_a_changed_file_gives_that_language_a_new_published_revision(folder, load):
    load(folder)
    before = {code: lesson("asking-for-consent", code).revisions.count() for code in ["en", "nl"]}
    edit(folder, "01-asking-for-consent", "nl", "De persoon kan", "Die persoon kan")
    report = load(folder)
    assert report.updated == ["nl digital-helpers/consent-and-coaching/asking-for-consent"]
    nl = lesson("asking-for-consent", "nl")
    assert nl.revisions.count() == before["nl"] + 1
    assert "Die persoon kan" in str(nl.body[0].value)
    assert not nl.has_unpublished_changes
    assert lesson("asking-for-consent", "en").revisions.count() == before["en"]


def test_an_editors_change_is_kept_and_named_unless_forced(folder, load):
    load(folder)
    editor = get_user_model().objects.create_user("editor", "editor@example.be", "x" * 16)
    page = lesson("asking-for-consent", "de")
    page.title = "Um Erlaubnis bitten"
    page.save_revision(user=editor).publish()
    edit(folder, "01-asking-for-consent", "de", "Die Person kann", "Sie kann")

    report = load(folder)
    assert len(report.kept) == 1
    assert "de digital-helpers/consent-and-coaching/asking-for-consent" in report.kept[0]
    assert "editor" in report.kept[0]
    assert any("NOT overwritten" in line for line in report.lines())
    assert lesson("asking-for-consent", "de").title == "Um Erlaubnis bitten"

    report = load(folder, force=True)
    assert report.updated == ["de digital-helpers/consent-and-coaching/asking-for-consent"]
    page = lesson("asking-for-consent", "de")
    assert page.title == "Um Einwilligung bitten"
    assert page.revisions.filter(user=editor).exists()  # the editor's version stays in history


def test_an_editors_unpublished_draft_is_not_overwritten_either(folder, load):
    load(folder)
    editor = get_user_model().objects.create_user("editor", "editor@example.be", "x" * 16)
    page = lesson("final-check", "fr")
    page.title = "Brouillon"
    page.save_revision(user=editor)
    edit(folder, "03-final-check", "fr", "Cinq questions", "Les cinq questions")
    report = load(folder)
    assert len(report.kept) == 1
    assert lesson("final-check", "fr").get_latest_revision().user == editor


def test_a_lesson_no_longer_in_the_files_is_reported_not_deleted(folder, load):
    load(folder)
    shutil.rmtree(folder / "01-consent-and-coaching" / "02-coaching-a-session")
    report = load(folder)
    assert report.orphans == ["digital-helpers/consent-and-coaching/coaching-a-session"]
    assert lesson("coaching-a-session", "en").live


def test_the_files_order_is_the_page_order_in_every_language(folder, load):
    load(folder)
    module = folder / "01-consent-and-coaching"
    (module / "01-asking-for-consent").rename(module / "04-asking-for-consent")
    load(folder)
    for code in ("en", "nl", "fr", "de"):
        parent = ModulePage.objects.get(slug="consent-and-coaching", locale__language_code=code)
        assert [p.slug for p in parent.get_children()] == [
            "coaching-a-session",
            "final-check",
            "asking-for-consent",
        ]


def test_a_picture_and_a_drawn_message_become_images_with_their_text_alternative(folder, load):
    lesson_dir = folder / "01-consent-and-coaching" / "01-asking-for-consent"
    for code in ("en", "nl", "fr", "de"):
        (lesson_dir / f"form.{code}.svg").write_text(SVG.format(code), encoding="utf-8")
        path = lesson_dir / f"{code}.md"
        path.write_text(
            path.read_text(encoding="utf-8")
            + f'\n![The consent form, {code}](form.{code}.svg "Caption {code}")\n'
            + '\n::: mockup\ntype: sms\nfrom: "+32 470 00 00 00"\nbody: "Code 123456"\n:::\n',
            encoding="utf-8",
        )
    load(folder)
    page = lesson("asking-for-consent", "nl")
    figure, drawn = [b.value for b in page.body if b.block_type == "image"]
    assert figure["alt"] == "The consent form, nl"
    assert figure["caption"] == "Caption nl"
    assert figure["image"].file.name.endswith(".svg")
    assert "+32 470 00 00 00" in drawn["alt"] and "Code 123456" in drawn["alt"]
    assert drawn["image"].file.read(8) == b"\x89PNG\r\n\x1a\n"


def test_durations_are_computed_from_the_lessons_and_summed_for_the_course(folder, load):
    load(folder)
    for code in ("en", "de"):
        course = CoursePage.objects.get(slug="digital-helpers", locale__language_code=code)
        lessons = LessonPage.objects.live().descendant_of(course)
        assert course.estimated_minutes == sum(page.estimated_minutes for page in lessons)
    # 3 practice questions (3 min) + its words (under 200: 1 min).
    assert lesson("coaching-a-session", "en").estimated_minutes == 4


def test_publishing_a_lesson_in_the_admin_updates_its_courses_duration(folder, load):
    load(folder)
    page = lesson("asking-for-consent", "en")
    body = list(page.body.raw_data)
    body.append({"type": "paragraph", "value": "<p>" + "word " * 400 + "</p>", "id": "extra-words"})
    page.body = body
    page.save_revision(
        user=get_user_model().objects.create_user("ed", "e@x.be", "x" * 16)
    ).publish()
    course = CoursePage.objects.get(slug="digital-helpers", locale__language_code="en")
    assert lesson("asking-for-consent", "en").estimated_minutes == 3  # 463 words
    lessons = LessonPage.objects.live().descendant_of(course)
    assert course.estimated_minutes == sum(p.estimated_minutes for p in lessons)


def test_review_fields_come_from_lesson_yaml_and_each_load_records_its_revision(folder, load):
    meta = folder / "01-consent-and-coaching" / "01-asking-for-consent" / "lesson.yaml"
    meta.write_text(
        meta.read_text()
        + "sources:\n  - title: Aidants Connect\n    url: https://aidantsconnect.beta.gouv.fr\n"
    )
    load(folder)
    page = lesson("asking-for-consent", "fr")
    assert str(page.reviewed_on) == "2026-12-05"
    assert [s.value["url"] for s in page.sources] == ["https://aidantsconnect.beta.gouv.fr"]
    record = LoadedContent.objects.get(page=page)
    assert record.revision_id == page.latest_revision_id
    assert record.source == str(folder / "01-consent-and-coaching" / "01-asking-for-consent")


def test_a_quiz_from_a_bank_that_is_not_loaded_is_refused_by_name(folder, db):
    home = site_bootstrap()
    catalogue = CatalogPage.objects.child_of(home).get()
    with pytest.raises(ContentError, match="helpers-training"):
        course_load(catalogue=catalogue, data=course_read(folder), banks={})


def test_a_practice_quiz_is_named_after_its_lesson_and_the_exam_keeps_its_title(folder, load):
    load(folder)
    for code in ("en", "nl", "fr", "de"):
        page = lesson("coaching-a-session", code)
        (block,) = [b for b in page.body if b.block_type == "quiz"]
        assert block.value["title"].endswith(f": {page.title}"), code
    english = lesson("coaching-a-session", "en")
    (block,) = [b for b in english.body if b.block_type == "quiz"]
    assert block.value["title"] == "Check what you know: Coaching a session"
    exam = next(b for b in lesson("final-check", "en").body if b.block_type == "quiz")
    assert exam.value["title"] == "Digital helpers: final check"


def test_every_practice_quiz_of_the_basic_course_has_a_title_of_its_own():
    from courses.services_content import _practice_title

    data = course_read(COURSES_DIR / "basic-digital-skills")
    for code in ("en", "nl", "fr", "de"):
        titles = [
            _practice_title(value["title"][code], lesson["title"][code])
            for module in data["modules"]
            for lesson in module["lessons"]
            for kind, value in lesson["body"]
            if kind == "quiz" and value.get("mode", "practice") == "practice"
        ]
        assert len(titles) > 4
        assert len(set(titles)) == len(titles), code
