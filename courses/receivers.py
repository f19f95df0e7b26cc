"""Receivers of Wagtail's page signals: keep the cached catalogue addresses
(used by the navigation of every page) and the page-tree version (the key of
everything cached from published pages, sites and view restrictions) in step
with the page tree, and a course's duration in step with its lessons."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from courses.models import CatalogPage
from courses.models.home import SiteSettings, site_settings_cache_key
from courses.selectors import CATALOGUE_URLS_CACHE_KEY, catalogue_urls_compute
from courses.selectors.catalogue import pages_version_renew


def _refresh(**kwargs) -> None:
    instance = kwargs.get("instance")
    if instance is not None and not isinstance(instance.specific_deferred, CatalogPage):
        return
    # Now, so that the next page in this transaction sees it, and again after
    # commit, when the tree is final for every process.
    _store()
    transaction.on_commit(_store)


def _store() -> None:
    cache.set(CATALOGUE_URLS_CACHE_KEY, catalogue_urls_compute(), timeout=None)


def _pages_changed(**kwargs) -> None:
    # Now, for the rest of this request, and after commit, so that no process
    # keeps what it cached between the two from the old tree.
    pages_version_renew()
    transaction.on_commit(pages_version_renew)


def _shown_in_pages_changed(sender, **kwargs) -> None:
    from courses.models import SiteSettings

    if sender is SiteSettings and kwargs.get("created"):
        # Made empty by the first page that reads them: nothing shown changed.
        return
    _pages_changed(**kwargs)


def _purge_frontend_cache(**kwargs) -> None:
    from courses.page_cache import frontend_cache_purge

    frontend_cache_purge(page=kwargs["instance"])


# What saving a draft (or locking) writes to the page row: not the published page.
_DRAFT_FIELDS = frozenset(
    {
        "comments",
        "latest_revision_created_at",
        "draft_title",
        "latest_revision",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def _page_saved(sender, instance, created, update_fields=None, **kwargs) -> None:
    # A page saved without Wagtail's publish signal (a script, a data fix, a
    # test fixture) may still change what is published; a new draft or a
    # draft's bookkeeping does not.
    if not isinstance(instance, Page):
        return
    if created and not instance.live:
        return
    if update_fields is not None and set(update_fields) <= _DRAFT_FIELDS:
        return
    _pages_changed()


def _site_settings_changed(sender, instance, created=False, **kwargs) -> None:
    key = site_settings_cache_key(instance.site_id)
    cache.delete(key)
    if not created:
        # Made by the first page that reads them, nothing was cached before
        # (SiteSettings.for_site): only a change must also wait for the commit.
        transaction.on_commit(lambda: cache.delete(key))


def _course_minutes(sender, instance, **kwargs) -> None:
    # A lesson published from the admin changes its course's duration.
    from courses.services_content import course_minutes_refresh

    course_minutes_refresh(page=instance)


def connect() -> None:
    from django.core.signals import request_finished, request_started

    from config.sessions import read_along
    from courses.models import CoursePage, LessonPage
    from courses.selectors.catalogue import (
        PAGES_VERSION_CACHE_KEY,
        pages_version_request_finished,
        pages_version_request_started,
        pages_version_seen,
    )

    # The page-tree version is read once per request.
    request_started.connect(pages_version_request_started, dispatch_uid="courses-pages-version-in")
    request_finished.connect(
        pages_version_request_finished, dispatch_uid="courses-pages-version-out"
    )
    # A signed-in request's session read brings it along: one round trip.
    read_along(PAGES_VERSION_CACHE_KEY, pages_version_seen)

    for model in (LessonPage, CoursePage):
        page_published.connect(
            _course_minutes, sender=model, dispatch_uid=f"courses-minutes-{model.__name__}"
        )
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_refresh, dispatch_uid=f"courses-catalogue-urls-{id(signal)}")
    post_delete.connect(_refresh, sender=CatalogPage, dispatch_uid="courses-catalogue-urls-delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_pages_changed, dispatch_uid=f"courses-pages-version-{id(signal)}")
    # Deleting a page deletes its specific row and its Page row: once is enough.
    post_delete.connect(_pages_changed, sender=Page, dispatch_uid="courses-pages-version-delete")
    # What pages show besides pages: snippets, site settings, who may see a
    # page, the sites and languages themselves.
    for model in _shown_in_pages():
        for signal in (post_save, post_delete):
            signal.connect(
                _shown_in_pages_changed,
                sender=model,
                dispatch_uid=f"courses-pages-version-{model.__name__}-{id(signal)}",
            )
    post_save.connect(_page_saved, dispatch_uid="courses-pages-version-save")
    for signal in (post_save, post_delete):
        signal.connect(
            _site_settings_changed,
            sender=SiteSettings,
            dispatch_uid=f"courses-settings-{id(signal)}",
        )
    # The cached routes (courses.selectors.routing) carry the page's view
    # restrictions (the model itself is in _shown_in_pages): their groups too.
    m2m_changed.connect(
        _pages_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="courses-pages-version-restriction-groups",
    )
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_purge_frontend_cache, dispatch_uid=f"courses-frontend-cache-{id(signal)}")


def _shown_in_pages() -> list[type]:
    from wagtail.models import Locale, PageViewRestriction, Site

    from courses.models import (
        DigCompArea,
        DigCompCompetence,
        H5PContent,
        PuzzleLevel,
        PuzzleWorld,
        Question,
        QuestionBank,
        SiteSettings,
    )

    return [
        DigCompArea,
        DigCompCompetence,
        QuestionBank,
        Question,
        H5PContent,
        PuzzleWorld,
        PuzzleLevel,
        SiteSettings,
        PageViewRestriction,
        Site,
        Locale,
    ]
