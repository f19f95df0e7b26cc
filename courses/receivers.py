"""Receivers of Wagtail's page signals: keep the cached catalogue addresses
(used by the navigation of every page) in step with the page tree."""

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


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_refresh, dispatch_uid=f"courses-catalogue-urls-{id(signal)}")
    post_delete.connect(_refresh, sender=CatalogPage, dispatch_uid="courses-catalogue-urls-delete")
