"""Writes for content: the site skeleton every installation needs and the
question banks, in the four languages (courses are loaded from their files by
courses.services_content).

Every loader here is safe to run again and changes nothing that already
exists: what is loaded then belongs to the editors."""

import uuid
from io import BytesIO

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, Site

from courses.content.catalogue import CATALOGUE
from courses.content.home import HOME
from courses.content.mockups import mockup_alt, mockup_png
from courses.models import (
    CatalogPage,
    DigCompCompetence,
    HomePage,
    Question,
    QuestionBank,
)

# Deterministic block ids: the same block has the same id in every language
# (progress and attempts are keyed by it) and in every installation.
BLOCK_NAMESPACE = uuid.UUID("5b0d8f0e-6c1e-4f3a-9a53-2f4c4b8d7e10")


def block_id(*parts: str) -> str:
    return str(uuid.uuid5(BLOCK_NAMESPACE, "/".join(parts)))


def _languages() -> list[str]:
    source = settings.LANGUAGE_CODE
    return [source] + [code for code, _ in settings.LANGUAGES if code != source]


def _home_body(words: dict, catalogue: CatalogPage | None) -> list:
    link_text = CATALOGUE[words["language"]]["link_text"] if catalogue else ""
    cards = [
        {
            "title": title,
            "text": text,
            "link_page": catalogue,
            "link_text": link_text,
        }
        for title, text in words["tracks"]
    ]
    return [
        ("cards", {"heading": words["tracks_heading"], "cards": cards}),
        ("heading", words["help_heading"]),
        ("paragraph", words["help"]),
    ]


def _fill_home(page: HomePage, code: str, catalogue: CatalogPage | None) -> None:
    words = {**HOME[code], "language": code}
    page.title = words["title"]
    page.slug = words["slug"]
    page.lead = words["lead"]
    page.body = _home_body(words, catalogue)


def _fill_catalogue(page: CatalogPage, code: str) -> None:
    words = CATALOGUE[code]
    page.title = words["title"]
    page.slug = words["slug"]
    page.intro = words["intro"]


def _publish(page: Page) -> None:
    page.save()
    page.save_revision().publish()


