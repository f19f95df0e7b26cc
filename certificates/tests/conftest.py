"""Course pages in four languages and people, for the certificates tests."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from courses.models import CatalogPage, CoursePage, DigCompCompetence
from lms.models import User
from lms.tests.factories import UserFactory

TITLES = {
    "security": {
        "en": "Security diploma: safe online",
        "nl": "Veiligheidsdiploma: veilig online",
        "fr": "Diplôme sécurité : en sécurité en ligne",
        "de": "Sicherheitsdiplom: sicher online",
    },
    "basic": {
        "en": "Basic digital skills",
        "nl": "Digitale basisvaardigheden",
        "fr": "Compétences numériques de base",
        "de": "Digitale Grundkompetenzen",
    },
}


def _translate(page, language: str, title: str):
    translated = page.copy_for_translation(Locale.objects.get(language_code=language))
    translated.title = title
    translated.save_revision().publish()
    return translated


@pytest.fixture
def catalog(home_page):
    return make_catalog(home_page)


def make_catalog(home_page):
    # site_bootstrap creates the catalogue in the four languages; older trees lack it.
    existing = CatalogPage.objects.child_of(home_page).first()
    if existing is not None:
        return existing
    catalog = CatalogPage(title="Courses", slug="courses")
    home_page.add_child(instance=catalog)
    catalog.save_revision().publish()
    for language, title in {"nl": "Cursussen", "fr": "Cours", "de": "Kurse"}.items():
        _translate(catalog, language, title)
    return catalog


def make_course(catalog, track: str, *, validity=None, competences=("4.1", "4.2"), level=3):
    course = CoursePage(
        title=TITLES[track]["en"],
        slug=f"{track}-course",
        track=track,
        audience="adults",
        summary="A course.",
        target_level=level,
        certificate_validity_months=validity,
        # The exam itself is recorded by the tests (issue_after_exam).
        certificate_enabled=True,
    )
    catalog.add_child(instance=course)
    course.competences.set(DigCompCompetence.objects.filter(code__in=competences))
    course.save_revision().publish()
    for language in ("nl", "fr", "de"):
        _translate(course, language, TITLES[track][language])
    return CoursePage.objects.get(pk=course.pk)


@pytest.fixture
def security_course(catalog):
    return make_course(catalog, "security", validity=24)


@pytest.fixture
def basic_course(catalog):
    return make_course(catalog, "basic", validity=None, competences=("1.1",), level=2)


@pytest.fixture
def certificate(security_course, learner):
    """Lotte's security diploma, issued after a passed exam."""
    from certificates.tests.helpers import issue_after_exam

    return issue_after_exam(user=learner, course=security_course)


@pytest.fixture
def learner(db):
    return UserFactory(
        username="lotte", first_name="Lotte", last_name="Peeters", preferred_language="nl"
    )


@pytest.fixture
def child(db):
    return UserFactory(
        username="noah",
        first_name="Noah",
        last_name="Dubois",
        email="",
        preferred_language="fr",
        account_type=User.AccountType.YOUNG,
    )


@pytest.fixture
def assisted_person(db):
    """An adult without e-mail (an assisted account): certified like anyone."""
    return UserFactory(
        username="maria",
        first_name="Maria",
        last_name="Claes",
        email="",
        preferred_language="fr",
        account_type=User.AccountType.ASSISTED,
    )


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and receipt de-duplication live in the cache; the frame of
    # the verification page in the process.
    from certificates.views import frame

    cache.clear()
    frame._frames.clear()
    frame._forms.clear()
    frame._contents.clear()
    yield
    cache.clear()
    frame._frames.clear()
    frame._forms.clear()
    frame._contents.clear()
