"""An H5P activity in a lesson, for lms tests: the demo quiz library and
package, sent through the real install and validation, in a lesson block."""

import io
from dataclasses import dataclass

from courses.h5p.demo import LIBRARIES, quiz_package
from courses.h5p.library_store import library_install
from courses.h5p.services import h5p_content_create
from courses.h5p.tokens import player_token_make
from courses.models import H5PContent, H5PLibrary, LessonPage
from lms.tests.content import CourseTree


@dataclass
class H5PSetup:
    tree: CourseTree
    lesson: LessonPage
    content: H5PContent
    key: str

    def token(self, user, **changes) -> str:
        values = {
            "user_id": user.pk,
            "lesson_id": self.lesson.pk,
            "activity_key": self.key,
            "content_uuid": self.content.uuid,
            **changes,
        }
        return player_token_make(**values)


def demo_content(language: str = "en") -> H5PContent:
    if not H5PLibrary.objects.filter(machine_name="H5P.DigiskillsQuiz").exists():
        library_install(source=LIBRARIES / "H5P.DigiskillsQuiz-1.1", installed_by=None)
    return h5p_content_create(
        upload=io.BytesIO(quiz_package(language)), language=language, uploaded_by=None
    )


def h5p_value(content: H5PContent, **settings) -> dict:
    return {
        "title": "Practise: strong passwords",
        "instructions": "Three questions.",
        "content": content,
        "pass_mark_percent": 60,
        "grading_policy": "best",
        "required": True,
        **settings,
    }


def add_h5p_block(tree: CourseTree, **settings) -> H5PSetup:
    content = demo_content()
    lesson = tree.lessons[0]
    lesson.body.append(("h5p", h5p_value(content, **settings)))
    lesson.save_revision().publish()
    lesson = LessonPage.objects.get(pk=lesson.pk)
    key = next(block.id for block in lesson.body if block.block_type == "h5p")
    return H5PSetup(tree=tree, lesson=lesson, content=content, key=key)


def statement(verb: str, raw: int | None = None, maximum: int = 3, **extra) -> dict:
    """An xAPI statement as H5P core makes it (the actor is the browser's claim)."""
    body = {
        "actor": {"name": "someone else", "mbox": "mailto:evil@example.com"},
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}", "display": {"en-US": verb}},
        "object": {"id": "http://player.testserver/h5p/content/1", "objectType": "Activity"},
        **extra,
    }
    if raw is not None:
        body["result"] = {
            "score": {"raw": raw, "min": 0, "max": maximum, "scaled": raw / maximum},
            "completion": True,
            "success": raw * 100 >= 60 * maximum,
        }
    return body