@transaction.atomic
def site_bootstrap() -> HomePage:
    """Create, once, a locale per language, the home page and the course
    catalogue in each of them, and make the home the default site's root.
    Safe to run again: it changes nothing an editor has already written."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in _languages()}
    source_code = settings.LANGUAGE_CODE
    root = Page.get_first_root_node()

    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=locales[source_code]).first()
    created_homes: set[str] = set()
    if home is None:
        # Wagtail's placeholder "Welcome" page (a bare Page) is not ours to keep;
        # it also holds the slug the home page wants.
        Page.objects.filter(
            depth=2, content_type__model="page", content_type__app_label="wagtailcore"
        ).delete()
        home = HomePage()
        _fill_home(home, source_code, None)
        home.locale = locales[source_code]
        root.add_child(instance=home)
        home.save_revision().publish()
        created_homes.add(source_code)
        site = Site.objects.filter(is_default_site=True).first()

    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    if site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Digiskills"
        site.save()

    catalogue = CatalogPage.objects.child_of(home).first()
    if catalogue is None:
        catalogue = CatalogPage(locale=locales[source_code])
        _fill_catalogue(catalogue, source_code)
        home.add_child(instance=catalogue)
        catalogue.save_revision().publish()
        if source_code in created_homes:
            home = HomePage.objects.get(pk=home.pk)
            _fill_home(home, source_code, catalogue)
            _publish(home)

    for code, locale in locales.items():
        if code == source_code:
            continue
        translated_home = home.get_translation_or_none(locale)
        if translated_home is None:
            translated_home = home.copy_for_translation(locale)
            created_homes.add(code)
        translated_catalogue = catalogue.get_translation_or_none(locale)
        if translated_catalogue is None:
            translated_catalogue = catalogue.copy_for_translation(locale)
            _fill_catalogue(translated_catalogue, code)
            _publish(translated_catalogue)
        if code in created_homes:
            # Adding the catalogue changed the home's tree fields: save a fresh copy.
            translated_home = HomePage.objects.get(pk=translated_home.pk)
            _fill_home(translated_home, code, translated_catalogue)
            _publish(translated_home)
    return home


# --- course content ---------------------------------------------------------


def _competences(codes: list[str]) -> list[DigCompCompetence]:
    return list(DigCompCompetence.objects.filter(code__in=codes))


def _question_values(data: dict, code: str) -> dict:
    return {
        "kind": data["kind"],
        "prompt": data["prompt"][code],
        "explanation": data.get("explanation", {}).get(code, ""),
        "image_alt": data.get("image_alt", {}).get(code, ""),
        "difficulty": data.get("difficulty", Question.Difficulty.EASY),
    }


def _question_choices(data: dict, key: str, code: str) -> list[dict]:
    return [
        {
            "type": "choice",
            "id": block_id(key, str(index)),
            "value": {
                "text": choice["text"][code],
                "correct": choice["correct"],
                "feedback": choice.get("feedback", {}).get(code, ""),
            },
        }
        for index, choice in enumerate(data["choices"])
    ]


@transaction.atomic
def question_bank_load(*, data: dict, images: dict | None = None) -> dict[str, QuestionBank]:
    """Create a question bank in the four languages once (matched on its
    English title) and add the questions it does not hold yet, matched on their
    stable id; questions already there belong to the editors and are left as
    they are. Returns the bank per language code. Choices have the same block
    ids in every language; a scenario's mock-up is drawn in each language."""
    images = images or {}
    languages = _languages()
    locales = {code: Locale.objects.get(language_code=code) for code in languages}
    source = languages[0]
    purpose = data.get("purpose", QuestionBank.Purpose.PRACTICE)
    bank = QuestionBank.objects.filter(locale=locales[source], title=data["title"][source]).first()
    if bank is None:
        bank = QuestionBank.objects.create(
            locale=locales[source],
            title=data["title"][source],
            description=data.get("description", {}).get(source, ""),
            purpose=purpose,
        )
    banks = {source: bank}
    for code in languages[1:]:
        translated = bank.get_translation_or_none(locales[code])
        if translated is None:
            translated = bank.copy_for_translation(locales[code])
            translated.title = data["title"][code]
            translated.description = data.get("description", {}).get(code, "")
            translated.purpose = bank.purpose
            translated.save()
        banks[code] = translated

    items = [
        (item.get("id") or f"{data['key']}/{index}", item)
        for index, item in enumerate(data["questions"])
    ]
    _question_keys_backfill(bank, [key for key, _item in items])
    existing = set(bank.questions.exclude(key="").values_list("key", flat=True))
    missing = [(key, item) for key, item in items if key not in existing]
    if not missing:
        return banks
    competences = {c.code: c for c in _competences([item["competence"] for _k, item in missing])}
    for key, item in missing:
        original = None
        for code in languages:
            values = _question_values(item, code)
            image = images.get(item.get("image"))
            if item.get("mockup"):
                image = image_ensure(
                    title=f"{key} ({code})",
                    data=mockup_png(spec=item["mockup"], language=code),
                    filename=f"{key.replace('/', '-')}-{code}.png",
                )
                values["image_alt"] = mockup_alt(spec=item["mockup"], language=code)
            if original is None:
                question = Question(
                    locale=locales[code],
                    bank=banks[code],
                    competence=competences[item["competence"]],
                )
            else:
                question = original.copy_for_translation(locales[code])
                question.bank = banks[code]
            question.key = key
            question.image = image
            for name, value in values.items():
                setattr(question, name, value)
            # Files name questions by their own id; older banks by their place
            # in the bank, which keeps the choice ids they always had.
            question.choices = _question_choices(item, key, code)
            question.full_clean()
            question.save()
            original = original or question
    return banks


def _question_keys_backfill(bank: QuestionBank, keys: list[str]) -> None:
    """Questions loaded before they had a stable id get the id of their place
    in the bank (in every language), so that loading again adds nothing twice."""
    unnamed = list(bank.questions.filter(key="").order_by("pk"))
    if not unnamed:
        return
    for question, key in zip(unnamed, keys, strict=False):
        Question.objects.filter(translation_key=question.translation_key).update(key=key)


@transaction.atomic
def image_ensure(*, title: str, data: bytes, filename: str) -> AbstractImage:
    """The Wagtail image with this title, uploaded once from `data`."""
    model = get_image_model()
    image = model.objects.filter(title=title).first()
    if image is None:
        image = model(title=title)
        image.file = ImageFile(BytesIO(data), name=filename)
        image.save()
    return image
