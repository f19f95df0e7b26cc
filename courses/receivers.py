"""Receivers of Wagtail's page signals: keep the cached catalogue addresses
(used by the navigation of every page) in step with the page tree, and a
course's duration in step with its lessons."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from courses.models import CatalogPage
from courses.selectors import CATALOGUE_URLS_CACHE_KEY, catalogue_urls_compute


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


def _course_minutes(sender, instance, **kwargs) -> None:
    # A lesson published from the admin changes its course's duration.
    from courses.services_content import course_minutes_refresh

    course_minutes_refresh(page=instance)


def connect() -> None:
    from courses.models import CoursePage, LessonPage

    for model in (LessonPage, CoursePage):
        page_published.connect(
            _course_minutes, sender=model, dispatch_uid=f"courses-minutes-{model.__name__}"
        )
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_refresh, dispatch_uid=f"courses-catalogue-urls-{id(signal)}")
    post_delete.connect(_refresh, sender=CatalogPage, dispatch_uid="courses-catalogue-urls-delete")
