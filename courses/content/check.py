"""Check course folders without a database: `python -m courses.content.check
[course folder ...]` (all courses when none is given). Prints each lesson's
words per language, its pictures and activities, and what breaks the rules
of a course that sets them (`lesson_words: [350, 900]` in course.yaml: that
many words in every language, a picture and a practice activity per lesson);
exits 1 when a file does not follow the format or a rule is broken, else 0."""

import sys
from pathlib import Path

from courses.content.files import (
    LANGUAGES,
    ContentError,
    course_read,
    courses_available,
    lesson_words,
)

ACTIVITIES = ("quiz", "h5p", "puzzle", "steps")


def lesson_problems(course: dict, lesson: dict, counts: dict[str, int]) -> list[str]:
    """What a lesson lacks, in a course whose course.yaml sets `lesson_words:
    [least, most]`: words in every language, a picture, a practice activity.
    Exam lessons and optional extras are not held to it."""
    kinds = {kind for kind, _ in lesson["body"]}
    exam = any(kind == "quiz" and value.get("mode") == "exam" for kind, value in lesson["body"])
    if exam or not course["lesson_words"] or not lesson["required"]:
        return []
    least, most = course["lesson_words"]
    problems = [f"{code}: {n} words" for code, n in counts.items() if not least <= n <= most]
    if not kinds & {"image", "mockup"}:
        problems.append("no picture")
    if not kinds & set(ACTIVITIES):
        problems.append("no practice activity")
    return problems


def main(argv: list[str]) -> int:
    folders = [Path(arg) for arg in argv] or courses_available()
    failed = False
    for folder in folders:
        try:
            course = course_read(folder)
        except ContentError as error:
            print(f"ERROR {error}")
            failed = True
            continue
        print(f"{course['slug']}: {len(course['modules'])} modules")
        for module in course["modules"]:
            for lesson in module["lessons"]:
                counts = {code: lesson_words(lesson, code) for code in LANGUAGES}
                kinds = [kind for kind, _ in lesson["body"]]
                problems = lesson_problems(course, lesson, counts)
                failed = failed or bool(problems)
                print(
                    f"  {module['slug']}/{lesson['slug']}: "
                    + " ".join(f"{code} {n}" for code, n in counts.items())
                    + f" | pictures {sum(k in ('image', 'mockup') for k in kinds)}"
                    + f" | activities {', '.join(k for k in kinds if k in ACTIVITIES) or '-'}"
                    + (f"  <-- {'; '.join(problems)}" if problems else "")
                )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
