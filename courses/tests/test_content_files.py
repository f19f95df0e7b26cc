"""The course files: the reader refuses what the format does not allow (with
the file and the place), the checker counts words, and the real courses meet
the bar of issue 16 (no database needed)."""

import statistics
from pathlib import Path

import pytest

from courses.content import check
from courses.content.files import (
    COURSES_DIR,
    LANGUAGES,
    ContentError,
    course_read,
    lesson_file_read,
    lesson_words,
)
from courses.durations import block_words, lesson_minutes

COURSE = """slug: t
track: basic
audience: adults
target_level: 2
competences: ["1.1"]
lesson_words: [5, 900]
title: {en: T, nl: T, fr: T, de: T}
summary: {en: S, nl: S, fr: S, de: S}
"""
BODY = """---
title: Lesson {code}
---
Words in {code}: one two three.

![A drawing]({picture})

::: quiz
bank: b
title: Check {code}
question_count: 3
:::
"""


def make_course(root: Path, bodies: dict[str, str] | None = None, picture="p.svg") -> Path:
    lesson = root / "01-m" / "01-l"
    lesson.mkdir(parents=True)
    (root / "course.yaml").write_text(COURSE)
    (root / "01-m" / "module.yaml").write_text("title: {en: M, nl: M, fr: M, de: M}\n")
    (lesson / "lesson.yaml").write_text('competences: ["1.1"]\nreviewed: 2026-12-05\n')
    (lesson / "p.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')
    for code in LANGUAGES:
        text = (bodies or {}).get(code) or BODY.format(code=code, picture=picture)
        (lesson / f"{code}.md").write_text(text)
    return root


def test_a_well_formed_course_reads_into_blocks_in_four_languages(tmp_path):
    course = course_read(make_course(tmp_path))
    lesson = course["modules"][0]["lessons"][0]
    assert [kind for kind, _ in lesson["body"]] == ["paragraph", "image", "quiz"]
    quiz = lesson["body"][2][1]
    assert quiz["bank"] == "b" and quiz["title"]["fr"] == "Check fr"
    assert lesson_words(lesson, "nl") == 6


@pytest.mark.parametrize(
    ("nl", "message"),
    [
        (BODY.format(code="nl", picture="p.svg").replace("![A drawing](p.svg)\n", ""), "blocks"),
        (BODY.format(code="nl", picture="p.svg").replace("A drawing", ""), "text alternative"),
        (
            BODY.format(code="nl", picture="p.svg").replace(
                "question_count: 3", "question_count: 4"
            ),
            "settings in nl differ",
        ),
        (BODY.format(code="nl", picture="p.svg").replace("one two", "<b>one</b> two"), "HTML tags"),
        (
            BODY.format(code="nl", picture="p.svg").replace("---\ntitle: Lesson nl\n", "---\n"),
            "title",
        ),
        (BODY.format(code="nl", picture="p.svg").replace("\n:::\n", "\n"), "never closed"),
        (BODY.format(code="nl", picture="p.svg").replace("Words", "# Words"), "use ##"),
        (BODY.format(code="nl", picture="p.svg").replace("::: quiz", "::: quizz"), "unknown block"),
        (BODY.format(code="nl", picture="p.svg").replace("p.svg", "../p.svg"), "lesson's folder"),
        (
            BODY.format(code="nl", picture="p.svg") + "\n#### Too small a heading\n",
            "not allowed",
        ),
    ],
)
def test_a_file_outside_the_format_is_refused_with_its_name(tmp_path, nl, message):
    make_course(tmp_path, {"nl": nl})
    with pytest.raises(ContentError, match=message) as error:
        course_read(tmp_path)
    assert "nl.md" in str(error.value) or "01-l" in str(error.value)


def test_an_svg_with_a_script_or_an_outside_link_is_refused(tmp_path):
    make_course(tmp_path)
    svg = tmp_path / "01-m" / "01-l" / "p.svg"
    for bad in (
        "<script>alert(1)</script>",
        '<a href="https://evil.example">x</a>',
        '<g onload="x()"/>',
    ):
        svg.write_text(f'<svg xmlns="http://www.w3.org/2000/svg">{bad}</svg>')
        with pytest.raises(ContentError, match="script, an event or an outside link"):
            course_read(tmp_path)


def test_a_missing_language_file_is_refused(tmp_path):
    make_course(tmp_path)
    (tmp_path / "01-m" / "01-l" / "de.md").unlink()
    with pytest.raises(ContentError, match="de.md: missing"):
        course_read(tmp_path)


def test_directives_read_callouts_steps_and_accordions(tmp_path):
    path = tmp_path / "en.md"
    path.write_text(
        "---\ntitle: T\n---\n## Heading\n\n"
        '::: callout warning "Careful"\nNever **share** it.\n:::\n\n'
        '::: steps "Try it"\n1. Open the app.\n2. Tap *Settings*\n   and then Privacy.\n:::\n\n'
        "::: accordion\n### Why?\nBecause.\n### How?\n- like this\n:::\n"
    )
    title, blocks = lesson_file_read(path)
    assert title == "T"
    assert blocks[0] == ("heading", "Heading")
    assert blocks[1] == (
        "callout",
        {"kind": "warning", "title": "Careful", "text": "<p>Never <b>share</b> it.</p>"},
    )
    assert blocks[2][1]["steps"] == ["Open the app.", "Tap <i>Settings</i> and then Privacy."]
    assert blocks[3][1]["items"][1] == ["How?", "<ul><li>like this</li></ul>"]


def test_the_checker_prints_words_and_fails_a_lesson_under_the_courses_minimum(tmp_path, capsys):
    make_course(tmp_path)
    assert check.main([str(tmp_path)]) == 0
    assert "m/l: en 6 nl 6 fr 6 de 6 | pictures 1 | activities quiz" in capsys.readouterr().out
    (tmp_path / "course.yaml").write_text(COURSE.replace("[5, 900]", "[7, 900]"))
    assert check.main([str(tmp_path)]) == 1
    assert "en: 6 words" in capsys.readouterr().out
    # Exactly at the limits, at both ends, is within them.
    (tmp_path / "course.yaml").write_text(COURSE.replace("[5, 900]", "[6, 6]"))
    assert check.main([str(tmp_path)]) == 0
    (tmp_path / "course.yaml").write_text(COURSE.replace("[5, 900]", "[5, 5]"))
    assert check.main([str(tmp_path)]) == 1


# --- durations: 200 words a minute, rounded up, plus activities ---------------


def paragraph(n: int) -> tuple:
    return ("paragraph", "<p>" + " ".join(["woord"] * n) + "</p>")


@pytest.mark.parametrize(("n", "minutes"), [(0, 1), (1, 1), (200, 1), (201, 2), (400, 2), (401, 3)])
def test_reading_time_is_rounded_up_at_200_words_a_minute(n, minutes):
    assert lesson_minutes([paragraph(n)]) == minutes


def test_activities_add_their_estimates():
    blocks = [
        paragraph(200),
        ("quiz", {"question_count": 5}),
        ("h5p", {}),
        ("puzzle", {"levels": [1, 2]}),
        ("steps", {"title": "", "steps": [{"type": "item", "value": {"text": "a b"}, "id": "1"}]}),
    ]
    # Reading 200 + 2 words = 2 minutes; 5 + 5 + 6 + 1 for the activities.
    assert lesson_minutes(blocks) == 2 + 5 + 5 + 6 + 1


def test_words_count_what_a_learner_reads_in_every_text_block():
    assert block_words("callout", {"title": "Two words", "text": "<p>and three more</p>"}) == 5
    assert (
        block_words(
            "accordion",
            {"title": "", "items": [{"question": "Why?", "answer": "<p>l'ordinateur</p>"}]},
        )
        == 2
    )
    assert block_words("quiz", {"title": "Not counted"}) == 0


# --- the real courses (issue 16) -------------------------------------------------


def real(slug: str) -> dict:
    return course_read(COURSES_DIR / slug)


def lessons(course: dict, *, exams: bool = False) -> list[dict]:
    return [
        lesson
        for module in course["modules"]
        for lesson in module["lessons"]
        if exams or not any(v.get("mode") == "exam" for k, v in lesson["body"] if k == "quiz")
    ]


def test_every_course_folder_passes_the_checker(capsys):
    assert check.main([]) == 0, capsys.readouterr().out


@pytest.mark.parametrize(
    ("slug", "modules", "count"), [("basic-digital-skills", 8, 32), ("security-diploma", 6, 24)]
)
def test_the_adult_courses_have_their_modules_lessons_words_and_pictures(slug, modules, count):
    course = real(slug)
    taught = [m for m in course["modules"] if lessons({"modules": [m]})]
    assert len(taught) >= modules
    found = lessons(course)
    assert len(found) >= count
    for code in LANGUAGES:
        assert statistics.median(lesson_words(lesson, code) for lesson in found) >= 350, code
    pictured = [x for x in found if any(k in ("image", "mockup") for k, _ in x["body"])]
    assert len(pictured) * 2 >= len(found)


def test_no_lesson_teaches_that_an_official_site_ends_in_be():
    for folder in COURSES_DIR.glob("*/*/*/en.md"):
        text = folder.read_text(encoding="utf-8").lower()
        assert "official government site ends in .be" not in text, folder
        assert "official sites end in .be" not in text or "false" in text or "not" in text, folder
