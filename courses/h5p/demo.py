"""Demo data for H5P: the project's quiz library in the store, and the
"Strong passwords" activity in nl, fr, de and en, each made as a real .h5p
package and sent through the same validation as an editor's upload."""

import io
import json
from pathlib import Path

from django.conf import settings
from PIL import Image, ImageDraw
from pyh5p.package import write_zip

from courses.h5p.demo_content import L10N, QUIZ
from courses.h5p.library_store import library_install
from courses.h5p.services import h5p_content_create
from courses.models import H5PContent, H5PLibrary

LIBRARIES = Path(settings.BASE_DIR) / "courses" / "h5p_libraries"
QUIZ_LIBRARY = {"machineName": "H5P.DigiskillsQuiz", "majorVersion": 1, "minorVersion": 1}
IMAGE_PATH = "images/padlock.png"


def padlock_png() -> bytes:
    """A padlock beside a row of asterisks, drawn here so the demo ships no binary."""
    image = Image.new("RGB", (480, 200), "#f2f5fb")
    draw = ImageDraw.Draw(image)
    draw.arc((40, 30, 120, 120), 180, 360, fill="#1a1a1a", width=12)
    draw.rounded_rectangle((30, 75, 130, 170), radius=10, fill="#0b57d0")
    draw.ellipse((70, 105, 90, 125), fill="#ffffff")
    for index in range(8):
        x = 170 + index * 36
        draw.line((x, 110, x + 20, 130), fill="#1a1a1a", width=5)
        draw.line((x + 20, 110, x, 130), fill="#1a1a1a", width=5)
        draw.line((x + 10, 105, x + 10, 135), fill="#1a1a1a", width=5)
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def quiz_package(language: str) -> bytes:
    """The demo activity as a content-only .h5p package in `language`."""
    words = QUIZ[language]
    questions = []
    for text, alt, answers in words["questions"]:
        question = {
            "text": text,
            "answers": [
                {"text": answer, "correct": correct, "feedback": feedback}
                for answer, correct, feedback in answers
            ],
        }
        if alt:
            question["image"] = {
                "path": IMAGE_PATH,
                "mime": "image/png",
                "width": 480,
                "height": 200,
            }
            question["imageAlt"] = alt
        questions.append(question)
    parameters = {
        "intro": words["intro"],
        "questions": questions,
        "passPercentage": 60,
        "l10n": L10N[language],
    }
    metadata = {
        "title": words["title"],
        "language": language,
        "mainLibrary": QUIZ_LIBRARY["machineName"],
        "embedTypes": ["iframe"],
        "license": "U",
        "preloadedDependencies": [QUIZ_LIBRARY],
    }
    files = {
        "h5p.json": json.dumps(metadata, ensure_ascii=False).encode(),
        "content/content.json": json.dumps(parameters, ensure_ascii=False).encode(),
        f"content/{IMAGE_PATH}": padlock_png(),
    }
    return write_zip(files)


def seed() -> None:
    """Install the quiz library once and add the demo activity per language."""
    if not H5PLibrary.objects.filter(
        machine_name=QUIZ_LIBRARY["machineName"], major_version=1, minor_version=1
    ).exists():
        library_install(source=LIBRARIES / "H5P.DigiskillsQuiz-1.1", installed_by=None)
    first = None
    for language, _name in settings.LANGUAGES:
        title = QUIZ[language]["title"]
        content = H5PContent.objects.filter(title=title, language=language).first()
        if content is None:
            content = h5p_content_create(
                upload=io.BytesIO(quiz_package(language)),
                language=language,
                uploaded_by=None,
                translation_of=first,
            )
        first = first or content
    # The four versions are one activity: a lesson plays the reader's language.
    H5PContent.objects.filter(pk__in=demo_quiz_ids().values()).update(
        translation_key=first.translation_key or first.uuid
    )


def demo_quiz_ids() -> dict[str, int]:
    """The demo activity's id per language (for the demo lessons' H5P blocks)."""
    ids = {}
    for language, _name in settings.LANGUAGES:
        content = H5PContent.objects.filter(
            title=QUIZ[language]["title"], language=language
        ).first()
        if content is not None:
            ids[language] = content.pk
    return ids
