"""Reads for content: the catalogue, a course's outline, a lesson's place in
its course, the sitemap, and the fallback translation of a page.

Each selector runs a fixed number of queries, whatever the number of courses
or lessons, so that list pages stay fast as the catalogue grows."""

import copy
import secrets
import time
from contextlib import suppress
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from wagtail.models import Page

from courses.models import CatalogPage, CoursePage, LessonPage, ModulePage

# Duration filter: (upper bound in minutes, inclusive); None means no bound.
PAGE_SIZE = 24
DURATIONS = {"short": (0, 60), "medium": (61, 240), "long": (241, None)}


@dataclass(frozen=True)
class CatalogueFilters:
    """What a learner chose in the catalogue's filter form (all optional)."""

    track: str = ""
    audience: str = ""
    language: str = ""
    area: str = ""
    level: int | None = None
    duration: str = ""
    query: str = ""


@dataclass
class CatalogueEntry:
    """A course as the catalogue shows it, with its language when it is a
    fallback (no translation in the catalogue's language yet)."""

    course: CoursePage
    url: str
    fallback_language: str = ""


@dataclass
class CatalogueResults:
    """One page of catalogue entries, with the total that matched."""

    entries: list[CatalogueEntry]
    total: int
    page: int
    pages: int

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


@dataclass
class OutlineModule:
    module: ModulePage
    lessons: list[LessonPage] = field(default_factory=list)


def _language_rank(field_name: str = "locale__language_code") -> Case:
    # The source language first, then the others in the configured order.
    codes = [settings.LANGUAGE_CODE] + [
        c for c, _ in settings.LANGUAGES if c != settings.LANGUAGE_CODE
    ]
    return Case(
        *[When(**{field_name: code}, then=Value(i)) for i, code in enumerate(codes)],
        default=Value(len(codes)),
        output_field=IntegerField(),
    )


def page_fallbacks(page: Page) -> QuerySet:
    """The live translations of `page` to try when a path is missing in its
    language: the source language (English) first."""
    return (
        page.get_translations()
        .live()
        .annotate(language_rank=_language_rank())
        .order_by("language_rank")
    )


