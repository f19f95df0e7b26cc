"""Loading a course from its files (courses/content/courses/, read by
courses.content.files) into Wagtail pages, in the four languages.

Idempotent: every page records what it was loaded from (LoadedContent: the
digest of its data in its language and the revision the loader published).
Loading again changes nothing when the files did not change. A page whose
files changed gets a new revision, published. A page an editor changed after
the last load (a later revision made by a person) is left as it is and named
in the report, unless `force` is given; its history keeps the editor's
version either way. Translations are created with copy_for_translation, so
every language of a page shares its translation key, and a block has the same
id in every language (learners' progress is keyed by both)."""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Sum
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from courses.blocks import QuizBlock
from courses.content.files import COURSES_DIR, ContentError, block_in
from courses.content.mockups import mockup_alt, mockup_png
from courses.models import CatalogPage, CoursePage, LessonPage, LoadedContent, ModulePage
from courses.services import _competences, _languages, block_id, image_ensure

QUIZ_TITLE_MAX = QuizBlock().child_blocks["title"].field.max_length


@dataclass
class LoadReport:
    """What a load did, page by page (`label` = language and path)."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def lines(self) -> list[str]:
        lines = [f"created {label}" for label in self.created]
        lines += [f"updated {label}" for label in self.updated]
        lines += [
            f"NOT overwritten {label} (run with --force to replace it)" for label in self.kept
        ]
        lines += [f"not in the files (left as it is) {label}" for label in self.orphans]
        lines.append(
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{self.unchanged} unchanged, {len(self.kept)} kept as an editor changed them"
        )
        return lines


def _digest(material: dict) -> str:
    text = json.dumps(material, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _source(path: Path) -> str:
    try:
        return str(Path(path).relative_to(COURSES_DIR))
    except ValueError:
        return str(path)


def _sync(page: Page, material: dict, *, label: str, source: str, report, force: bool) -> None:
    """Publish `page` (its fields already set from `material`) unless the files
    did not change since the last load, or an editor changed it since then."""
    digest = _digest(material)
    record = LoadedContent.objects.filter(page=page).first()
    if record is not None and record.digest == digest:
        report.unchanged += 1
        return
    by_people = page.revisions.filter(user__isnull=False)
    if record is not None and record.revision_id:
        by_people = by_people.filter(pk__gt=record.revision_id)
    latest = by_people.select_related("user").order_by("-pk").first()
    if latest is not None and not force:
        report.kept.append(f"{label}: changed by {latest.user} on {latest.created_at:%Y-%m-%d}")
        return
    revision = page.save_revision()
    revision.publish()
    LoadedContent.objects.update_or_create(
        page_id=page.pk, defaults={"digest": digest, "revision": revision, "source": source}
    )
    (report.created if record is None else report.updated).append(label)


def _translation(page: Page, locale: Locale) -> tuple[Page, bool]:
    """`page` in `locale` and whether it is new: the existing translation, or
    a copy that shares its translation key (its parent is translated first)."""
    translated = page.get_translation_or_none(locale)
    if translated is not None:
        return translated.specific, False
    return page.copy_for_translation(locale).specific, True


def _order(parent: Page, keys: list) -> None:
    """Put the children of `parent` that come from the files in the files'
    order (pages that are not in the files stay before them)."""
    children = [c for c in parent.get_children() if c.translation_key in keys]
    present = [c.translation_key for c in children]
    if present == [key for key in keys if key in present]:
        return
    for key in keys:
        child = Page.objects.filter(translation_key=key, locale_id=parent.locale_id).first()
        if child is not None:
            child.move(Page.objects.get(pk=parent.pk), pos="last-child")


# --- what a page holds, per language ------------------------------------------------


def _picture(title: str, filename: str, make) -> int:
    model = get_image_model()
    image = model.objects.filter(title=title).first()
    if image is None:
        image = image_ensure(title=title, data=make(), filename=filename)
    return image.pk


def _bank(banks: dict, key: str) -> dict:
    if key not in banks:
        raise ContentError(f"a quiz draws from the question bank “{key}”, which is not loaded")
    return banks[key]


def _practice_title(title: str, lesson_title: str) -> str:
    """Every lesson's practice quiz has the same name in the files ("Check what
    you know"): with its lesson's name it is told apart on My learning, in the
    results and on the attempt page ("Check what you know: Strong passwords")."""
    if not lesson_title or lesson_title in title:
        return title
    combined = f"{title}: {lesson_title}"
    return combined if len(combined) <= QUIZ_TITLE_MAX else title


def _activity(
    kind: str, value: dict, code: str, banks: dict, documents: dict, lesson_title: str = ""
) -> dict:
    if kind == "quiz":
        blueprint = [
            {"competence": str(c), "difficulty": str(d), "count": int(n)}
            for c, d, n in value.get("blueprint", [])
        ]
        practice = value.get("mode", "practice") == "practice"
        title = value["title"][code]
        return {
            "title": _practice_title(title, lesson_title) if practice else title,
            "instructions": value.get("instructions", {}).get(code, ""),
            "bank": _bank(banks, value["bank"])[code].pk,
            "mode": value.get("mode", "practice"),
            "blueprint": blueprint,
            "question_count": sum(cell["count"] for cell in blueprint)
            or value.get("question_count", 3),
            "competences": value.get("competences", ""),
            "difficulty": "",
            "pass_mark_percent": value.get("pass_mark_percent", 70),
            "max_attempts": value.get("max_attempts"),
            "cooldown_minutes": value.get("cooldown_minutes", 0),
            "grading_policy": value.get("grading_policy", "best"),
            "time_limit_minutes": value.get("time_limit_minutes"),
            "required": value.get("required", not practice),
        }
    if kind == "h5p":
        activities = documents.get("h5p", {}).get(value["content"], {})
        return {
            "title": value["title"][code],
            "instructions": value.get("instructions", {}).get(code, ""),
            "content": activities.get(code) or activities.get("en"),
            "pass_mark_percent": value.get("pass_mark_percent", 60),
            "grading_policy": value.get("grading_policy", "best"),
            "required": value.get("required", False),
        }
    return {
        "title": value["title"][code],
        "instructions": value.get("instructions", {}).get(code, ""),
        "levels": [int(level) for level in value["levels"]],
        "required": value.get("required", True),
    }


def _block(kind, value, code, *, key, folder, banks, documents, lesson_title=""):
    if kind == "image":
        name = value["file"][code]
        data = (Path(folder) / name).read_bytes()
        title = f"{key}/{name} {hashlib.sha256(data).hexdigest()[:12]}"
        return "image", {
            "image": _picture(title, name, lambda: data),
            "alt": value["alt"][code],
            "caption": value["caption"][code],
        }
    if kind == "mockup":
        spec = value["spec"][code]
        title = f"{key}/mockup {_digest({'spec': spec, 'language': code})[:12]}"
        return "image", {
            "image": _picture(title, "mockup.png", lambda: mockup_png(spec=spec, language=code)),
            "alt": mockup_alt(spec=spec, language=code),
            "caption": value["caption"][code],
        }
    text = block_in(kind, value, code)
    if text is not None:
        return kind, text
    return kind, _activity(kind, value, code, banks, documents, lesson_title)


def _lesson_fill(page: LessonPage, data: dict, code: str, key: str, banks, documents) -> dict:
    body = []
    for index, (kind, value) in enumerate(data["body"]):
        block_type, stored = _block(
            kind,
            value,
            code,
            key=key,
            folder=data["folder"],
            banks=banks,
            documents=documents,
            lesson_title=data["title"][code],
        )
        body.append({"type": block_type, "id": block_id(key, str(index)), "value": stored})
    sources = [
        {
            "type": "source",
            "id": block_id(key, "source", str(index)),
            "value": {"title": source["title"][code], "url": source["url"][code]},
        }
        for index, source in enumerate(data["sources"])
    ]
    page.title = data["title"][code]
    page.body = body
    page.required = data["required"]
    page.reviewed_on = data["reviewed"]
    page.sources = sources
    page.competences = _competences(data["competences"])
    return {
        "title": page.title,
        "body": body,
        "required": page.required,
        "reviewed": data["reviewed"],
        "sources": sources,
        "competences": sorted(data["competences"]),
    }


def _module_fill(page: ModulePage, data: dict, code: str) -> dict:
    page.title = data["title"][code]
    page.intro = data["intro"].get(code, "")
    return {"title": page.title, "intro": page.intro}


def _course_fill(page: CoursePage, data: dict, code: str) -> dict:
    page.title = data["title"][code]
    page.summary = data["summary"][code]
    page.learning_outcomes = [("outcome", outcome[code]) for outcome in data["outcomes"]]
    page.prerequisites = data["prerequisites"].get(code, "")
    page.track = data["track"]
    page.audience = data["audience"]
    page.target_level = data["target_level"]
    page.self_enrolment = data["self_enrolment"]
    page.certificate_validity_months = data["certificate_validity_months"]
    page.competences = _competences(data["competences"])
    return {
        "title": page.title,
        "summary": page.summary,
        "outcomes": [outcome[code] for outcome in data["outcomes"]],
        "prerequisites": page.prerequisites,
        "track": page.track,
        "audience": page.audience,
        "target_level": page.target_level,
        "self_enrolment": page.self_enrolment,
        "certificate_validity_months": page.certificate_validity_months,
        "competences": sorted(data["competences"]),
    }


def course_minutes(course: CoursePage) -> int:
    """A course's duration: the sum of its live lessons' (each computed from
    what the lesson holds, courses.durations)."""
    total = (
        LessonPage.objects.live()
        .descendant_of(course)
        .aggregate(minutes=Sum("estimated_minutes"))["minutes"]
    )
    return total or 0


def course_minutes_refresh(*, page: Page) -> None:
    """Store the duration of the course that holds `page` (or is it), after a
    lesson or the course was published from the admin."""
    course = (
        CoursePage.objects.ancestor_of(page, inclusive=True)
        .filter(locale_id=page.locale_id)
        .first()
    )
    if course is not None:
        CoursePage.objects.filter(pk=course.pk).update(estimated_minutes=course_minutes(course))


# --- the course -----------------------------------------------------------------------


def _child(parent: Page, model, slug: str) -> Page | None:
    return model.objects.child_of(parent).filter(slug=slug).first()


@transaction.atomic
def course_load(
    *,
    catalogue: CatalogPage,
    data: dict,
    banks: dict | None = None,
    documents: dict | None = None,
    force: bool = False,
    report: LoadReport | None = None,
) -> CoursePage:
    """Create or update the course read from its files (`data`, from
    courses.content.files.course_read) under `catalogue`, in every language."""
    banks = banks or {}
    documents = documents or {}
    report = report if report is not None else LoadReport()
    languages = _languages()
    source = languages[0]
    locales = {code: Locale.objects.get(language_code=code) for code in languages}
    slug = data["slug"]

    course = _child(catalogue, CoursePage, slug)
    if course is None:
        # Without its certificate until the lessons hold the final exam.
        course = CoursePage(slug=slug, locale=locales[source], certificate_enabled=False)
        _course_fill(course, data, source)
        catalogue.add_child(instance=course)
    courses = {source: course}
    for code in languages[1:]:
        courses[code], new = _translation(course, locales[code])
        if new:
            _course_fill(courses[code], data, code)
            courses[code].save()

    module_keys = []
    for module_data in data["modules"]:
        module = _child(course, ModulePage, module_data["slug"])
        if module is None:
            module = ModulePage(slug=module_data["slug"], locale=locales[source])
            _module_fill(module, module_data, source)
            course.add_child(instance=module)
        module_keys.append(module.translation_key)
        lesson_keys = []
        for code in languages:
            page = module if code == source else _translation(module, locales[code])[0]
            label = f"{code} {slug}/{module_data['slug']}"
            material = _module_fill(page, module_data, code)
            _sync(page, material, label=label, source=slug, report=report, force=force)

        for lesson_data in module_data["lessons"]:
            key = f"{slug}/{module_data['slug']}/{lesson_data['slug']}"
            lesson = _child(module, LessonPage, lesson_data["slug"])
            if lesson is None:
                lesson = LessonPage(slug=lesson_data["slug"], locale=locales[source])
                _lesson_fill(lesson, lesson_data, source, key, banks, documents)
                module.add_child(instance=lesson)
            lesson_keys.append(lesson.translation_key)
            for code in languages:
                page = lesson if code == source else _translation(lesson, locales[code])[0]
                material = _lesson_fill(page, lesson_data, code, key, banks, documents)
                _sync(
                    page,
                    material,
                    label=f"{code} {key}",
                    source=_source(lesson_data["folder"]),
                    report=report,
                    force=force,
                )
        for code in languages:
            _order(module.get_translation(locales[code]), lesson_keys)
        report.orphans += [
            f"{slug}/{module_data['slug']}/{page.slug}"
            for page in LessonPage.objects.child_of(module)
            if page.translation_key not in lesson_keys
        ]
    for code in languages:
        _order(courses[code], module_keys)
    report.orphans += [
        f"{slug}/{page.slug}"
        for page in ModulePage.objects.child_of(course)
        if page.translation_key not in module_keys
    ]

    for code in languages:
        page = CoursePage.objects.get(pk=courses[code].pk)
        material = _course_fill(page, data, code)
        page.estimated_minutes = material["minutes"] = course_minutes(page)
        page.certificate_enabled = material["certificate"] = data["certificate_enabled"]
        _sync(page, material, label=f"{code} {slug}", source=slug, report=report, force=force)
    course.refresh_from_db()
    return course
