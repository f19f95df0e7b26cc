"""Test data for courses/: a catalogue tree in the four languages, built the
way editors and the demo loader build it (through the page tree and
copy_for_translation), small enough for fast tests."""

import factory
from wagtail.models import Locale

from courses.models import (
    CatalogPage,
    CoursePage,
    DigCompCompetence,
    LessonPage,
    ModulePage,
    Question,
    QuestionBank,
)
from courses.services import site_bootstrap


def catalogue(code: str = "en") -> CatalogPage:
    site_bootstrap()
    return CatalogPage.objects.get(locale__language_code=code)


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def course(parent: CatalogPage, *, slug: str, title: str = "", competences=(), **fields):
    page = CoursePage(
        slug=slug,
        title=title or slug.replace("-", " ").capitalize(),
        summary=fields.pop("summary", f"About {slug}."),
        track=fields.pop("track", "basic"),
        audience=fields.pop("audience", "adults"),
        locale=parent.locale,
        **fields,
    )
    page.competences = list(DigCompCompetence.objects.filter(code__in=competences))
    return publish_child(parent, page)


def module(parent: CoursePage, *, slug: str, title: str = "") -> ModulePage:
    page = ModulePage(slug=slug, title=title or slug, locale=parent.locale)
    return publish_child(parent, page)


def lesson(parent: ModulePage, *, slug: str, title: str = "", body=None, **fields) -> LessonPage:
    page = LessonPage(
        slug=slug,
        title=title or slug,
        locale=parent.locale,
        body=body or [("paragraph", f"<p>Lesson {slug}.</p>")],
        **fields,
    )
    return publish_child(parent, page)


def translate(page, code: str, **fields):
    """The page's translation in `code`, published, with the given fields set."""
    translated = page.copy_for_translation(Locale.objects.get(language_code=code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    translated.save_revision().publish()
    return type(translated).objects.get(pk=translated.pk)


def course_tree(parent: CatalogPage, *, slug: str, modules: int = 2, lessons: int = 2, **fields):
    """A published course with `modules` modules of `lessons` lessons each."""
    top = course(parent, slug=slug, **fields)
    for m in range(modules):
        chapter = module(top, slug=f"module-{m + 1}", title=f"Module {m + 1}")
        for n in range(lessons):
            lesson(chapter, slug=f"lesson-{m + 1}-{n + 1}", title=f"Lesson {m + 1}.{n + 1}")
    return top


class QuestionBankFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionBank

    title = factory.Sequence(lambda n: f"Bank {n}")
    locale = factory.LazyFunction(lambda: Locale.objects.get_or_create(language_code="en")[0])


def choices(*items):
    """Choices as (text, correct) pairs, in the StreamField's raw form."""
    return [
        {"type": "choice", "value": {"text": text, "correct": correct, "feedback": ""}}
        for text, correct in items
    ]


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    bank = factory.SubFactory(QuestionBankFactory)
    locale = factory.SelfAttribute("bank.locale")
    kind = Question.Kind.SINGLE
    prompt = factory.Sequence(lambda n: f"Question {n}?")
    competence = factory.LazyFunction(lambda: DigCompCompetence.objects.get(code="4.2"))
    choices = factory.LazyFunction(lambda: choices(("Yes", True), ("No", False)))


TITLES = {
    "phishing": {
        "en": "Spot phishing e-mails",
        "nl": "Phishing herkennen",
        "fr": "Repérer l'hameçonnage",
        "de": "Phishing erkennen",
    },
    "robots": {
        "en": "Robot puzzles",
        "nl": "Robotpuzzels",
        "fr": "Énigmes de robot",
        "de": "Roboterrätsel",
    },
}


def three_courses(*, modules: int = 1, lessons: int = 1) -> dict:
    """Two courses in all four languages and one only in English:
    phishing (security, adults, level 3, 300 min, DigComp 4.2),
    robots (kids, children, level 1, 45 min, DigComp 3.4),
    email (basic, adults, level 2, 90 min, DigComp 2.1; English only)."""
    en = catalogue("en")
    phishing = course_tree(
        en,
        slug="phishing",
        title=TITLES["phishing"]["en"],
        track="security",
        audience="adults",
        target_level=3,
        estimated_minutes=300,
        competences=["4.2"],
        modules=modules,
        lessons=lessons,
        summary="Learn to recognise fake e-mails.",
    )
    robots = course_tree(
        en,
        slug="robots",
        title=TITLES["robots"]["en"],
        track="kids",
        audience="children",
        target_level=1,
        estimated_minutes=45,
        competences=["3.4"],
        modules=modules,
        lessons=lessons,
        summary="Help a robot reach the star.",
    )
    email = course_tree(
        en,
        slug="email",
        title="First steps with e-mail",
        track="basic",
        audience="adults",
        target_level=2,
        estimated_minutes=90,
        competences=["2.1"],
        modules=modules,
        lessons=lessons,
        summary="Write your first e-mail.",
    )
    translated = {}
    for code in ("nl", "fr", "de"):
        for key, page in (("phishing", phishing), ("robots", robots)):
            translated[(key, code)] = translate_tree(page, code, title=TITLES[key][code])
    # A course's duration is computed from its lessons when they are published;
    # the catalogue's duration filter is tested on these set ones.
    for slug, minutes in (("phishing", 300), ("robots", 45), ("email", 90)):
        CoursePage.objects.filter(slug=slug).update(estimated_minutes=minutes)
    return {"phishing": phishing, "robots": robots, "email": email, "translated": translated}


def translate_tree(page, code: str, **fields):
    """Translate a course and everything under it (same slugs, same block ids)."""
    top = translate(page, code, **fields)
    for child in page.get_descendants().specific().order_by("path"):
        translate(child, code, title=f"{child.title} ({code})")
    return top