def catalogue_courses(
    *,
    catalog: CatalogPage,
    filters: CatalogueFilters,
    request=None,
    page: int = 1,
    page_size: int = PAGE_SIZE,
) -> "CatalogueResults":
    """The live, public courses of the catalogue's language that match the
    filters and the search, plus (as fallbacks) courses not yet translated."""
    courses = CoursePage.objects.live().public()
    own_keys = courses.filter(locale_id=catalog.locale_id).values("translation_key")
    fallbacks = (
        courses.exclude(locale_id=catalog.locale_id)
        .exclude(translation_key__in=own_keys)
        .filter(locale__language_code=settings.LANGUAGE_CODE)
    )
    queryset = courses.filter(Q(locale_id=catalog.locale_id) | Q(pk__in=fallbacks.values("pk")))
    if filters.track:
        queryset = queryset.filter(track=filters.track)
    if filters.audience:
        queryset = queryset.filter(audience=filters.audience)
    if filters.level:
        queryset = queryset.filter(target_level=filters.level)
    if filters.duration in DURATIONS:
        low, high = DURATIONS[filters.duration]
        queryset = queryset.filter(estimated_minutes__gte=low)
        if high is not None:
            queryset = queryset.filter(estimated_minutes__lte=high)
    if filters.area:
        queryset = queryset.filter(
            pk__in=CoursePage.competences.through.objects.filter(
                digcompcompetence__area__code=filters.area
            ).values("coursepage_id")
        )
    if filters.language:
        available = CoursePage.objects.live().filter(locale__language_code=filters.language)
        queryset = queryset.filter(translation_key__in=available.values("translation_key"))

    if filters.query:
        # Full-text search (PostgreSQL full text in production), then the
        # filters above on the matching ids, keeping the search's ranking.
        ranked = [
            page.pk for page in CoursePage.objects.live().search(filters.query, operator="and")
        ]
        allowed = set(queryset.filter(pk__in=ranked).values_list("pk", flat=True))
        ids = [pk for pk in ranked if pk in allowed]
        total = len(ids)
    else:
        ids = None
        total = queryset.count()

    pages = max(1, -(-total // page_size))
    number = min(max(1, page), pages)
    start = (number - 1) * page_size
    shown = queryset.select_related("locale").prefetch_related("competences")
    if ids is None:
        courses_shown = list(shown.order_by("path")[start : start + page_size])
    else:
        window = ids[start : start + page_size]
        by_pk = {course.pk: course for course in shown.filter(pk__in=window)}
        courses_shown = [by_pk[pk] for pk in window]

    catalog_url = catalog.get_url(request)
    entries = []
    for course in courses_shown:
        if course.locale_id == catalog.locale_id:
            entries.append(CatalogueEntry(course=course, url=course.get_url(request)))
        else:
            # Served under this language's address; the course page falls back
            # to the source language with a notice (see TranslationFallbackMixin).
            entries.append(
                CatalogueEntry(
                    course=course,
                    url=f"{catalog_url}{course.slug}/",
                    fallback_language=course.locale.language_code,
                )
            )
    return CatalogueResults(entries=entries, total=total, page=number, pages=pages)


def course_outline(*, course: CoursePage) -> list[OutlineModule]:
    """The course's live modules in order, each with its live lessons (two queries)."""
    modules = {
        module.path: OutlineModule(module=module)
        for module in ModulePage.objects.child_of(course).live().order_by("path")
    }
    lessons = LessonPage.objects.descendant_of(course).live().order_by("path")
    for lesson in lessons.only(
        "id",
        "title",
        "slug",
        "path",
        "depth",
        "url_path",
        "locale_id",
        "estimated_minutes",
        "required",
        "live",
        "translation_key",
        "content_type_id",
    ):
        parent = modules.get(lesson.path[: -LessonPage.steplen])
        if parent is not None:
            parent.lessons.append(lesson)
    return list(modules.values())


def course_first_lesson(*, outline: list[OutlineModule]) -> LessonPage | None:
    """The lesson a learner starts with."""
    for item in outline:
        if item.lessons:
            return item.lessons[0]
    return None


def course_competences(*, course: CoursePage) -> list:
    """The course's DigComp competences with their areas (one query)."""
    return list(course.competences.select_related("area").order_by("code"))


@dataclass
class LessonPlace:
    """Where a lesson sits: its course and module, and its neighbours."""

    course: CoursePage | None
    module: ModulePage | None
    previous: LessonPage | None
    next: LessonPage | None
    position: int
    total: int


def lesson_place(*, lesson: LessonPage) -> LessonPlace:
    """The lesson's course, module and previous/next lessons: from the cache
    under the page-tree version, else three queries."""
    return pages_cached(f"lesson-place:{lesson.pk}", lambda: _lesson_place(lesson))


def lesson_place_of_id(*, lesson_id: int) -> LessonPlace | None:
    """`lesson_place` by the lesson's id (None: no such lesson): the page is
    loaded only when its place is not kept."""

    def compute() -> LessonPlace | None:
        lesson = LessonPage.objects.filter(pk=lesson_id).first()
        return _lesson_place(lesson) if lesson is not None else None

    return pages_cached(f"lesson-place:{lesson_id}", compute)


def _lesson_place(lesson: LessonPage) -> LessonPlace:
    ancestors = {
        type(page): page
        for page in Page.objects.ancestor_of(lesson).filter(depth__gte=lesson.depth - 2).specific()
    }
    course = ancestors.get(CoursePage)
    module = ancestors.get(ModulePage)
    siblings: list[LessonPage] = []
    if course is not None:
        siblings = list(
            LessonPage.objects.descendant_of(course)
            .live()
            .order_by("path")
            .only("id", "title", "slug", "path", "depth", "url_path", "locale_id")
        )
    ids = [item.pk for item in siblings]
    index = ids.index(lesson.pk) if lesson.pk in ids else -1
    return LessonPlace(
        course=course,
        module=module,
        previous=siblings[index - 1] if index > 0 else None,
        next=siblings[index + 1] if 0 <= index < len(siblings) - 1 else None,
        position=index + 1,
        total=len(siblings),
    )


def page_translation_urls(*, page: Page, request) -> dict[str, str]:
    """The address of each live translation of `page` (itself included) by
    language code, as seen from the request's site: one query, then kept by
    the process under the page-tree version."""
    from wagtail.models import Site

    site = Site.find_for_request(request)

    def compute() -> dict[str, str]:
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return {item.locale.language_code: item.get_url(request) for item in translations}

    if page.pk is None or getattr(request, "is_preview", False):
        return compute()  # a draft: not what is published
    return pages_local(f"translations:{page.pk}:{site.pk if site else ''}", compute)


def sitemap_pages() -> list[list[Page]]:
    """Every live, public page grouped with its translations (for hreflang)."""
    pages = Page.objects.live().public().filter(depth__gt=1).select_related("locale")
    groups: dict = {}
    for page in pages.order_by("path"):
        groups.setdefault(page.translation_key, []).append(page)
    return list(groups.values())


def lesson_place_of_module(*, module: ModulePage) -> dict:
    """A module page's course and its live lessons (two queries)."""
    course = CoursePage.objects.parent_of(module).first()
    lessons = list(
        LessonPage.objects.child_of(module)
        .live()
        .order_by("path")
        .only("id", "title", "slug", "path", "depth", "url_path", "locale_id", "estimated_minutes")
    )
    return {"course": course, "lessons": lessons}


CATALOGUE_URLS_CACHE_KEY = "courses:catalogue-urls"
PAGES_VERSION_CACHE_KEY = "courses:pages-version"
# Entries under an old version are never read again; they just expire.
PAGES_CACHE_TIMEOUT = 24 * 3600


# The version read once per request (set up by `pages_version_request_*`,
# connected to Django's request signals): every read of a request sees the
# same tree, and the cache is asked once. None outside a request (tasks,
# commands, tests calling selectors), where every call asks the cache.
_request_version: ContextVar[dict | None] = ContextVar("courses_pages_version", default=None)


def pages_version_request_started(**kwargs) -> None:
    _request_version.set({})


def pages_version_request_finished(**kwargs) -> None:
    _request_version.set(None)


def pages_version_seen(version) -> None:
    """The version as the request's session read brought it along
    (config.sessions): kept for the rest of the request, as if read here."""
    memo = _request_version.get()
    if memo is not None and "version" not in memo and isinstance(version, str):
        memo["version"] = version


def pages_version() -> str:
    """A token that changes whenever the published page tree changes (a page
    published, unpublished, moved, deleted or translated): anything derived
    from published pages (a cached page, the address → page map) keys on it, so
    one change retires all of it at once. A random token, not a counter, so a
    cache that lost the key never hands out an old number again. Read once per
    request."""
    memo = _request_version.get()
    if memo is not None and "version" in memo:
        return memo["version"]
    version = cache.get(PAGES_VERSION_CACHE_KEY)
    if version is None:
        cache.add(PAGES_VERSION_CACHE_KEY, secrets.token_hex(8), timeout=None)
        version = cache.get(PAGES_VERSION_CACHE_KEY)
    if memo is not None:
        memo["version"] = version
    return version


class _ProcessMemo:
    """What this process derived from the published pages under one version,
    at most `size` entries (the oldest dropped first); emptied when the version
    changes. Values are shared by the requests of the process: read-only."""

    def __init__(self, size: int):
        self.size = size
        self.state: tuple = (None, {})

    def _entries(self, version: str) -> dict:
        # One (version, entries) pair read at once: a thread still on an older
        # version fills its own dict, never the newer one.
        state = self.state
        if state[0] != version:
            state = (version, {})
            self.state = state
        return state[1]

    def peek(self, version: str, name: str):
        return self._entries(version).get(name)

    def put(self, version: str, name: str, value) -> None:
        entries = self._entries(version)
        if len(entries) >= self.size:
            # Another thread may have made room meanwhile.
            with suppress(KeyError, RuntimeError, StopIteration):
                del entries[next(iter(entries))]
        entries[name] = value

    def get(self, version: str, name: str, compute):
        value = self.peek(version, name)
        if value is None:
            value = compute()
            self.put(version, name, value)
        return value

    def clear(self) -> None:
        self.state = (None, {})


# Small entries (routes, a lesson's place, settings) and big ones (a course's
# lessons, some hundred objects each) apart, so that the process stays small.
_memo_small = _ProcessMemo(size=4096)
_memo_big = _ProcessMemo(size=64)
# The live pages themselves (each with its parsed content): the most visited.
_memo_pages = _ProcessMemo(size=256)


def pages_memo_clear() -> None:
    """Forget what this process kept (the shared cache is untouched)."""
    _memo_small.clear()
    _memo_big.clear()
    _memo_pages.clear()


def live_page_kept(version: str, page_id: int, load):
    """The live page `page_id` as this process keeps it under `version`, for
    PAGE_CACHE_SECONDS at most (0: never kept), else `load()` (None: not live,
    nothing kept). A copy each time: what a request sets on its page stays its
    own; the parsed content is shared, read-only."""
    seconds = settings.PAGE_CACHE_SECONDS
    if seconds <= 0:
        return load()
    now = time.monotonic()
    kept = _memo_pages.peek(version, page_id)
    if kept is None or kept[0] <= now:
        page = load()
        if page is None:
            return None
        kept = (now + seconds, page)
        _memo_pages.put(version, page_id, kept)
    return copy.copy(kept[1])


def pages_cached(name: str, compute, *, big: bool = False):
    """`compute()`, kept until the published page tree changes (for what is
    derived from published pages only): in this process, else in the shared
    cache, else computed. Treat the value as read-only. `big` for values of
    many objects (fewer of them are kept in the process)."""
    version = pages_version()

    def shared():
        key = f"courses:pages:{version}:{name}"
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, PAGES_CACHE_TIMEOUT)
        return value

    return (_memo_big if big else _memo_small).get(version, name, shared)


def pages_local(name: str, compute):
    """`compute()`, kept in this process only until the published page tree
    changes (for small values derived from published pages only, cheap to
    compute once per process). Treat the value as read-only."""
    return _memo_small.get(pages_version(), name, compute)


def pages_local_get(version: str, name: str):
    """What this process kept as `name` under `version` (None: nothing)."""
    return _memo_small.peek(version, name)


def pages_local_put(version: str, name: str, value) -> None:
    """Keep `value` (derived from the pages of `version`) in this process."""
    _memo_small.put(version, name, value)


def pages_version_renew() -> None:
    version = secrets.token_hex(8)
    cache.set(PAGES_VERSION_CACHE_KEY, version, timeout=None)
    memo = _request_version.get()
    if memo is not None:
        memo["version"] = version


def catalogue_urls_compute() -> dict[str, str]:
    """The address of the live catalogue in each language (a few queries)."""
    return {
        catalogue.locale.language_code: catalogue.get_url()
        for catalogue in CatalogPage.objects.live().public().select_related("locale")
    }


def catalogue_urls() -> dict[str, str]:
    """The catalogue's address per language, from the cache (refreshed when a
    catalogue is published, moved or removed), so that the navigation of
    every page costs no query; kept by the process under the page-tree
    version, so not even a round trip to the cache: every change that
    refreshes the addresses also renews the version (courses/receivers.py,
    the addresses stored first, the version renewed after)."""
    return pages_local("catalogue-urls", _catalogue_urls_shared)


def _catalogue_urls_shared() -> dict[str, str]:
    urls = cache.get(CATALOGUE_URLS_CACHE_KEY)
    if urls is None:
        urls = catalogue_urls_compute()
        cache.set(CATALOGUE_URLS_CACHE_KEY, urls, timeout=None)
    return urls


def course_titles(*, keys, language: str) -> dict:
    """The title of each course (by translation key) in `language`, falling back
    to English then any language (one query, for invoices and order lists)."""
    rows = (
        CoursePage.objects.filter(translation_key__in=list(keys))
        .annotate(rank=_language_rank())
        .order_by("translation_key", "rank")
        .values_list("translation_key", "title", "locale__language_code")
    )
    titles: dict = {}
    for key, title, code in rows:
        # Rows come source language first: kept unless the asked language follows.
        if key not in titles or code == language:
            titles[key] = title
    return titles
